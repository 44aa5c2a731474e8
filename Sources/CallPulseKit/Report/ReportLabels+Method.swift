import CallPulseDomain

extension ReportLabels {
    var method: String { t("Näin luvut on laskettu", "Så har siffrorna räknats", "How the figures are computed") }

    /// The method notes, one sentence each.
    func methodNotes(cesScale: String?, csiFormula: String?) -> [String] {
        var notes = [
            t("Tulokset ovat valmiista haastatteluista; keskeytyneet eivät ole mukana.",
               "Resultaten kommer från genomförda intervjuer; avbrutna ingår inte.",
               "Scores come from complete interviews; broken-off ones are left out."),
            t("NPS = suosittelijoiden (9–10) osuus − arvostelijoiden (0–6) osuus, asteikko −100…+100.",
               "NPS = andelen förespråkare (9–10) − andelen kritiker (0–6), från −100 till +100.",
               "NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100."),
            t("NPS:n 95 %:n luottamusväli: alle 100 vastauksella adjusted Wald, jonka keskipiste on korjattu NPS "
                + "(siksi väli ei ole symmetrinen NPS:n ympärillä), muuten Wald.",
               "NPS:s 95 % konfidensintervall: adjusted Wald under 100 svar, centrerat på det justerade NPS "
                + "(därför inte symmetriskt kring NPS), annars Wald.",
               "The NPS 95 % interval: adjusted Wald below 100 answers, centred on the adjusted NPS "
                + "(so not symmetric around the NPS), Wald from 100."),
            t("CSAT = vastausten 4 ja 5 osuus asteikolla 1–5.",
               "CSAT = andelen svar 4 och 5 på skalan 1–5.",
               "CSAT = the share of 4s and 5s on the 1–5 scale."),
        ]
        if let cesScale {
            notes.append(t("CES = vastausten keskiarvo, \(cesScale).", "CES = svarens medelvärde, \(cesScale).",
                            "CES = the mean answer, \(cesScale)."))
        }
        if let csiFormula = csiFormula.map(self.csiFormula) {
            notes.append(t("CSI = \(csiFormula) (tyytyväisyyskysymys).", "CSI = \(csiFormula) (nöjdhetsfrågan).",
                            "CSI = \(csiFormula) (the satisfaction question)."))
        }
        notes.append(t(
            "AAPOR: RR1 = valmiit / kaikki kelpoiset ja mahdollisesti kelpoiset tapaukset; COOP1 = valmiit / tavoitetut kelpoiset; "
                + "keskeneräiset tapaukset lasketaan viimeisimmän soiton tuloksen mukaan.",
            "AAPOR: RR1 = genomförda / alla behöriga och möjligen behöriga fall; COOP1 = genomförda / nådda behöriga; "
                + "pågående fall räknas efter det senaste samtalets utfall.",
            "AAPOR: RR1 = completes / all eligible and possibly eligible cases; COOP1 = completes / eligible cases reached; "
                + "unfinished cases count by their last call's outcome."))
        return notes
    }

    /// A CSI formula as the stats give it (`SatisfactionIndexForm.label`, in English) in the
    /// report's language; a formula of no known form is shown as given.
    func csiFormula(_ formula: String) -> String {
        switch SatisfactionIndexForm.allCases.first(where: { $0.label == formula }) {
        case .ofMaximum?:
            t("100 × keskiarvo ÷ asteikon maksimi", "100 × medelvärde ÷ skalans max", SatisfactionIndexForm.ofMaximum.label)
        case .ofRange?:
            t("100 × (keskiarvo − minimi) ÷ (maksimi − minimi)", "100 × (medelvärde − min) ÷ (max − min)",
              SatisfactionIndexForm.ofRange.label)
        case nil:
            formula
        }
    }
}
