/// The text read out when an answer puts the interview in a full quota group and it ends as
/// quota filled (4.80): the script's `quota_closing:`, else these defaults.
public enum QuotaClosing {
    /// The default closing text in each supported language.
    public static let defaultText = LocalizedText([
        "fi": "Kiitos ajastanne! Tähän vastaajaryhmään on jo saatu tarpeeksi vastauksia, joten haastattelu päättyy tähän. Hyvää päivänjatkoa!",
        "sv": "Tack för er tid! Vi har redan fått tillräckligt många svar i den här gruppen, så intervjun slutar här. Ha en fin dag!",
        "en": "Thank you for your time! We already have enough answers from people in your group, so the interview ends here. Have a nice day!",
    ])

    /// The closing text in `language`: the script's own if it has one, else the default.
    public static func text(_ script: InterviewScript, language: String) -> String {
        script.quotaClosing?.text(for: language, fallback: script.languages)
            ?? defaultText.text(for: language, fallback: ["en"]) ?? ""
    }
}
