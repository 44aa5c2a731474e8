import CallPulseStore

/// Picks a handful of verbatim quotes from the open answers it is shown, preferring detractors and
/// promoters, answers of a readable length and recent interviews.
///
/// Answers arrive in interview order; only the latest `keep` of each group are held, so memory
/// stays small however many answers a campaign has.
struct QuotePicker: Sendable {
    typealias Quote = ClientReport.Quote

    /// Answers held per group.
    static let keep = 40
    /// Shorter answers say too little to quote ("ok", "hyvä").
    static let minimumCharacters = 12
    /// Answers of this many characters read best; longer ones are cut.
    static let readable = 30...200

    private var held: [VoiceGroup: [(order: Int, quote: Quote)]] = [:]
    private var seen = 0

    mutating func consider(_ answer: ReportTallies.OpenAnswer) {
        let text = Verbatim.clean(answer.text)
        guard text.count >= Self.minimumCharacters else { return }
        seen += 1
        let group = VoiceGroup(npsScore: answer.npsScore)
        held[group, default: []].append((seen, Quote(text: text, npsScore: answer.npsScore, group: group)))
        if held[group]!.count > Self.keep { held[group]!.removeFirst() }
    }

    /// Up to `count` quotes: detractors and promoters in turn first, then the other groups.
    func pick(_ count: Int) -> [Quote] {
        func ranked(_ group: VoiceGroup) -> [Quote] {
            (held[group] ?? []).sorted { a, b in
                let aFits = Self.readable.contains(a.quote.text.count), bFits = Self.readable.contains(b.quote.text.count)
                return aFits != bFits ? aFits : a.order > b.order
            }.map(\.quote)
        }
        var preferred = [ranked(.detractors), ranked(.promoters)]
        var picked: [Quote] = []
        var index = 0
        while picked.count < count, preferred.contains(where: { index < $0.count }) {
            for list in preferred where index < list.count && picked.count < count { picked.append(list[index]) }
            index += 1
        }
        preferred = [ranked(.passives), ranked(.unscored)]
        for quote in preferred.joined() where picked.count < count { picked.append(quote) }
        return picked
    }
}
