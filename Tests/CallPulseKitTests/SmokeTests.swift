import Testing
@testable import CallPulseKit

@Suite struct SmokeTests {
    @Test func versionIsSet() {
        #expect(!CallPulseVersion.current.isEmpty)
    }
}
