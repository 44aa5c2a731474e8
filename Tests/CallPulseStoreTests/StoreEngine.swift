import CallPulseStore
import CallPulseTestSupport
import Foundation
import Testing

extension StoreEngine: CustomTestStringConvertible {
    public var testDescription: String { rawValue }

    /// A fresh, empty store location for one test, removed when the returned value is dropped.
    func makeLocation() throws -> StoreLocation {
        let folder = NSTemporaryDirectory() + "callpulse-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return StoreLocation(engine: self, address: try database(in: folder, name: "store.sqlite"), folder: folder)
    }
}

/// Where one test's store lives; the folder (and so the store) is removed with it.
final class StoreLocation: Sendable {
    let engine: StoreEngine
    let address: String
    let folder: String

    init(engine: StoreEngine, address: String, folder: String) {
        self.engine = engine
        self.address = address
        self.folder = folder
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Another connection to the same store, as another console or command would open.
    func open() throws -> any CallPulseStore { try engine.open(address) }
}
