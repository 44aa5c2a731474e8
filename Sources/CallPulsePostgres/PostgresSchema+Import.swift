extension PostgresSchema {
    /// "v3-staged-imports": SQLite's staging columns and index, the contact tally triggers skipping
    /// contacts of an import still staging (the subquery SQLite's `WHEN` holds is in a function,
    /// as PostgreSQL's `WHEN` may call one but hold no subquery), and, PostgreSQL only, the table
    /// `COPY` loads into.
    ///
    /// `contactStaging` is an UNLOGGED table shared by all imports, keyed by import and line: rows
    /// are written without WAL (fast, and a crash empties the table, which is what a killed import
    /// should leave), and are moved into `contact` when the import publishes. Its rows never reach
    /// a standby or a WAL archive; the published contacts do. (A TEMP table per import would
    /// vanish with the importing session, but cannot be seen by the next import's clean-up.)
    static let stagedImports = PostgresMigration(name: "v3-staged-imports", sql: """
        ALTER TABLE callListImport ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('staging', 'done'));
        ALTER TABLE callListImport ADD COLUMN firstContactId BIGINT;
        CREATE INDEX callListImport_staging ON callListImport(firstContactId) WHERE state = 'staging';
        CREATE INDEX followup_contact ON followup(contactId);

        CREATE UNLOGGED TABLE contactStaging (
            importId BIGINT NOT NULL REFERENCES callListImport(id) ON DELETE CASCADE,
            line BIGINT NOT NULL,
            phone TEXT NOT NULL,
            phoneRegion TEXT,
            name TEXT,
            firstName TEXT,
            lastName TEXT,
            language TEXT,
            timeZone TEXT,
            fields TEXT,
            PRIMARY KEY (importId, line)
        );

        CREATE FUNCTION callpulse_staged(importId BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
            SELECT importId IS NOT NULL
                   AND EXISTS (SELECT 1 FROM callListImport i WHERE i.id = importId AND i.state = 'staging')
        $$;
        DROP TRIGGER contact_tally_insert ON contact;
        CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact
        FOR EACH ROW WHEN (NOT callpulse_staged(NEW.importId)) EXECUTE FUNCTION contact_tally();
        DROP TRIGGER contact_tally_update ON contact;
        CREATE TRIGGER contact_tally_update AFTER UPDATE OF campaignId, status, disposition, lastCode, attempts ON contact
        FOR EACH ROW WHEN ((OLD.campaignId IS DISTINCT FROM NEW.campaignId OR OLD.status IS DISTINCT FROM NEW.status
                            OR OLD.disposition IS DISTINCT FROM NEW.disposition OR OLD.lastCode IS DISTINCT FROM NEW.lastCode
                            OR (OLD.attempts > 0) IS DISTINCT FROM (NEW.attempts > 0))
                           AND NOT callpulse_staged(OLD.importId))
        EXECUTE FUNCTION contact_tally();
        DROP TRIGGER contact_tally_delete ON contact;
        CREATE TRIGGER contact_tally_delete AFTER DELETE ON contact
        FOR EACH ROW WHEN (NOT callpulse_staged(OLD.importId)) EXECUTE FUNCTION contact_tally();
        """)
}

extension PostgresSchema {
    /// "v10-staging-without-foreign-key": `contactStaging` without its foreign key to
    /// `callListImport`. `COPY` checked it for every staged row (one trigger call a row); the
    /// import deletes its staged rows itself when it publishes or is thrown away, and the next
    /// import removes those of an import that is gone. (A no-op of the same name on SQLite.)
    static let stagingWithoutForeignKey = PostgresMigration(name: "v10-staging-without-foreign-key", sql: """
        ALTER TABLE contactStaging DROP CONSTRAINT contactstaging_importid_fkey;
        """)
}

extension PostgresSchema {
    /// "v10-publish-tally-setting": the contact tally's insert trigger told by a setting of the
    /// publishing transaction (`callpulse.publishing`, the import's id) that a row is the
    /// publish's, before it asks `callpulse_staged` (a SQL function with a subquery, which
    /// PostgreSQL runs per row and cannot inline). The publish inserts the whole import in one
    /// statement and adds to the tally once; the check per row was most of its time. Any other
    /// insert is judged as before. (A no-op of the same name on SQLite.)
    static let publishTallySetting = PostgresMigration(name: "v10-publish-tally-setting", sql: """
        DROP TRIGGER contact_tally_insert ON contact;
        CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact
        FOR EACH ROW WHEN (NEW.importId IS NULL
                           OR (NEW.importId::text IS DISTINCT FROM current_setting('callpulse.publishing', true)
                               AND NOT callpulse_staged(NEW.importId)))
        EXECUTE FUNCTION contact_tally();
        """)
}

