
/// Whose words: the NPS group of the interview an open answer belongs to.
public enum VoiceGroup: String, CaseIterable, Sendable {
    case detractors, passives, promoters
    /// Interviews without an NPS answer (or scripts without an NPS question).
    case unscored

    /// The group of an interview's NPS answer (0–6, 7–8, 9–10); `unscored` without one.
    init(npsScore: Int?) {
        guard let score = npsScore else { self = .unscored; return }
        self = score >= 9 ? .promoters : score >= 7 ? .passives : .detractors
    }
}
