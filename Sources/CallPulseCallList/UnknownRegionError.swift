import Foundation

/// A region code libphonenumber does not know, given as a call list's default region.
public struct UnknownRegionError: Error, LocalizedError, Equatable, Sendable {
    /// The code as given.
    public var region: String

    public var errorDescription: String? {
        "'\(region)' is not a known region code; use an ISO 3166 code such as FI, SE or GB"
    }
}
