import CallPulseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a script file as text for the loader, refusing before YAML sees it what is too big or
/// is not text: at most `ScriptInputGuard.maximumBytes` bytes are ever read (a device or a pipe
/// has no size to check first), UTF-8 with or without a byte-order mark and UTF-16 with one are
/// decoded, and a byte that is not UTF-8 is a problem at its line and column.
package enum ScriptFile {
    /// The file could not be read at all: missing, a directory, no permission.
    package struct ReadError: Error, Equatable {
        package var file: String
        package var reason: String
    }

    /// The text of `file`.
    ///
    /// - Throws: `ReadError` when the file cannot be read; `ScriptError` when it is too big or
    ///   not text in a supported encoding.
    package static func contents(of file: String) throws -> String {
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { throw ReadError(file: file, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(file: file, reason: String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { throw ReadError(file: file, reason: "it is a directory") }
        if info.st_size > ScriptInputGuard.maximumBytes { throw ScriptText.tooBig(file, size: Int(info.st_size)) }

        let limit = ScriptInputGuard.maximumBytes + 1
        var bytes = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let result = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, limit - count) }
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReadError(file: file, reason: String(cString: strerror(errno)))
            }
            count += result
        }
        if count > ScriptInputGuard.maximumBytes { throw ScriptText.tooBig(file, size: nil) }
        bytes.removeSubrange(count...)
        return try ScriptText.decode(bytes, file: file)
    }
}
