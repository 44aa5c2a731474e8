
/// The report's style sheet: system fonts only (nothing fetched), an A4-friendly column, a
/// colour-blind-safe palette (Okabe–Ito vermillion and blue, with grey; every chart also writes its
/// values and groups as text), and print rules that keep sections and tiles whole on a page.
enum ReportStyle {
    static let css: StaticString = """

        :root { --detractor: #D55E00; --passive: #A8A8A8; --promoter: #0072B2; --ink: #1A1A1A; --muted: #5A5A5A; --rule: #D9D9D9; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; max-width: 186mm; padding: 10mm 6mm 14mm; color: var(--ink); background: #FFFFFF;
               font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header { border-bottom: 2pt solid var(--promoter); padding-bottom: 3mm; margin-bottom: 4mm; }
        .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 8.5pt; }
        h1 { margin: 1mm 0 3mm; font-size: 20pt; line-height: 1.2; }
        h2 { margin: 8mm 0 3mm; font-size: 13pt; border-bottom: 0.75pt solid var(--rule); padding-bottom: 1mm;
             break-after: avoid; page-break-after: avoid; }
        h3 { margin: 5mm 0 2mm; font-size: 11pt; break-after: avoid; page-break-after: avoid; }
        dl.facts { display: grid; grid-template-columns: repeat(4, auto); gap: 1mm 6mm; margin: 0; font-size: 9pt; }
        dl.facts dt, dl.figures dt, dl.rates dt { color: var(--muted); }
        dl.facts dd, dl.figures dd, dl.rates dd { margin: 0; font-weight: 600; }
        section { break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; font-size: 9.5pt; margin-bottom: 1mm; }
        .tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; }
        .tile { border: 0.75pt solid var(--rule); border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
        .tile.wide { grid-column: span 2; border-color: var(--promoter); }
        .tile .label { font-size: 8.5pt; color: var(--muted); }
        .tile .figure { font-size: 20pt; font-weight: 700; line-height: 1.2; }
        .tile.wide .figure { font-size: 26pt; }
        .tile .detail { font-size: 8.5pt; color: var(--muted); }
        svg { display: block; width: 100%; height: auto; max-width: 100%; }
        svg text { font-family: inherit; fill: var(--ink); font-size: 11px; }
        svg text.share, svg text.n, svg text.group { fill: var(--muted); font-size: 10px; }
        svg text.value { font-weight: 600; }
        svg text.small { fill: var(--muted); font-style: italic; font-weight: 400; }
        svg .detractor { fill: var(--detractor); }
        svg .passive, svg .other { fill: var(--passive); }
        svg .promoter, svg .good { fill: var(--promoter); }
        svg .step0 { fill: #B7D3E8; } svg .step1 { fill: #6FA8D1; } svg .step2, svg .answer { fill: #2F86C0; } svg .step3 { fill: var(--promoter); }
        svg .baseline, svg .scale { stroke: var(--muted); stroke-width: 1; }
        svg .bracket { stroke: var(--muted); stroke-width: 1; fill: none; }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg .zero { stroke: var(--muted); stroke-width: 1; }
        svg .trend { stroke: var(--promoter); stroke-width: 2; }
        svg circle.point { fill: var(--promoter); stroke: var(--promoter); stroke-width: 2; }
        svg circle.point.small { fill: #FFFFFF; }
        svg .interval { stroke: var(--promoter); stroke-width: 3; }
        svg .interval.small { stroke: var(--passive); stroke-dasharray: 3 2; }
        table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-bottom: 2mm; }
        th, td { padding: 1mm 2mm; border-bottom: 0.5pt solid var(--rule); text-align: right; vertical-align: middle; }
        th:first-child, td:first-child { text-align: left; }
        th { font-weight: 600; color: var(--muted); }
        tr { break-inside: avoid; page-break-inside: avoid; }
        td.chart { width: 48mm; }
        td.chart svg { width: 46mm; }
        td.small, tr.small td { color: var(--muted); }
        td.n { color: var(--muted); }
        .flag { display: block; font-size: 8pt; color: var(--detractor); }
        table.timeline { font-size: 8.5pt; }
        .note { font-size: 8.5pt; color: var(--muted); margin: 1mm 0 3mm; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
        .quotes { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
        blockquote { margin: 0; padding: 2mm 3mm; border-left: 1.5mm solid var(--passive); background: #F5F5F5;
                     break-inside: avoid; page-break-inside: avoid; }
        blockquote.detractors { border-left-color: var(--detractor); }
        blockquote.promoters { border-left-color: var(--promoter); }
        blockquote p { margin: 0 0 1mm; }
        blockquote footer { font-size: 8.5pt; color: var(--muted); }
        dl.rates, dl.figures { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm 4mm; margin: 2mm 0; font-size: 9pt; }
        .method ul { margin: 0; padding-left: 5mm; font-size: 8.5pt; color: var(--muted); }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { margin-top: 6mm; }
        }
        @media (max-width: 640px) {
          .tiles, dl.rates, dl.figures { grid-template-columns: 1fr 1fr; }
          .columns, .quotes { grid-template-columns: 1fr; }
          dl.facts { grid-template-columns: auto; }
        }

        """
}
