extension ReportPage {
    /// The campaign's quotas: target, completes, in progress, remaining, % full, over target and
    /// whether the group's sample can still fill it. Left out when the campaign has none. Each row
    /// carries `data-quota`, `data-target`, `data-completes`, `data-in-progress`, `data-over`.
    func quotas() -> Markup {
        guard let quotas = report.snapshot.quotas, !quotas.isEmpty else { return Markup() }
        let language = report.language
        let titles = [language.pick("Kiintiö", "Kvot", "Quota"), language.pick("Ryhmä", "Grupp", "Group"),
                      language.pick("Tavoite", "Mål", "Target"), language.pick("Valmiit", "Klara", "Completes"),
                      language.pick("Kesken", "Pågår", "In progress"), language.pick("Jäljellä", "Kvar", "Remaining"),
                      language.pick("% täynnä", "% fylld", "% full"), language.pick("Yli tavoitteen", "Över målet", "Over target"),
                      language.pick("Otos riittää", "Urvalet räcker", "Sample can fill")]
        return section("quotas", language.pick("Kiintiöt", "Kvoter", "Quotas")) { section in
            section.element("table", [("class", "breakdown")]) { table in
                table.element("thead") { head in
                    head.element("tr") { row in titles.forEach { row.element("th", text: $0) } }
                }
                table.element("tbody") { body in
                    for quota in quotas {
                        body.element("tr", [("data-quota", quota.name), ("data-target", String(quota.target)),
                                            ("data-completes", String(quota.completes)),
                                            ("data-in-progress", String(quota.inProgress)),
                                            ("data-over", String(quota.overTarget))]) { row in
                            let canFill = quota.sampleCanFill.map {
                                "\($0 ? language.pick("kyllä", "ja", "yes") : language.pick("ei", "nej", "no")) "
                                    + "(\(format.count(quota.contactsLeft ?? 0)))"
                            } ?? ReportFormat.missing
                            for text in [quota.name, quota.group, format.count(quota.target), format.count(quota.completes),
                                         format.count(quota.inProgress), format.count(quota.remaining),
                                         format.percent(points: quota.percentFull, decimals: 0), format.count(quota.overTarget),
                                         canFill] {
                                row.element("td", text: text)
                            }
                        }
                    }
                }
            }
        }
    }
}
