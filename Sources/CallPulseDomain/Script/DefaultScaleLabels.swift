/// The end labels used for nps, ces and csat questions when a script gives none.
///
/// Wording follows the usual Finnish, Swedish and English survey phrasing.
package enum DefaultScaleLabels {
    /// NPS 0.
    package static let npsMin = LocalizedText([
        "fi": "en lainkaan todennäköisesti", "sv": "inte alls sannolikt", "en": "not at all likely",
    ])
    /// NPS 10.
    package static let npsMax = LocalizedText([
        "fi": "erittäin todennäköisesti", "sv": "mycket sannolikt", "en": "extremely likely",
    ])
    /// CSAT 1.
    package static let csatMin = LocalizedText([
        "fi": "erittäin tyytymätön", "sv": "mycket missnöjd", "en": "very dissatisfied",
    ])
    /// CSAT 5.
    package static let csatMax = LocalizedText([
        "fi": "erittäin tyytyväinen", "sv": "mycket nöjd", "en": "very satisfied",
    ])
    /// CES low end when high is good ("how easy was it").
    package static let cesDifficult = LocalizedText([
        "fi": "erittäin vaikeaa", "sv": "mycket svårt", "en": "very difficult",
    ])
    /// CES high end when high is good.
    package static let cesEasy = LocalizedText([
        "fi": "erittäin helppoa", "sv": "mycket lätt", "en": "very easy",
    ])
    /// CES low end when low is good ("how much effort did you have to make").
    package static let cesLittleEffort = LocalizedText([
        "fi": "hyvin vähän vaivaa", "sv": "mycket liten ansträngning", "en": "very little effort",
    ])
    /// CES high end when low is good.
    package static let cesMuchEffort = LocalizedText([
        "fi": "hyvin paljon vaivaa", "sv": "mycket stor ansträngning", "en": "a great deal of effort",
    ])

    /// The default (min, max) labels of a CES scale whose good end is `good`.
    package static func ces(good: ScaleDirection) -> (min: LocalizedText, max: LocalizedText) {
        switch good {
        case .highIsGood: (cesDifficult, cesEasy)
        case .lowIsGood: (cesLittleEffort, cesMuchEffort)
        }
    }
}
