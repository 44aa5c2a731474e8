extension PostgresSchema {
    /// The message the erasure guards abort with (SQLSTATE P0001), as on SQLite.
    public static let erasedContactMessage = "callpulse: contact erased"

    /// "v3-erasure": `contact.erasedAt` and the guards that keep anything new from being recorded
    /// for an erased contact: SQLite's `RAISE(ABORT, …)` is `RAISE EXCEPTION` in BEFORE triggers.
    ///
    /// The guards read the contact `FOR SHARE`, so an erasure that first locks the contact row
    /// (`SELECT … FOR UPDATE`, which the PostgreSQL store must do before deleting anything) and a
    /// console recording a call, note or answer take turns instead of passing each other.
    static let erasure = PostgresMigration(name: "v3-erasure", sql: """
        ALTER TABLE contact ADD COLUMN erasedAt BIGINT;

        CREATE FUNCTION callpulse_erased_abort() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '\(erasedContactMessage)';
        END $$;
        CREATE TRIGGER contact_erased_update BEFORE UPDATE ON contact
        FOR EACH ROW WHEN (OLD.erasedAt IS NOT NULL) EXECUTE FUNCTION callpulse_erased_abort();

        CREATE FUNCTION callpulse_contact_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT erasedAt FROM contact WHERE id = NEW.contactId FOR SHARE) IS NOT NULL THEN
                RAISE EXCEPTION '\(erasedContactMessage)';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER call_erased_insert BEFORE INSERT ON call FOR EACH ROW EXECUTE FUNCTION callpulse_contact_guard();
        CREATE TRIGGER note_erased_insert BEFORE INSERT ON note FOR EACH ROW EXECUTE FUNCTION callpulse_contact_guard();

        CREATE FUNCTION callpulse_answer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT c.erasedAt FROM interview i JOIN contact c ON c.id = i.contactId
                WHERE i.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.interviewId ELSE OLD.interviewId END
                FOR SHARE OF c) IS NOT NULL THEN
                RAISE EXCEPTION '\(erasedContactMessage)';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER answer_erased_insert BEFORE INSERT ON answer FOR EACH ROW EXECUTE FUNCTION callpulse_answer_guard();
        CREATE TRIGGER answer_erased_update BEFORE UPDATE ON answer FOR EACH ROW EXECUTE FUNCTION callpulse_answer_guard();
        """)
}
