import CallPulseSystem
import Foundation

/// The PostgreSQL server the P rows run on: a private one the bench starts (`initdb` into
/// `WORKDIR/pg`, kept between runs like the other generated data, so the 1,000,000-contact P3
/// campaign is copied only once; `pg_ctl` on a free port, TCP on 127.0.0.1 with trusted logins,
/// fsync on, as `postgres` when the bench runs as root), or the server `--pg URI` names.
///
/// `stop()` stops a private server (`pg_ctl stop -m fast`); a given one is left running.
/// Databases are reached with `psql`, which must be installed beside the server.
final class BenchPostgresServer {
    /// The address the bench was given, or the private server's keyword string without a dbname.
    private let base: String
    private let binaries: String?
    private let dataDirectory: String?

    /// Uses the server at `uri` (the bench creates and drops its own databases there).
    init(uri: String) {
        base = uri
        binaries = nil
        dataDirectory = nil
    }

    /// Starts the private server in `folder` (initialized on first use).
    init(folder: String) throws {
        guard let binaries = Self.binaryFolder else {
            throw BenchError("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql), or give --pg URI")
        }
        if getuid() == 0, getpwnam("postgres") == nil {
            throw BenchError("running as root and no postgres user to run the server as; give --pg URI")
        }
        self.binaries = binaries
        let data = folder + "/data"
        dataDirectory = data
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.run("/bin/chown", ["-R", "postgres:postgres", folder], asServerUser: false) }
        if !FileManager.default.fileExists(atPath: data + "/PG_VERSION") {
            print("P: initdb into \(data) …")
            try? FileManager.default.removeItem(atPath: data)
            try Self.run(binaries + "/initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"])
        }
        let port = try LocalPort.unused()
        try Self.run(binaries + "/pg_ctl", ["-D", data, "-l", folder + "/server.log", "-w", "-t", "120", "-o",
                                            "-k \(folder) -p \(port) -c listen_addresses=127.0.0.1 -c fsync=on "
                                                + "-c max_connections=300", "start"])
        base = "host=127.0.0.1 port=\(port) user=postgres"
    }

    /// Stops the private server; nothing for a given one.
    func stop() {
        guard let binaries, let dataDirectory else { return }
        _ = try? Self.run(binaries + "/pg_ctl", ["-D", dataDirectory, "-w", "-t", "120", "-m", "fast", "stop"])
    }

    /// The address of `database` on this server, over TCP.
    func address(_ database: String) -> String {
        guard base.hasPrefix("postgresql://") || base.hasPrefix("postgres://"),
              var components = URLComponents(string: base) else { return base + " dbname=" + database }
        components.path = "/" + database
        return components.string ?? base
    }

    /// The server's own administrative address (the `postgres` database, or the one `--pg` names).
    private var adminAddress: String { base.contains("://") ? base : address("postgres") }

    /// Creates `database` empty, dropping one of that name first.
    func recreate(_ database: String) throws {
        try psql(adminAddress, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        try psql(adminAddress, "CREATE DATABASE \(database)")
    }

    /// Whether `database` exists.
    func exists(_ database: String) throws -> Bool {
        try psql(adminAddress, "SELECT 1 FROM pg_database WHERE datname = '\(database)'") == "1"
    }

    /// Renames a database (a finished build takes its final name only when it is complete).
    func rename(_ database: String, to name: String) throws {
        try psql(adminAddress, "ALTER DATABASE \(database) RENAME TO \(name)")
    }

    /// Runs `sql` in `psql` on `address` (stop at the first error) and returns its unaligned output.
    @discardableResult
    func psql(_ address: String, _ sql: String) throws -> String {
        let result = try Spawn.run("psql", [address, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard result.status == 0 else { throw BenchError("psql failed on: \(sql.prefix(200))") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's version, for the table's heading.
    func version() -> String {
        (try? psql(adminAddress, "SHOW server_version")) ?? "?"
    }

    /// The folder holding `initdb` and `pg_ctl` (the newest of /usr/lib/postgresql/*/bin), or nil.
    private static let binaryFolder: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }()

    /// Runs a server binary, as `postgres` when root; throws with its output when it fails.
    private static func run(_ executable: String, _ arguments: [String], asServerUser: Bool = true) throws {
        var argv = [executable] + arguments
        if asServerUser, getuid() == 0 { argv = ["/usr/sbin/runuser", "-u", "postgres", "--"] + argv }
        let result = try Spawn.run(argv[0], Array(argv.dropFirst()))
        guard result.status == 0 else {
            throw BenchError("\(argv.joined(separator: " ")) exited with \(result.status):\n\(result.output.suffix(2000))")
        }
    }
}
