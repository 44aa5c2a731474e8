import CallPulseDomain
import CallPulsePostgres
import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit

/// A console whose PostgreSQL connection ends between the interview's start and the console's
/// next read (the campaign's quotas): it says the server cannot be reached and carries on when the
/// agent presses Enter, as it does for a save. The failover test found a console that ended its
/// session there instead (the read was the one store call of a session not tried again).
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresConsoleReadFaultTests {
    @Test func aReadThatFindsTheConnectionGoneIsTriedAgainOnEnter() throws {
        let conninfo = try PostgresTestServer.makeDatabase()
        let store = try PostgresStore.open(conninfo)
        let now = ConsoleTests.mondayMorning
        let campaign = try Campaign.make(id: "c", scriptFile: Repository.path("Scripts/customer-service-pulse.yaml"),
                                         client: "Testi Oy", title: nil, fields: ["touchpoint"], rules: CampaignRules(),
                                         now: now)
        try store.createCampaign(campaign, actor: "tester")
        try store.setQuota(campaignID: "c", name: "support", definition: "touchpoint = support", target: 100,
                           actor: "tester", now: now)
        let dir = try TemporaryDirectory()
        let list = try dir.write("list.csv", "phone,first_name,language,touchpoint\n040 111 1111,Aino,fi,support\n")
        var options = CallListImporter.Options()
        options.actor = "tester"
        _ = try CallListImporter(database: store).importFile(list, into: "c", options: options, now: now)

        // While the flag file exists, a session reading a quota row ends itself, as a server that
        // goes away does (57P01); the test server's role is a superuser, so it may read the file's status.
        let flag = NSTemporaryDirectory() + "callpulse-read-fault-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: flag) }
        let sql = try PGConnection(conninfo)
        try sql.execute("""
            CREATE FUNCTION test_read_fault() RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                IF (pg_stat_file('\(flag)', true)).size IS NOT NULL THEN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                END IF;
                RETURN true;
            END $$
            """)
        // (A row-level security policy would be simpler, but a superuser bypasses it: a view instead.)
        try sql.execute("ALTER TABLE quota RENAME TO quota_rows")
        try sql.execute("CREATE VIEW quota AS SELECT * FROM quota_rows WHERE test_read_fault()")

        let output = ConsoleOutput.recording()
        let reader = FaultingReader([
            ({ FileManager.default.createFile(atPath: flag, contents: Data()) }, "a"),   // after the claim
            ({ try FileManager.default.removeItem(atPath: flag) }, ""),                 // Enter at "retry >"
            (nil, "9"), (nil, "Nopea"), (nil, "5"), (nil, "5"), (nil, "q"),
        ], output: output)
        let console = try Console(database: store, campaignID: "c", agent: "liisa", reader: reader, output: output,
                                  interactive: true, clock: { now })
        try console.run()

        let transcript = output.transcript
        #expect(transcript.contains("! could not read the campaign's quotas: the database server "), "\(transcript)")
        #expect(transcript.contains("Press Enter to try again."), "\(transcript)")
        #expect(transcript.contains("✓ Interview complete"), "\(transcript)")
        #expect(try sql.execute("SELECT count(*) FROM answer").scalar(Int.self) == 4)
        #expect(try sql.execute("SELECT count(*) FROM interview WHERE status = 'complete'").scalar(Int.self) == 1)
    }
}
