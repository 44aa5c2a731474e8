import CallPulseDomain
import CallPulseStore

/// The client report's words in Finnish, Swedish and English.
struct ReportLabels {
    let language: ReportLanguage

    /// The text in the report's language.
    func t(_ fi: String, _ sv: String, _ en: String) -> String { language.pick(fi, sv, en) }

    var documentTitle: String { t("Asiakaskyselyn raportti", "Rapport om kundundersökningen", "Customer survey report") }
    var client: String { t("Toimeksiantaja", "Uppdragsgivare", "Client") }
    var campaign: String { t("Kampanja", "Kampanj", "Campaign") }
    var period: String { t("Ajanjakso", "Period", "Period") }
    var wholeCampaign: String { t("koko kampanja", "hela kampanjen", "whole campaign") }
    func since(_ date: String) -> String { t("\(date) alkaen", "från \(date)", "since \(date)") }
    var generated: String { t("Laadittu", "Skapad", "Generated") }
    var noAnswers: String { t("Ei vielä vastauksia.", "Inga svar ännu.", "No answers yet.") }
    var answers: String { t("vastausta", "svar", "answers") }

    // Headline
    var headline: String { t("Tulokset lyhyesti", "Resultat i korthet", "Key figures") }
    var nps: String { t("NPS – suositteluindeksi", "NPS – rekommendationsindex", "NPS – Net Promoter Score") }
    var marginOfError: String { t("virhemarginaali", "felmarginal", "margin of error") }
    var interval: String { t("95 %:n luottamusväli", "95 % konfidensintervall", "95 % interval") }
    var csat: String { t("CSAT – tyytyväisiä (4–5)", "CSAT – nöjda (4–5)", "CSAT – satisfied (4–5)") }
    func ces(_ min: Int, _ max: Int) -> String {
        t("CES – asioinnin helppous (\(min)–\(max))", "CES – enkelhet (\(min)–\(max))", "CES – ease (\(min)–\(max))")
    }
    var csi: String { t("CSI – tyytyväisyysindeksi", "CSI – nöjdhetsindex", "CSI – satisfaction index") }
    var completes: String { t("Valmiit haastattelut", "Genomförda intervjuer", "Completed interviews") }
    var responseRate: String { t("Vastausaste (AAPOR RR1)", "Svarsfrekvens (AAPOR RR1)", "Response rate (AAPOR RR1)") }
    var cooperationRate: String {
        t("Yhteistyöaste (AAPOR COOP1)", "Samarbetsgrad (AAPOR COOP1)", "Cooperation rate (AAPOR COOP1)")
    }
    var ofLoaded: String { t("listan yhteystiedoista", "av kontakterna på listan", "of the contacts loaded") }

    // Distributions
    var distributions: String { t("Vastausten jakaumat", "Svarsfördelningar", "How customers answered") }
    var detractors: String { t("Arvostelijat", "Kritiker", "Detractors") }
    var passives: String { t("Passiiviset", "Passiva", "Passives") }
    var promoters: String { t("Suosittelijat", "Förespråkare", "Promoters") }
    var yes: String { t("kyllä", "ja", "yes") }
    var no: String { t("ei", "nej", "no") }
    var severalEach: String { t("useita vaihtoehtoja voi valita", "flera alternativ kan väljas", "several options each") }
    var allRespondents: String { t("Kaikki vastaajat", "Alla svarande", "All respondents") }
    var npsQuestion: String { t("Suositteluhalukkuus 0–10", "Sannolikhet att rekommendera 0–10", "Likelihood to recommend 0–10") }
    var csatQuestion: String { t("Tyytyväisyys palveluun 1–5", "Nöjdhet med servicen 1–5", "Satisfaction with the service 1–5") }
    var cesQuestion: String { t("Asioinnin helppous", "Hur lätt ärendet var", "Ease of getting the matter handled") }

    // Over time
    var overTime: String { t("Kehitys ajan mittaan", "Utveckling över tid", "Over time") }
    var perDay: String { t("päivittäin", "per dag", "per day") }
    var perWeek: String { t("viikoittain", "per vecka", "per week") }
    func week(_ number: Int) -> String { t("vko \(number)", "v. \(number)", "wk \(number)") }
    var periodColumn: String { t("Jakso", "Period", "Period") }
    func smallPointNote(_ n: Int) -> String {
        t("Ontto piste ja sulut: alle \(n) vastausta – liian vähän muutoksen tulkitsemiseen.",
          "Ihålig punkt och parentes: färre än \(n) svar – för få för att tolka en förändring.",
          "Hollow point and brackets: fewer than \(n) answers – too few to read a change from.")
    }

