import Foundation

/// The current time as stored in the database: whole seconds since 1970, UTC.
public func unixNow() -> Int64 { Int64(Date().timeIntervalSince1970) }
