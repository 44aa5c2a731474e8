
/// What became of the earlier copies of erased data after an erasure's own clean-up. SQLite keeps
/// earlier versions of changed pages in the `-wal` file beside the database until a checkpoint
/// copies the new ones back; PostgreSQL keeps earlier row versions in the table files until the
/// tables are rewritten.
public enum WALCheckpoint: Sendable, Equatable {
    /// Every page was copied back and the `-wal` file truncated to zero bytes: no earlier page image is left.
    case emptied
    /// Another process was reading, so the log could not be emptied; `framesLeft` page images stay
    /// in the `-wal` file until the next checkpoint (SQLite runs one whenever the log grows past
    /// 1,000 pages, and when the last connection closes).
    case partial(framesLeft: Int)
    /// PostgreSQL: the changed tables were rewritten (`VACUUM (FULL)`) with no older transaction
    /// left on the server: their files hold no earlier row version.
    case tablesRewritten
    /// PostgreSQL: `olderTransactions` begun before the erasure still ran when the rewrite could
    /// wait no longer, so it kept the earlier row versions they may still read, in `tables`.
    case tablesRewrittenBehind(olderTransactions: Int, tables: [String])

    /// One line for people.
    public var description: String {
        switch self {
        case .emptied:
            "Write-ahead log checkpointed and truncated: no earlier copy of the erased data is left in the -wal file."
        case let .partial(framesLeft):
            "Note: another process was reading, so the write-ahead log could not be emptied now; \(framesLeft) page "
                + "image\(framesLeft == 1 ? "" : "s") with earlier data stay in the -wal file until the next checkpoint "
                + "(when the last program using the database closes it, or run this again)."
        case .tablesRewritten:
            "Tables rewritten (VACUUM FULL): no earlier copy of the erased data is left in the server's table files."
        case let .tablesRewrittenBehind(olderTransactions, tables):
            "Note: \(olderTransactions) transaction\(olderTransactions == 1 ? "" : "s") older than the erasure still ran "
                + "on the server, so the rewrite kept the earlier row versions \(olderTransactions == 1 ? "it" : "they") "
                + "may read; when \(olderTransactions == 1 ? "it has" : "they have") ended, run VACUUM (FULL) "
                + "\(tables.joined(separator: ", ")) on the server to remove them from the table files."
        }
    }
}