    // Breakdown
    func breakdown(_ field: String) -> String { t("Tulokset ryhmittäin: \(field)", "Resultat per grupp: \(field)", "Results by \(field)") }
    var group: String { t("Ryhmä", "Grupp", "Group") }
    var notGiven: String { t("(ei tietoa)", "(uppgift saknas)", "(not given)") }
    func smallGroup(_ n: Int) -> String { t("pieni ryhmä (n < \(n))", "liten grupp (n < \(n))", "small group (n < \(n))") }
    func breakdownNote(_ n: Int) -> String {
        t("Viiva näyttää NPS:n 95 %:n luottamusvälin. Alle \(n) haastattelun ryhmät on merkitty: niiden erot ovat usein sattumaa.",
          "Linjen visar NPS:s 95 % konfidensintervall. Grupper med färre än \(n) intervjuer är markerade: deras skillnader är ofta slumpen.",
          "The line shows the 95 % interval of the NPS. Groups of fewer than \(n) interviews are flagged: their differences are often chance.")
    }

    // Funnel
    var funnel: String { t("Soittojen eteneminen", "Samtalens förlopp", "From list to interview") }
    var loaded: String { t("Listalla", "På listan", "Loaded") }
    var attempted: String { t("Soitettu", "Uppringda", "Attempted") }
    var contacted: String { t("Tavoitettu", "Nådda", "Contacted") }
    var completed: String { t("Haastateltu", "Intervjuade", "Completed") }
    var funnelCaption: String { t("Yhteystietoja · % listan yhteystiedoista", "Kontakter · % av kontakterna på listan",
                                  "Contacts · % of those loaded") }
    var refusalRate: String { t("Kieltäytymisaste (REF1)", "Vägransfrekvens (REF1)", "Refusal rate (REF1)") }
    var contactRate: String { t("Kontaktiaste (CON1)", "Kontaktfrekvens (CON1)", "Contact rate (CON1)") }
    var responseRate3: String { t("Vastausaste (RR3)", "Svarsfrekvens (RR3)", "Response rate (RR3)") }

    // Voices
    var voices: String { t("Asiakkaiden sanoin", "Med kundernas ord", "In the customers' words") }
    func frequentWords(_ group: String) -> String { t("Yleisimmät sanat – \(group)", "Vanligaste orden – \(group)", "Most frequent words – \(group)") }
    var wordsNote: String {
        t("Luku kertoo, monessako avoimessa vastauksessa sana esiintyy. Täytesanat (suomi, ruotsi, englanti) on jätetty pois.",
          "Talet anger i hur många öppna svar ordet förekommer. Fyllnadsord (finska, svenska, engelska) är borttagna.",
          "The number is how many open answers use the word. Stop words (Finnish, Swedish, English) are left out.")
    }
    var quotes: String { t("Poimintoja vastauksista", "Citat ur svaren", "In their own words") }
    var noOpenAnswers: String { t("Ei avoimia vastauksia.", "Inga öppna svar.", "No open answers.") }

    // Follow-ups
    var followUps: String { t("Palautteeseen tarttuminen", "Uppföljning av feedback", "Closing the loop") }
    var followUpsCreated: String { t("Yhteydenottopyyntöjä luotu", "Uppföljningar skapade", "Follow-ups created") }
    var followUpsResolved: String { t("Hoidettu", "Åtgärdade", "Resolved") }
    var followUpsOpen: String { t("Avoinna", "Öppna", "Open") }
    var followUpsOverdue: String { t("Myöhässä", "Försenade", "Overdue") }
    var meanTimeToResolve: String { t("Keskimääräinen hoitoaika", "Genomsnittlig handläggningstid", "Mean time to resolve") }
    var hours: String { t("h", "h", "h") }

    /// The name of an NPS group with its score range, e.g. "Detractors 0–6".
    func groupName(_ group: VoiceGroup) -> String {
        switch group {
        case .detractors: detractors + " 0–6"
        case .passives: passives + " 7–8"
        case .promoters: promoters + " 9–10"
        case .unscored: allRespondents
        }
    }
}
