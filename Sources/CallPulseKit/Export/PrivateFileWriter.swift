import Foundation

/// Writes a file for someone else to open: created with mode 0600 under a temporary name
/// (`PATH.partial`) and renamed to its real name only in `finish()`, so a failed run never leaves a
/// half-written file behind. Writing to standard output (`init(standardOutput:)`) streams the same
/// bytes with no temporary file and nothing to take back on failure.
///
/// `CSVWriter` and the client report (`ReportCommand`) write through this.
public final class PrivateFileWriter {
    /// The file's final name, or `-` for standard output.
    public let path: String
    /// The file written until `finish()`; nil when writing to standard output.
    private let temporaryPath: String?
    private let handle: FileHandle
    private var finished = false

    /// Opens `path` for writing (through a temporary file beside it).
    public init(path: String) throws {
        self.path = path
        let temporaryPath = path + ".partial"
        self.temporaryPath = temporaryPath
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o600)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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

    /// Syncs and gives the file its real name (standard output needs nothing more).
    public func finish() throws {
        guard let temporaryPath else {
            finished = true
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
