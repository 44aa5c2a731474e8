import ArgumentParser
import CallPulseDomain
import CallPulseKit
import CallPulseSQLite
import CallPulseStore
import CallPulseSystem
import Foundation

/// `callpulse demo`: the bundled customer-service campaign and demo call list, ready to try.
public struct DemoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the agent console on the demo campaign (customer-service pulse, 80 fictional contacts).",
        discussion: """
            The demo's script and call list are built into callpulse, so it runs from any folder. It uses its \
            own file, ./callpulse-demo.sqlite, unless --db or $CALLPULSE_DB names another. The first run \
            creates the campaign and loads the demo list; later runs go on where the last one stopped. \
            --show prints the campaign instead of opening the console.
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The demo database: an SQLite file or a PostgreSQL address (default: ./callpulse-demo.sqlite).",
        valueName: "DB"))
    public var path: String?
    @Option(help: ArgumentHelp("The agent's name in the call log (default: the login name).", valueName: "NAME"))
    public var agent: String?
    @Flag(help: "Show the demo campaign instead of opening the console.") public var show = false

    public init() {}

    static let campaignID = "demo"

    public func run() throws {
        let path = DatabaseLocation.resolve(option: path, fallback: "callpulse-demo.sqlite")
        let db = try StoreOpener.open(path, creating: true)
        let now = unixNow()
        if (try? db.campaign(id: Self.campaignID)) == nil {
            try Self.setUp(db, now: now)
        }
        guard show else {
            try AgentCommand.runConsole(database: db, campaignID: Self.campaignID, agent: agent ?? LoginName.current)
            return
        }
        let campaign = try db.campaign(id: Self.campaignID)
        let counts = try db.contactCounts(campaignID: Self.campaignID, now: now)
        print(CampaignReport.render(campaign: campaign, counts: counts, script: try campaign.loadScript()))
        print("")
        print("Demo database: \(db.location). Try: callpulse campaign list --db \(db.location)")
    }

    /// Creates the demo campaign from the built-in script and loads the built-in call list.
    private static func setUp(_ db: any CallPulseStore, now: Int64) throws {
        let script = DemoFiles.script, list = DemoFiles.callList
        let campaign = try Campaign.make(id: campaignID, scriptYAML: script.text, scriptFile: "\(script.path) (built in)",
                                         client: "Aurora Energia", title: nil, fields: [], rules: CampaignRules(), now: now)
        try db.createCampaign(campaign, actor: LoginName.current)
        var options = CallListImporter.Options()
        options.region = "FI"
        let copy = try list.temporaryCopy()
        defer { EmbeddedFile.remove(temporaryCopy: copy) }
        var summary = try CallListImporter(database: db).importFile(copy, into: campaignID, options: options, now: now)
        summary.file = "\(list.path) (built in)"
        print(summary.report)
        print("")
        fflush(nil)
    }
}
