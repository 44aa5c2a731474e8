extension PostgresSchema {
    /// How many rows each contact tally is spread over (see `tallySlots`).
    public static let contactTallySlots = 32

    /// "v10-tally-slots": each contact tally spread over `contactTallySlots` rows, one per slot,
    /// the slot the writing server process's (backend pid modulo the slot count); `stats` sums them.
    ///
    /// Every call moves its contact from one tally to another (a no-answer takes a fresh contact
    /// from new/'' to scheduled/3.13), so with one row per tally every console's call updated the
    /// same two rows and held their locks through its durable commit: the consoles queued behind
    /// one another one commit at a time (P2 plateaued at ~450 claims/s from 8 processes, and 64
    /// consoles at 200 claims/s waited seconds). Spread, two consoles meet on a row only when
    /// their processes share a slot.
    ///
    /// A slot's count may go below zero (a contact counted in one slot leaves from another); only
    /// the sum over slots means anything. A deleted contact is still taken from a row that is
    /// there, never by inserting one: a campaign being deleted takes its contacts and its tally
    /// rows in either order, and a row inserted for it would break the reference to the campaign.
    static let tallySlots = PostgresMigration(name: "v10-tally-slots", sql: """
        ALTER TABLE contactTally ADD COLUMN slot BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE contactTally DROP CONSTRAINT contacttally_pkey;
        ALTER TABLE contactTally ADD PRIMARY KEY (campaignId, status, code, attempted, slot);
        CREATE OR REPLACE FUNCTION contact_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            this_slot BIGINT := pg_backend_pid() % \(contactTallySlots);
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                INSERT INTO contactTally (campaignId, status, code, attempted, slot, n)
                VALUES (OLD.campaignId, OLD.status, callpulse_contact_code(OLD.status, OLD.disposition, OLD.lastCode),
                        (OLD.attempts > 0)::int, this_slot, -1)
                ON CONFLICT (campaignId, status, code, attempted, slot) DO UPDATE SET n = contactTally.n - 1;
            ELSIF TG_OP = 'DELETE' THEN
                UPDATE contactTally SET n = n - 1
                WHERE (campaignId, status, code, attempted, slot) = (
                    SELECT campaignId, status, code, attempted, slot FROM contactTally
                    WHERE campaignId = OLD.campaignId AND status = OLD.status
                      AND code = callpulse_contact_code(OLD.status, OLD.disposition, OLD.lastCode)
                      AND attempted = (OLD.attempts > 0)::int
                    ORDER BY slot = this_slot DESC, slot
                    LIMIT 1);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO contactTally (campaignId, status, code, attempted, slot, n)
                VALUES (NEW.campaignId, NEW.status, callpulse_contact_code(NEW.status, NEW.disposition, NEW.lastCode),
                        (NEW.attempts > 0)::int, this_slot, 1)
                ON CONFLICT (campaignId, status, code, attempted, slot) DO UPDATE SET n = contactTally.n + 1;
            END IF;
            RETURN NULL;
        END $$;
        """)

    /// "v10-contact-zones": an index of each campaign's contacts by time zone, so a console
    /// starting (and every five minutes after) learns the campaign's zones by one index probe per
    /// zone (`PostgresStore.contactTimeZones`) instead of reading every contact: 235 ms a console
    /// at a million contacts, which 64 consoles starting together turned into seconds of waiting.
    static let contactZones = PostgresMigration(name: "v10-contact-zones", sql: """
        CREATE INDEX contact_zone ON contact(campaignId, timeZone);
        """)
}
