import Foundation

/// Finds the files shipped with CallPulse (the `Scripts/` and `CallLists/` folders of the checkout):
/// first under the working directory, then beside or above the executable (`.build/debug/callpulse`).
enum BundledFiles {
    static func locate(_ relativePath: String) -> String? {
        var candidates = [FileManager.default.currentDirectoryPath]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.path)
            directory.deleteLastPathComponent()
        }
        for base in candidates {
            let path = (base as NSString).appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
