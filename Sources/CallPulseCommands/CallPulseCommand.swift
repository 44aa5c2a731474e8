import ArgumentParser
import CallPulseKit

/// The `callpulse` root command: every subcommand hangs off this one.
public struct CallPulseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "callpulse",
        abstract: "An outbound phone-survey console: NPS, CES and CSAT interviews on an SQLite file or a PostgreSQL server.",
        version: CallPulseVersion.current,
        subcommands: [
            DemoCommand.self, ScriptCommand.self, CampaignCommand.self, ImportCommand.self, AgentCommand.self,
            FollowUpsCommand.self, ExportCommand.self, StatsCommand.self, ReportCommand.self, ForgetCommand.self,
            DoNotCallCommand.self, AuditCommand.self, DbCommand.self,
        ]
    )

    public init() {}
}

/// The version printed by `callpulse --version`.
public enum CallPulseVersion {
    public static let current = "0.1.0"
}
