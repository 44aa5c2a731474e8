import CallPulseDomain


extension StatsDashboard {
    /// A run of dashboard lines. The rows after the first `kept` may be cut when the window is
    /// short; `cut` says which (and in what order: groups first, agents last; quotas just before).
    struct Block {
        enum Cut: Int, CaseIterable {
            case groups, trend, answers, quotas, agents

            /// What the note under a cut block calls its hidden rows; nil to drop them without a note.
            func note(_ hidden: Int) -> String? {
                switch self {
                case .groups: "  … \(Plural.of(hidden, "more group")) (a taller window shows them)"
                case .trend: nil
                case .answers: "  … \(Plural.of(hidden, "more line")) of answers (a taller window shows them)"
                case .quotas: "  … \(Plural.of(hidden, "more quota")) (a taller window or campaign quota list shows them)"
                case .agents: "  … \(Plural.of(hidden, "more agent")) (a taller window or --json shows them)"
                }
            }
        }

        var lines: [String]
        var kept = Int.max
        var cut: Cut? = nil
        /// Cuttable rows before the items the note counts (a table's header).
        var header = 0

        /// Shortens the block by up to `excess` lines (a note line replaces the rows cut when `cut`
        /// has one); returns the lines saved.
        mutating func shorten(by excess: Int) -> Int {
            guard let cut, lines.count > kept, excess > 0 else { return 0 }
            let rows = lines.count - kept
            let noted = cut.note(0) != nil
            let hidden = min(rows, excess + (noted ? 1 : 0))
            guard hidden > (noted ? 1 : 0) else { return 0 }
            let before = lines.count
            lines = Array(lines.prefix(lines.count - hidden)) + (cut.note(min(hidden, rows - header)).map { [$0] } ?? [])
            return before - lines.count
        }
    }

    /// The lines of the campaigns' dashboards fitted into `height` rows: in full when they fit,
    /// else compact, else compact with the cuttable blocks shortened; what still does not fit ends
    /// in a line that says so.
    func fitted(_ snapshots: [StatsSnapshot]) -> [String] {
        func lines(_ campaigns: [[Block]]) -> [String] {
            campaigns.map { $0.flatMap(\.lines) }.joined(separator: [""]).map { $0 }
        }
        let full = lines(snapshots.map { blocks($0, compact: false) })
        guard let height, full.count > height else { return full }
        var campaigns = snapshots.map { blocks($0, compact: true) }
        var excess = lines(campaigns).count - height
        for cut in Block.Cut.allCases where excess > 0 {
            for campaign in campaigns.indices.reversed() {
                for block in campaigns[campaign].indices where campaigns[campaign][block].cut == cut && excess > 0 {
                    excess -= campaigns[campaign][block].shorten(by: excess)
                }
            }
        }
        let fitted = lines(campaigns)
        guard fitted.count > height else { return fitted }
        let hidden = fitted.count - height + 1
        return fitted.prefix(height - 1) + ["… \(hidden) more lines below (a taller window, or one campaign at a time)"]
    }
}
