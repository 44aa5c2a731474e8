/// SQL both engines run as it is: numbered placeholders (`$1`), which PostgreSQL takes and SQLite
/// reads as named ones bound by position, and nothing either dialect lacks.
public enum SharedSQL {
    /// A campaign's contacts' time zones ($1 the campaign), and `$2` (the campaign's own zone) when
    /// a contact has none: the `contact_zone` index walked from each zone straight to the next, one
    /// probe a zone, where `SELECT DISTINCT` reads an entry for every contact (235 ms a console at a
    /// million contacts, which 64 consoles starting together turned into seconds of waiting).
    public static let campaignZones = """
        WITH RECURSIVE zone(name) AS (
            SELECT (SELECT timeZone FROM contact WHERE campaignId = $1 AND timeZone IS NOT NULL
                    ORDER BY timeZone LIMIT 1)
            UNION ALL
            SELECT (SELECT timeZone FROM contact WHERE campaignId = $1 AND timeZone > zone.name
                    ORDER BY timeZone LIMIT 1)
            FROM zone WHERE zone.name IS NOT NULL)
        SELECT name FROM zone WHERE name IS NOT NULL
        UNION SELECT $2 WHERE EXISTS (SELECT 1 FROM contact WHERE campaignId = $1 AND timeZone IS NULL)
        """
}
