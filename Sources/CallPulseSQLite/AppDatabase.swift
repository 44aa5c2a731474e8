import CallPulseDomain
import CallPulseStore
import Foundation
import GRDB

/// The one database type: owns the connection pool to the CallPulse SQLite file and its schema.
///
/// The file is opened in WAL mode so several agent consoles, a supervisor's live view and an import
/// can share it; readers never block writers. `synchronous=FULL` makes every acknowledged commit
/// survive a power cut, not only a killed process. A busy timeout keeps short lock waits invisible.
/// The file is created readable and writable by its owner only (it holds personal data), and every
/// connection runs with `secure_delete` on: SQLite overwrites deleted and replaced content with
/// zeros instead of leaving it in free space, so erased personal data does not linger in the file.
public struct AppDatabase: Sendable {
    /// The path the database was opened at, for messages.
    public let path: String
    /// The GRDB writer every read and write goes through.
    public let writer: any DatabaseWriter
    /// Orders CallPulse's writers across processes (nil for a read-only database).
    let gate: WriteGate?

    /// How long a writer waits for another process's lock before giving up, by default.
    public static let defaultBusyTimeout: TimeInterval = 10
    /// How long this database's writers wait for another process's lock before giving up.
    var busyTimeout: TimeInterval = Self.defaultBusyTimeout

    /// SQLite's own busy timeout sleeps in growing steps of up to 100 ms, which shows up as tail
    /// latency when many consoles commit at once; this waits in short steps (50 µs doubling to 1 ms)
    /// and gives up after about `timeout` seconds.
    static func waitForLock(timeout: TimeInterval) -> Database.BusyCallback {
        { tries in
            let micros = tries < 5 ? 50 << tries : 1000
            let elapsedEstimate = tries < 5 ? 0 : Double(tries - 5) * 0.001
            guard elapsedEstimate < timeout else { return false }
            usleep(useconds_t(micros))
            return true
        }
    }

    /// Opens (creating when missing) the database at `path` and migrates it to the current schema.
    /// A write that finds another program holding the file locked waits `busyTimeout` seconds.
    public static func open(path: String, readOnly: Bool = false,
                            busyTimeout: TimeInterval = defaultBusyTimeout) throws -> AppDatabase {
        if !readOnly { try createPrivateFileIfMissing(path) }
        var configuration = Configuration()
        configuration.busyMode = .callback(Self.waitForLock(timeout: busyTimeout))
        configuration.readonly = readOnly
        configuration.label = "callpulse"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Without it an update that changes a row's size leaves the old row (name, number, answers)
            // in the page's free space until the page is rewritten. Measured: no visible cost on bulk
            // imports, within noise on claim-sized transactions (a few KiB zeroed per commit).
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL when it turns WAL on; FULL syncs the WAL on every commit,
            // so an acknowledged answer survives a power cut too. The pool has one writer connection.
            if !readOnly { try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") } }
            // Checking in a read first spares every command on an up-to-date file a write transaction
            // (and the WAL sync and checkpoint it brings): `stats` and console start-up are faster.
            if !readOnly, try !pool.read(migrator.hasCompletedMigrations) { try migrator.migrate(pool) }
            return AppDatabase(path: path, writer: pool, gate: readOnly ? nil : WriteGate(databasePath: path), busyTimeout: busyTimeout)
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    /// Opens the database at `path` only if the file is there: for commands that read or work an
    /// existing campaign, so a mistyped `--db` is an error instead of a new, empty database.
    ///
    /// - Throws: `StoreError.databaseNotFound` when nothing is at `path`.
    public static func openExisting(path: String, busyTimeout: TimeInterval = defaultBusyTimeout) throws -> AppDatabase {
        var info = stat()
        guard stat(path, &info) == 0 || errno != ENOENT else { throw StoreError.databaseNotFound(path: path) }
        return try open(path: path, busyTimeout: busyTimeout)
    }

    /// Creates an empty file with mode 0600 so SQLite (which gives its -wal and -shm files the
    /// database file's mode) never leaves personal data readable by others.
    private static func createPrivateFileIfMissing(_ path: String) throws {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            close(fd)
            return
        }
        let code = errno
        if code == EEXIST { return }
        throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(code)))
    }

    /// Runs `updates` in one write transaction, translating SQLite errors for people.
    public func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try exclusively { try writer.write(updates) }
    }

    /// Runs `updates` in one write transaction that is not synced to disk on its own, for writes a
    /// power cut may lose harmlessly: leases (claiming, renewing, giving back a contact — a lost one
    /// only returns the contact to the queue) and the rows of an import still staging (invisible
    /// until its synced publish, removed by the next import otherwise). The next ordinary commit
    /// syncs them with its own; a killed process loses nothing (the commit is in the WAL).
    public func writeUnsynced<T>(_ updates: (Database) throws -> T) throws -> T {
        try exclusively {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body` holding the cross-process writer gate, translating SQLite errors for people.
    /// Every write goes through here (an import holds it for one batch at a time).
    func exclusively<T>(_ body: () throws -> T) throws -> T {
        do {
            guard let gate else { return try body() }
            return try gate.withLock(timeout: busyTimeout, path: path, body)
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    /// Runs `value` in one read transaction (a consistent snapshot), translating SQLite errors.
    public func read<T>(_ value: (Database) throws -> T) throws -> T {
        do { return try writer.read(value) } catch { throw StoreError.translate(error, path: path) }
    }
}

extension AppDatabase: CallPulseStore {
    public var location: String { path }

    public func translated(_ error: any Error) -> any Error { StoreError.translate(error, path: path) }

    public func mayPassWithTime(_ error: any Error) -> Bool { StoreError.sqliteMayPassWithTime(error) }

    public func purgePersonalData(campaignID: String, actor: String, now: Int64) throws -> PurgeReport {
        try purgePersonalData(campaignID: campaignID, actor: actor, now: now, chunk: Self.purgeChunk)
    }

    /// One import at a time: an exclusive lock on `<db>-import.lock` (see `WriteGate`).
    public func oneImportAtATime(timeout: TimeInterval, waiting: (() -> Void)?, _ body: () throws -> Void) throws {
        guard let gate = WriteGate.imports(databasePath: path) else { return try body() }
        try gate.withLock(timeout: timeout, path: path, waiting: waiting, body)
    }
}
