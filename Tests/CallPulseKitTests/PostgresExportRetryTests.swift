import CallPulseDomain
import CallPulsePostgres
import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseKit

/// An export on PostgreSQL hands each row over as it is read. A conflict (40001: a serialization
/// failure, or on a hot standby a conflict with recovery) before the first row is tried again; one
/// after rows have gone ends the export, for a second run would write those rows twice.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.missing)))
struct PostgresExportRetryTests {
    struct Fixture {
        let conninfo: String
        let store: PostgresStore
        let sql: PGConnection
        let interviews: [Int64]

        /// Two finished interviews; then the answer table behind a view whose function raises
        /// one serialization failure (the first time it reads an answer of interview `at`).
        init() throws {
            conninfo = try PostgresTestServer.makeDatabase()
            store = try PostgresStore.open(conninfo)
            let now = ConsoleTests.mondayMorning
            let campaign = try Campaign.make(id: "c", scriptFile: Repository.path("Scripts/customer-service-pulse.yaml"),
                                             client: "Testi Oy", title: nil, fields: [], rules: CampaignRules(), now: now)
            try store.createCampaign(campaign, actor: "tester")
            let dir = try TemporaryDirectory()
            let list = try dir.write("list.csv", "phone,first_name,language\n040 111 1111,Aino,fi\n040 222 2222,Eino,fi\n")
            var options = CallListImporter.Options()
            options.actor = "tester"
            _ = try CallListImporter(database: store).importFile(list, into: "c", options: options, now: now)
            let output = ConsoleOutput.recording()
            let interview = ["a", "9", "Nopea", "5", "5"]
            let reader = FaultingReader((interview + interview + ["q"]).map { (nil, $0) }, output: output)
            try Console(database: store, campaignID: "c", agent: "liisa", reader: reader, output: output,
                        interactive: true, clock: { now }).run()
            sql = try PGConnection(conninfo)
            interviews = try sql.execute("SELECT id FROM interview WHERE status = 'complete' ORDER BY id").rows
                .map { try $0.value(at: 0) }
            try #require(interviews.count == 2, "\(output.transcript)")
        }

        func failOnce(at interview: Int64) throws {
            try sql.execute("CREATE SEQUENCE test_conflicts")
            try sql.execute("""
                CREATE FUNCTION test_conflict(interview bigint) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN
                    IF interview = \(interview) AND nextval('test_conflicts') = 1 THEN
                        RAISE EXCEPTION 'test: could not serialize access' USING ERRCODE = 'serialization_failure';
                    END IF;
                    RETURN true;
                END $$
                """)
            try sql.execute("ALTER TABLE answer RENAME TO answer_rows")
            try sql.execute("CREATE VIEW answer AS SELECT * FROM answer_rows WHERE test_conflict(interviewId)")
        }

        /// Exports with a store whose sessions read the interviews in id order from their index
        /// rather than sorting them first (a sort reads every row before it hands one over, as the
        /// planner chooses for two interviews), so rows go out while later ones are still being read.
        func export(into ids: inout [Int64]) throws {
            try sql.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET enable_sort = off', current_database()); END $$")
            let store = try PostgresStore.open(conninfo)
            try store.exportInterviews(ExportSelection(campaignID: "c"), contactFields: nil) { ids.append($0.id) }
        }
    }

    @Test func aConflictBeforeTheFirstRowIsTriedAgain() throws {
        let fixture = try Fixture()
        try fixture.failOnce(at: fixture.interviews[0])
        var ids: [Int64] = []
        try fixture.export(into: &ids)
        #expect(ids == fixture.interviews)
    }

    @Test func aConflictAfterRowsWereHandedOverEndsTheExportInsteadOfRepeatingThem() throws {
        let fixture = try Fixture()
        try fixture.failOnce(at: fixture.interviews[1])
        var ids: [Int64] = []
        let error = #expect(throws: PostgresError.self) { try fixture.export(into: &ids) }
        #expect(error?.sqlState == "40001")
        #expect(error?.description.contains("Hint: The read was not repeated, as rows had already gone out") == true,
                "\(String(describing: error))")
        #expect(ids == [fixture.interviews[0]], "each row handed over once")
        // Nothing was left behind: the next export runs whole.
        ids = []
        try fixture.export(into: &ids)
        #expect(ids == fixture.interviews)
    }
}
