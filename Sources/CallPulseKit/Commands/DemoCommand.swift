import ArgumentParser
import Foundation

/// `callpulse demo`: the bundled customer-service campaign and demo call list, ready to try.
public struct DemoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the agent console on the bundled demo campaign (customer-service pulse, 80 fictional contacts).",
        discussion: """
            Uses its own file, ./callpulse-demo.sqlite, unless --db or $CALLPULSE_DB names another. The first run creates
            the campaign and loads the demo list; later runs go on where the last one stopped. --show prints the campaign
            instead of opening the console.
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The demo database (default: ./callpulse-demo.sqlite).", valueName: "PATH"))
    public var path: String?
    @Option(help: "The agent's name in the call log (default: the login name).") public var agent: String?
    @Flag(help: "Show the demo campaign instead of opening the console.") public var show = false

    public init() {}

    static let campaignID = "demo"
    static let script = "Scripts/customer-service-pulse.yaml"
    static let callList = "CallLists/demo-customers.csv"

    public func run() throws {
        let path = DatabaseLocation.resolve(option: path, fallback: "callpulse-demo.sqlite")
        guard let scriptPath = BundledFiles.locate(Self.script), let listPath = BundledFiles.locate(Self.callList) else {
            throw ValidationError("cannot find \(Self.script) and \(Self.callList); run the demo from the CallPulse checkout")
        }
        let db = try AppDatabase.open(path: path)
        let now = unixNow()
        if (try? db.campaign(id: Self.campaignID)) == nil {
            let campaign = try Campaign.make(id: Self.campaignID, scriptFile: scriptPath, client: "Aurora Energia",
                                             title: nil, fields: [], rules: CampaignRules(), now: now)
            try db.createCampaign(campaign, actor: LoginName.current)
            var options = CallListImporter.Options()
            options.region = "FI"
            let summary = try CallListImporter(database: db).importFile(listPath, into: Self.campaignID, options: options, now: now)
            print(summary.report)
            print("")
            fflush(nil)
        }
        guard show else {
            try AgentCommand.runConsole(database: db, campaignID: Self.campaignID, agent: agent ?? LoginName.current)
            return
        }
        let campaign = try db.campaign(id: Self.campaignID)
        let counts = try db.contactCounts(campaignID: Self.campaignID, now: now)
        print(CampaignReport.render(campaign: campaign, counts: counts, script: try campaign.loadScript()))
        print("")
        print("Demo database: \(db.path). Try: callpulse campaign list --db \(db.path)")
    }
}