extension PostgresSchema {
    /// The triggers that keep the rules of a contact's campaign (SQLite's foreign key).
    public static let contactCampaignTriggers: Set<String> = [
        "contact_campaign_insert", "contact_campaign_update", "campaign_contacts_delete", "campaign_renamed",
    ]

    /// "v11-contact-campaign-per-statement": a contact's campaign checked once per statement
    /// instead of once per row. The foreign key `contact.campaignId → campaign` ran its check
    /// query for every inserted row (a plan executed through SPI per row): 7 s of the 49 s that
    /// publishing a million-row import took. It is replaced by the same rules, kept by triggers:
    /// - an insert checks, after its statement, that every campaign its rows name exists, taking
    ///   the lock the foreign key took (`FOR KEY SHARE`: the campaign cannot be deleted or
    ///   renamed before the insert commits, and one being deleted is waited for, then refused);
    /// - a change of a contact's campaign is checked the same way, per row (nothing changes it);
    /// - deleting a campaign deletes its contacts (ON DELETE CASCADE), after the campaign's row is
    ///   deleted and locked, so a contact inserted meanwhile is taken too; renaming a campaign
    ///   that has contacts is refused (the key's NO ACTION).
    /// The error is the foreign key's own (SQLSTATE 23503, constraint `contact_campaignid_fkey`),
    /// raised by `callpulse_contact_campaigns_exist`, which `db copy` (CallPulse's triggers off
    /// while it writes) calls itself. (A no-op of the same name on SQLite.)
    static let contactCampaignPerStatement = PostgresMigration(name: "v11-contact-campaign-per-statement", sql: """
        ALTER TABLE contact DROP CONSTRAINT contact_campaignid_fkey;
        CREATE FUNCTION callpulse_contact_campaigns_exist(campaign_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            wanted TEXT;
        BEGIN
            FOREACH wanted IN ARRAY campaign_ids LOOP
                PERFORM 1 FROM campaign WHERE id = wanted FOR KEY SHARE;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'insert or update on table "contact" violates foreign key constraint "contact_campaignid_fkey"'
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'contact_campaignid_fkey', TABLE = 'contact',
                              DETAIL = format('Key (campaignid)=(%s) is not present in table "campaign".', wanted);
                END IF;
            END LOOP;
        END $$;
        CREATE FUNCTION callpulse_contact_campaigns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM callpulse_contact_campaigns_exist(ARRAY(SELECT DISTINCT campaignId FROM inserted_contacts ORDER BY campaignId));
            RETURN NULL;
        END $$;
        CREATE TRIGGER contact_campaign_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS inserted_contacts
        FOR EACH STATEMENT EXECUTE FUNCTION callpulse_contact_campaigns_inserted();
        CREATE FUNCTION callpulse_contact_campaign_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM callpulse_contact_campaigns_exist(ARRAY[NEW.campaignId]);
            RETURN NULL;
        END $$;
        CREATE TRIGGER contact_campaign_update AFTER UPDATE OF campaignId ON contact
        FOR EACH ROW WHEN (OLD.campaignId IS DISTINCT FROM NEW.campaignId) EXECUTE FUNCTION callpulse_contact_campaign_changed();
        CREATE FUNCTION callpulse_campaign_contacts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM contact WHERE campaignId = OLD.id;
            RETURN NULL;
        END $$;
        CREATE TRIGGER campaign_contacts_delete AFTER DELETE ON campaign
        FOR EACH ROW EXECUTE FUNCTION callpulse_campaign_contacts_deleted();
        CREATE FUNCTION callpulse_campaign_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM contact WHERE campaignId = OLD.id) THEN
                RAISE EXCEPTION 'update or delete on table "campaign" violates foreign key constraint "contact_campaignid_fkey" on table "contact"'
                    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'contact_campaignid_fkey', TABLE = 'campaign',
                          DETAIL = format('Key (id)=(%s) is still referenced from table "contact".', OLD.id);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER campaign_renamed AFTER UPDATE OF id ON campaign
        FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION callpulse_campaign_renamed();
        """)
}
