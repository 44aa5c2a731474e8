import CallPulseTestSupport
import Foundation
import Testing
@testable import CallPulseCommands
@testable import CallPulseKit
@testable import CallPulseStore

/// `callpulse demo` carries its script and call list inside the binary.
@Suite struct DemoFilesTests {
    /// The built-in copies are the files in the checkout; after editing one, run `.ci/embed-demo-files`.
    @Test(arguments: [DemoFiles.script, DemoFiles.callList])
    func builtInCopyEqualsTheFileOnDisk(file: EmbeddedFile) throws {
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: Repository.path(file.path)))
        #expect(Data(file.bytes) == onDisk, "\(file.path) changed: run .ci/embed-demo-files and commit the result")
    }

    @Test func temporaryCopyHoldsTheBytesAndIsRemoved() throws {
        let copy = try DemoFiles.callList.temporaryCopy()
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(DemoFiles.callList.bytes))
        EmbeddedFile.remove(temporaryCopy: copy)
        #expect(!FileManager.default.fileExists(atPath: (copy as NSString).deletingLastPathComponent))
    }

    /// A binary copied out of the checkout (as into /usr/local/bin) and run from another folder.
    @Test func aCopiedBinaryRunsTheDemoFromAnyFolder() throws {
        let bin = try TemporaryDirectory(), work = try TemporaryDirectory()
        let binary = bin.file("callpulse")
        try FileManager.default.copyItem(atPath: CallPulseBinary.path, toPath: binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["demo", "--show"]
        process.currentDirectoryURL = URL(fileURLWithPath: work.path)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CALLPULSE_DB")
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout.contains("Imported CallLists/demo-customers.csv (built in) into campaign demo"))
        #expect(stdout.contains("loaded: 80"))
        #expect(stdout.contains("copied from Scripts/customer-service-pulse.yaml (built in)"))
        #expect(FileManager.default.fileExists(atPath: work.file("callpulse-demo.sqlite")))
    }
}
