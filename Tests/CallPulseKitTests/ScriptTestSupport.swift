import Foundation
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// Helpers shared by the script tests.
enum ScriptTestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a bundled script in `Scripts/`.
    static func bundledScriptPath(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Scripts/\(name).yaml").path
    }

    /// The path of a fixture in `Fixtures/scripts/`.
    static func fixturePath(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/scripts/\(name)", withExtension: "yaml")!.path
    }

    /// The problems `yaml` has, or `[]` if it loads.
    static func problems(_ yaml: String, file: String = "test.yaml") -> [ScriptProblem] {
        do {
            _ = try InterviewScript.parse(yaml: yaml, file: file)
            return []
        } catch let error as ScriptError {
            return error.problems
        } catch {
            return [ScriptProblem(file: file, line: 0, column: 0, message: "unexpected error \(error)")]
        }
    }
}
