import Foundation
import Testing
@testable import CallPulseKit
@testable import CallPulseStore

/// `export --out` and `report --out` onto special files, through the built binary: a FIFO and a
/// character device are written into and stay what they are (renaming a finished file over them
/// would replace the system's `/dev/null` with a regular file); a directory and a socket are
/// refused. The device is one made here with mknod (1,3: the same device as /dev/null); the real
/// /dev/null is never a target.
@Suite(.serialized) struct SpecialFileOutputTests {
    let fixture: ExportFixture
    init() throws { fixture = try ExportFixture() }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CallPulseBinary.run(arguments + ["--db", fixture.db.path], environment: ["USER": "tester"])
    }

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    static let commands: [[String]] = [["export", "c"], ["export", "c", "--calls"], ["report", "c"]]

    @Test(arguments: commands)
    func aCharacterDeviceIsWrittenIntoAndStaysADevice(_ command: [String]) throws {
        let null = fixture.dir.file("null")
        // Device 1,3 (glibc's makedev(1, 3)): what /dev/null is.
        #expect(mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        #expect(chmod(null, 0o666) == 0)
        let result = try run(command + ["--out", null])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(null) == S_IFCHR)
        var info = stat()
        #expect(stat(null, &info) == 0 && info.st_mode & 0o777 == 0o666, "the device's mode was changed")
        #expect(info.st_rdev == dev_t((1 << 8) | 3))
        #expect(!FileManager.default.fileExists(atPath: null + ".partial"))
    }

    @Test(arguments: commands)
    func aFIFOGetsTheBytesAndStaysAFIFO(_ command: [String]) throws {
        let fifo = fixture.dir.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
            done.signal()
        }
        reader.start()
        let result = try run(command + ["--out", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(done.wait(timeout: .now() + 30) == .success, "the reader never saw the end of the file")
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.contains(command[0] == "report" ? "<html" : "contact_id"), "\(text.prefix(200))")
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aDirectoryOrASocketIsRefusedWithAMessage() throws {
        let directory = fixture.dir.file("out")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let onDirectory = try run(["export", "c", "--out", directory])
        #expect(onDirectory.status != 0)
        #expect(onDirectory.stderr.contains("cannot write '\(directory)': it is a directory"), "\(onDirectory.stderr)")
        let socketPath = fixture.dir.file("sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let onSocket = try run(["report", "c", "--out", socketPath])
        #expect(onSocket.status != 0)
        #expect(onSocket.stderr.contains("it is a socket"), "\(onSocket.stderr)")
        #expect(fileType(socketPath) == S_IFSOCK)
    }
}
