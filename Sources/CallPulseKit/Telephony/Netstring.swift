import CallPulseDomain
import Foundation

/// Netstring framing (`LEN:DATA,`), as baresip's `ctrl_tcp` speaks it: `encode` frames one
/// message, a `Netstring.Decoder` takes bytes as they arrive and hands back whole messages.
///
/// A frame longer than `maxLength` bytes, a length that is not decimal digits, or a missing `,`
/// after the data is refused with a `TelephonyError.badFrame`, never trusted or buffered without bound.
enum Netstring {
    /// The largest message a decoder takes by default: 64 KiB (baresip's events are a few hundred bytes).
    static let defaultMaxLength = 65_536

    static func encode(_ payload: Data) -> Data {
        var frame = Data("\(payload.count):".utf8)
        frame.append(payload)
        frame.append(UInt8(ascii: ","))
        return frame
    }

    struct Decoder {
        let maxLength: Int
        private var buffer = Data()

        init(maxLength: Int = Netstring.defaultMaxLength) { self.maxLength = maxLength }

        mutating func append(_ bytes: Data) { buffer.append(bytes) }

        /// The next whole message, nil when more bytes are needed.
        mutating func next() throws -> Data? {
            let digitsAllowed = String(maxLength).count
            var length = 0
            var index = buffer.startIndex
            var digits = 0
            while index < buffer.endIndex {
                let byte = buffer[index]
                if byte == UInt8(ascii: ":") { break }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                    throw TelephonyError.badFrame("expected the digits of a length, found \(Self.show(byte))")
                }
                digits += 1
                guard digits <= digitsAllowed else {
                    throw TelephonyError.badFrame("a length of more than \(digitsAllowed) digits (the limit is \(maxLength) bytes)")
                }
                length = length * 10 + Int(byte - UInt8(ascii: "0"))
                index += 1
            }
            guard index < buffer.endIndex else { return nil }
            guard digits > 0 else { throw TelephonyError.badFrame("a frame without a length before ':'") }
            guard length <= maxLength else {
                throw TelephonyError.badFrame("a message of \(length) bytes (the limit is \(maxLength))")
            }
            let start = index + 1
            guard buffer.endIndex - start >= length + 1 else { return nil }
            let end = start + length
            guard buffer[end] == UInt8(ascii: ",") else {
                throw TelephonyError.badFrame("no ',' after a message of \(length) bytes, found \(Self.show(buffer[end]))")
            }
            let payload = Data(buffer[start..<end])
            buffer = Data(buffer[(end + 1)...])
            return payload
        }

        private static func show(_ byte: UInt8) -> String {
            (0x21...0x7e).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02x", byte)
        }
    }
}
