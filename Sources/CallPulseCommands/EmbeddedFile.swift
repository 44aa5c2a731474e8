import CallPulseKit
import Foundation

/// A file of the checkout built into the binary as a string literal (see `.ci/embed-demo-files`),
/// so a command needs no file beside the executable.
///
/// Swift string literals keep line breaks as LF whatever the source file used, so the file's own
/// line ending is kept apart and put back in `bytes`.
struct EmbeddedFile: Sendable {
    /// The file's path in the checkout, e.g. `Scripts/customer-service-pulse.yaml`.
    let path: String
    /// The file's line ending: `"\n"` or `"\r\n"`.
    let lineEnding: String
    /// The text with LF line breaks.
    let text: String

    /// The file's bytes as they are on disk.
    var bytes: [UInt8] {
        Array((lineEnding == "\n" ? text : text.replacingOccurrences(of: "\n", with: lineEnding)).utf8)
    }

    /// Writes a copy into a new private temporary folder and returns the copy's path; `remove` it when done.
    func temporaryCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("callpulse-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        let copy = directory.appendingPathComponent((path as NSString).lastPathComponent)
        try Data(bytes).write(to: copy)
        return copy.path
    }

    /// Removes a copy made by `temporaryCopy()` and its folder.
    static func remove(temporaryCopy path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
