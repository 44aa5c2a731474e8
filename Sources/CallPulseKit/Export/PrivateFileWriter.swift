import Foundation

/// Writes a file for someone else to open: created with mode 0600 under a temporary name
/// (`PATH.partial`) and renamed to its real name only in `finish()`, so a failed run never leaves a
/// half-written file behind. Writing to standard output (`init(standardOutput:)`), a FIFO or a
/// character device streams the same bytes with no temporary file and nothing to take back on
/// failure: renaming over `/dev/null` would replace the system's device with a regular file.
///
/// `CSVWriter` and the client report (`ReportCommand`) write through this.
public final class PrivateFileWriter {
    /// The file's final name, or `-` for standard output.
    public let path: String
    /// The file written until `finish()`; nil when writing to standard output.
    private let temporaryPath: String?
    private let handle: FileHandle
    private var finished = false

    /// Opens `path` for writing: through a temporary file beside it when `path` is new or a regular
    /// file; straight into it when it is a FIFO or a character device (`/dev/stdout`, `/dev/null`,
    /// a named pipe another program reads), which is written as it is and never replaced.
    ///
    /// - Throws: `OutputFileError` for a directory, a socket, a block device, or a file that
    ///   cannot be created.
    public init(path: String) throws {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFIFO || kind == S_IFCHR else {
                throw OutputFileError(path: path, reason: Self.refusal(kind))
            }
            // Opening a FIFO for writing waits until a reader opens it, as any writer to a pipe does.
            let fd = open(path, O_WRONLY | O_NOCTTY)
            guard fd >= 0 else { throw OutputFileError(path: path, reason: String(cString: strerror(errno))) }
            temporaryPath = nil
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            return
        }
        let temporaryPath = path + ".partial"
        self.temporaryPath = temporaryPath
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o600)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Why `path` of file type `kind` (from `st_mode`) is not written to.
    private static func refusal(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "it is a directory; give a file name"
        case S_IFBLK: "it is a block device (a disk); refusing to write an export onto it"
        case S_IFSOCK: "it is a socket; give a file name, a named pipe or - for standard output"
        default: "it is not a regular file; give a file name or - for standard output"
        }
    }

    /// Streams to standard output.
    public init(standardOutput: Void = ()) {
        path = "-"
        temporaryPath = nil
        handle = FileHandle.standardOutput
    }

    deinit { discard() }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        do { try handle.write(contentsOf: bytes) } catch {
            throw OutputFileError(path: path, reason: error.localizedDescription)
        }
    }

    /// Syncs and gives the file its real name (standard output, a FIFO or a device needs nothing more).
    public func finish() throws {
        guard let temporaryPath else {
            finished = true
            if path != "-" { try? handle.close() }
            return
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputFileError(path: path, reason: error.localizedDescription)
        }
        guard rename(temporaryPath, path) == 0 else {
            throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
        }
        finished = true
    }

    /// Drops the temporary file; nothing is left under the real name.
    public func discard() {
        guard !finished else { return }
        finished = true
        guard let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
    }
}

/// A file could not be written.
public struct OutputFileError: Error, LocalizedError {
    public let path: String
    public let reason: String
    public var errorDescription: String? { "cannot write '\(path)': \(reason)" }
}

/// The name the CSV writer's errors had before the file handling moved to `PrivateFileWriter`.
public typealias CSVWriterError = OutputFileError
