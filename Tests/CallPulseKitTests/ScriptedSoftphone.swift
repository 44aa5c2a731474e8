import Foundation
@testable import CallPulseKit
@testable import CallPulseStore

/// The test double of `Softphone`: each dial plays the next list of events; every command is logged.
final class ScriptedSoftphone: Softphone {
    let name = "scripted"
    private var calls: [[SoftphoneEvent]]
    private var playing: [SoftphoneEvent] = []
    /// `dial URI` and `hangup`, in order.
    private(set) var log: [String] = []

    init(_ calls: [[SoftphoneEvent]]) { self.calls = calls }

    func dial(_ uri: String) throws {
        log.append("dial \(uri)")
        playing = calls.isEmpty ? [] : calls.removeFirst()
    }

    func hangUp() throws {
        log.append("hangup")
        playing = [.closed(reason: "Connection reset by user")]
    }

    func nextEvent(timeout: TimeInterval) throws -> SoftphoneEvent? {
        guard !playing.isEmpty else {
            Thread.sleep(forTimeInterval: min(timeout, 0.05))
            return nil
        }
        return playing.removeFirst()
    }
}
