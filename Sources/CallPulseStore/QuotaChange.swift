/// Whether `setQuota` added a quota or changed one.
public enum QuotaChange: String, Sendable {
    case added, changed
}
