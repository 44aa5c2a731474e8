
/// The ASCII bytes the CSV code cares about.
package enum ASCII {
    package static let nul: UInt8 = 0x00
    package static let tab: UInt8 = 0x09
    package static let lf: UInt8 = 0x0A
    package static let cr: UInt8 = 0x0D
    package static let space: UInt8 = 0x20
    package static let quote: UInt8 = 0x22
    package static let comma: UInt8 = 0x2C
    package static let semicolon: UInt8 = 0x3B
}
