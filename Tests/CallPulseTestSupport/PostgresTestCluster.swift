import CallPulsePostgres
import Foundation

/// A primary and a hot standby with synchronous replication, on this machine, for failover tests:
/// the primary is a fresh `PostgresTestServer`, the standby a `pg_basebackup -R` of it on a private
/// port of its own, and the primary waits for the standby at every commit
/// (`synchronous_standby_names`), so an acknowledged write is on both.
///
/// Consoles reach it through `uri(database:)`, both hosts with `target_session_attrs=read-write`;
/// `failOver()` does what an operator does when the primary dies.
public final class PostgresTestCluster: Sendable {
    public let primary: PostgresTestServer
    public let standby: PostgresTestServer
    /// The standby's `application_name`, as `synchronous_standby_names` names it.
    public static let standbyName = "standby1"

    /// Starts both servers and waits until the standby streams synchronously.
    public init() throws {
        primary = try PostgresTestServer()
        standby = try PostgresTestServer(standbyOf: primary, applicationName: Self.standbyName)
        let admin = try primary.superuser()
        try admin.execute("ALTER SYSTEM SET synchronous_standby_names = '\(Self.standbyName)'")
        try admin.execute("SELECT pg_reload_conf()")
        let deadline = Date().addingTimeInterval(30)
        while try admin.execute("SELECT count(*) FROM pg_stat_replication WHERE application_name = $1 AND sync_state = 'sync'",
                                [Self.standbyName]).scalar(Int.self) != 1 {
            guard Date() < deadline else { throw PostgresTestServer.Failure("the standby did not become synchronous in 30 s") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Creates a database on the primary (it reaches the standby by replication) and returns its
    /// name, for `uri(database:)`.
    public func createDatabase() throws -> String {
        let name = "cp_failover_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        try primary.superuser().execute("CREATE DATABASE \(name)")
        return name
    }

    /// The two-host URI consoles use: both servers over TCP with the superuser's password, only
    /// ever the one that accepts writes.
    public func uri(database: String) -> String {
        let secret = primary.superuserPassword.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "postgresql://postgres:\(secret)@127.0.0.1:\(primary.port),127.0.0.1:\(standby.port)/\(database)"
            + "?target_session_attrs=read-write"
    }

    /// The primary dies (`pg_ctl stop -m immediate`) and the standby is promoted (`pg_ctl promote`).
    public func failOver() throws {
        try primary.stop(mode: "immediate")
        try standby.promote()
    }

    /// Stops both servers and removes their folders.
    public func destroy() {
        standby.destroy()
        primary.destroy()
    }
}
