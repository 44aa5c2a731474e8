import CallPulsePostgres
import CallPulseSystem
import Foundation

/// A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl` on a
/// private port (127.0.0.1 only) and a Unix socket in that folder, fsync on, as the `postgres`
/// user when the tests run as root (PostgreSQL refuses to run as root).
///
/// `PostgresTestServer.shared` is started on first use and stopped (`pg_ctl stop -m immediate`,
/// folder removed) when the test process exits; every test takes a fresh database of its own
/// from `createDatabase()`. Tests that restart or stop the server start a private one instead, so
/// they never disturb tests running beside them. Local (socket) logins are trusted; TCP logins
/// need the superuser's password (`superuserPassword`), so passwords can be tested.
public final class PostgresTestServer: @unchecked Sendable {
    // @unchecked: the stored properties are constants; `nextDatabase` is only touched under `lock`.
    public let folder: String
    public let dataDirectory: String
    public let socketDirectory: String
    public let port: Int
    public let superuserPassword: String
    private let binaries: String
    private let lock = NSLock()
    private var nextDatabase = 0

    /// The folder holding `initdb` and `pg_ctl` (the newest of /usr/lib/postgresql/*/bin), or nil.
    public static let binaryFolder: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb")
                && FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") }
    }()

    /// Whether the server binaries are installed (and, as root, a `postgres` user to run them as).
    /// When they are not, says so once, loudly, on stderr.
    /// `CALLPULSE_TEST_POSTGRES=off` skips them as if the binaries were missing.
    public static let available: Bool = {
        let reason = if ProcessInfo.processInfo.environment["CALLPULSE_TEST_POSTGRES"] == "off" {
            "CALLPULSE_TEST_POSTGRES=off"
        } else if binaryFolder == nil {
            "no server binaries (apt-get install postgresql)"
        } else if getuid() == 0, getpwnam("postgres") == nil {
            "running as root and no postgres user to run the server as (apt-get install postgresql creates it)"
        } else {
            nil as String?
        }
        if let reason { FileHandle.standardError.write(Data("PostgreSQL half SKIPPED: \(reason)\n".utf8)) }
        return reason == nil
    }()

    public static let missing = "no PostgreSQL server binaries (apt-get install postgresql; .ci/install-deps does it)"

    /// The server every test shares, started on first use (after removing the servers of test
    /// processes that were killed before they could stop theirs).
    public static let shared: Result<PostgresTestServer, any Error> = Result {
        removeAbandonedServers()
        return try PostgresTestServer()
    }

    /// The folder name's prefix: the test process's id follows, so an abandoned one can be told.
    static let folderPrefix = "cp-pg-"

    /// A fresh database on the shared server: its connection string (Unix socket, superuser).
    public static func makeDatabase() throws -> String { try shared.get().createDatabase() }

    /// Initializes a cluster in a new temporary folder and starts it.
    public convenience init() throws { try self.init(standbyOf: nil) }

    /// Starts a new server in a new temporary folder: a fresh cluster from `initdb`, or with
    /// `standbyOf`, a hot standby of that server (`pg_basebackup -R` over its socket, streaming
    /// as `applicationName`, the name `synchronous_standby_names` refers to). A standby has the
    /// primary's users and passwords.
    public init(standbyOf primary: PostgresTestServer?, applicationName: String = "standby1") throws {
        guard let binaries = Self.binaryFolder else { throw Failure("no PostgreSQL server binaries") }
        self.binaries = binaries
        var template = Array((NSTemporaryDirectory() + "\(Self.folderPrefix)\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure("cannot create a temporary folder") }
        folder = String(cString: made)
        dataDirectory = folder + "/data"
        socketDirectory = folder + "/sock"
        superuserPassword = primary?.superuserPassword ?? "pw-" + UUID().uuidString
        port = try LocalPort.unused()
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: false)
        try Data(superuserPassword.utf8).write(to: URL(fileURLWithPath: folder + "/pwfile"))
        if getuid() == 0 {
            try run("/bin/chown", ["-R", "postgres:postgres", folder], asServerUser: false)
        }
        Self.register(self)
        if let primary {
            try run("\(binaries)/pg_basebackup", ["-h", primary.socketDirectory, "-p", "\(primary.port)", "-U", "postgres",
                                                  "-D", dataDirectory, "-R", "-X", "stream", "--no-sync"])
            // -R writes primary_conninfo without a name; a later line of the same file wins.
            let conninfo = "host=\(primary.socketDirectory) port=\(primary.port) user=postgres application_name=\(applicationName)"
            let settings = try FileHandle(forWritingTo: URL(fileURLWithPath: dataDirectory + "/postgresql.auto.conf"))
            try settings.seekToEnd()
            try settings.write(contentsOf: Data("primary_conninfo = '\(conninfo)'\n".utf8))
            try settings.close()
        } else {
            try run("\(binaries)/initdb", ["-D", dataDirectory, "-U", "postgres", "--auth-local=trust",
                                           "--auth-host=scram-sha-256", "--pwfile=\(folder)/pwfile", "-E", "UTF8",
                                           "--locale=C", "--no-sync"])
        }
        try start()
    }

    /// Starts the server (after `stop()`), waiting until it accepts connections.
    public func start() throws {
        try run("\(binaries)/pg_ctl", ["-D", dataDirectory, "-l", "\(folder)/server.log", "-w", "-t", "60", "-o",
                                       "-k \(socketDirectory) -p \(port) -c listen_addresses=127.0.0.1 -c fsync=on "
                                           + "-c max_connections=200", "start"])
    }

    /// Stops the server the way an operator does (`-m fast`: sessions are ended), or as a crash
    /// would (`immediate`: no shutdown checkpoint, clients cut off).
    public func stop(mode: String = "fast") throws {
        try run("\(binaries)/pg_ctl", ["-D", dataDirectory, "-w", "-t", "60", "-m", mode, "stop"])
    }

    /// Promotes a standby to a primary that accepts writes (`pg_ctl promote`, waiting until it does).
    public func promote() throws {
        try run("\(binaries)/pg_ctl", ["-D", dataDirectory, "-w", "-t", "60", "promote"])
    }

    /// Restarts the server (`pg_ctl restart -m fast`): every open connection is cut.
    public func restart() throws {
        try run("\(binaries)/pg_ctl", ["-D", dataDirectory, "-l", "\(folder)/server.log", "-w", "-t", "60", "-m", "fast",
                                       "restart"])
    }

    /// Stops the server at once and removes its folder.
    public func destroy() {
        _ = try? run("\(binaries)/pg_ctl", ["-D", dataDirectory, "-w", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
        Self.unregister(self)
    }

    /// The connection string of `database` over the Unix socket, as `user` (trusted).
    public func conninfo(database: String, user: String = "postgres") -> String {
        "host=\(socketDirectory) port=\(port) dbname=\(database) user=\(user)"
    }

    /// The URI of `database` over TCP on 127.0.0.1, with the superuser's password (or `password`).
    public func tcpURI(database: String, password: String? = nil) -> String {
        let secret = (password ?? superuserPassword).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "postgresql://postgres:\(secret)@127.0.0.1:\(port)/\(database)"
    }

    /// Creates a database with a name no other test uses and returns its connection string.
    public func createDatabase() throws -> String {
        let name = lock.withLock {
            nextDatabase += 1
            return "cp_test_\(getpid())_\(nextDatabase)"
        }
        let admin = try PGConnection(conninfo(database: "postgres"))
        try admin.execute("CREATE DATABASE \(name)")
        return conninfo(database: name)
    }

    /// A superuser connection to `database`.
    public func superuser(_ database: String = "postgres") throws -> PGConnection {
        try PGConnection(conninfo(database: database))
    }

    // MARK: - Running the server binaries

    /// Runs a server binary (as `postgres` when root), output to `commands.log`; throws with the
    /// log's end when it fails.
    @discardableResult
    private func run(_ executable: String, _ arguments: [String], asServerUser: Bool = true) throws -> Int32 {
        var argv = [executable] + arguments
        if asServerUser, getuid() == 0 { argv = ["/usr/sbin/runuser", "-u", "postgres", "--"] + argv }
        let log = folder + "/commands.log"
        let status = Self.spawn(argv, output: log)
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let serverLog = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw Failure("\(argv.joined(separator: " ")) exited with \(status):\n\(text.suffix(2000))\n\(serverLog.suffix(2000))")
        }
        return status
    }

    /// Runs `argv` with stdout and stderr appended to `output` and returns its exit status. Plain
    /// posix_spawn, so it also works from an atexit handler.
    ///
    /// Every other descriptor is closed in the child: the server it starts lives on, and must not
    /// hold the pipes of processes other tests run at the same moment (a pipe end kept open by
    /// the server means their reader never sees end of file, and the test hangs).
    private static func spawn(_ argv: [String], output: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeOtherDescriptors(&actions)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Adds "close every descriptor from 3 up" to `actions`: glibc's
    /// `posix_spawn_file_actions_addclosefrom_np` (2.34+, not in Swift's Glibc module, so looked
    /// up by name), or else a close for each descriptor open now.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        for descriptor in 3..<min(getdtablesize(), 65_536) where fcntl(descriptor, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// Stops and removes the servers left by test processes that are gone (killed tests never
    /// reach their atexit handler): folders `cp-pg-PID-…` whose PID no longer runs.
    private static func removeAbandonedServers() {
        guard let binaries = binaryFolder else { return }
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(folderPrefix) {
            guard let pid = Int32(name.dropFirst(folderPrefix.count).prefix { $0 != "-" }), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = temporary + name
            var argv = ["\(binaries)/pg_ctl", "-D", folder + "/data", "-w", "-m", "immediate", "stop"]
            if getuid() == 0 { argv = ["/usr/sbin/runuser", "-u", "postgres", "--"] + argv }
            _ = spawn(argv, output: "/dev/null")
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    // MARK: - Stopping every server at exit

    // nonisolated(unsafe): only read or written under `registryLock`.
    nonisolated(unsafe) private static var running: [ObjectIdentifier: PostgresTestServer] = [:]
    private static let registryLock = NSLock()
    private static let atExitOnce: Void = { atexit { PostgresTestServer.destroyAll() } }()

    private static func register(_ server: PostgresTestServer) {
        _ = atExitOnce
        registryLock.withLock { running[ObjectIdentifier(server)] = server }
    }

    private static func unregister(_ server: PostgresTestServer) {
        registryLock.withLock { _ = running.removeValue(forKey: ObjectIdentifier(server)) }
    }

    private static func destroyAll() {
        let servers = registryLock.withLock { Array(running.values) }
        servers.forEach { $0.destroy() }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
