
/// What became of the write-ahead log after an erasure: SQLite keeps earlier versions of changed
/// pages in the `-wal` file beside the database until a checkpoint copies the new ones back.
public enum WALCheckpoint: Sendable, Equatable {
    /// Every page was copied back and the `-wal` file truncated to zero bytes: no earlier page image is left.
    case emptied
    /// Another process was reading, so the log could not be emptied; `framesLeft` page images stay
    /// in the `-wal` file until the next checkpoint (SQLite runs one whenever the log grows past
    /// 1,000 pages, and when the last connection closes).
    case partial(framesLeft: Int)

    /// One line for people.
    public var description: String {
        switch self {
        case .emptied:
            "Write-ahead log checkpointed and truncated: no earlier copy of the erased data is left in the -wal file."
        case let .partial(framesLeft):
            "Note: another process was reading, so the write-ahead log could not be emptied now; \(framesLeft) page "
                + "image\(framesLeft == 1 ? "" : "s") with earlier data stay in the -wal file until the next checkpoint "
                + "(when the last program using the database closes it, or run this again)."
        }
    }
}
