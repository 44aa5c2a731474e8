import CallPulseStore

/// The numbers an import has staged so far, each with the line that brought it: how the import
/// finds a number the file repeats, in memory, on every engine (the store is asked only about
/// numbers new to the file).
///
/// An E.164 number is `+` and at most 15 digits, the first never 0, so its digits read as one
/// `UInt64` name it alone, kept with its line in a `DigitLineTable`: a million numbers take 12 MiB
/// (a `Dictionary` took 24 MiB, and 36 MiB while it grew the last time). Anything else (never seen
/// from libphonenumber) is kept by its text.
struct StagedPhoneLines {
    private var lines = DigitLineTable()
    /// Numbers that are not digits after a `+`, and lines past `UInt32.max`.
    private var others: [String: Int] = [:]

    /// The line that staged `phone`, or nil when no earlier line did.
    func line(of phone: String) -> Int? {
        if let key = Self.key(phone), let line = lines[key] { return Int(line) }
        return others.isEmpty ? nil : others[phone]
    }

    /// Records that `line` staged `phone`.
    mutating func insert(_ phone: String, line: Int) {
        if let key = Self.key(phone), let small = UInt32(exactly: line) {
            lines[key] = small
        } else {
            others[phone] = line
        }
    }

    /// The digits of an E.164 number as one integer, or nil when `phone` is not `+` and 1–18
    /// digits, the first not 0 (which would make `+01` and `+1` one key).
    private static func key(_ phone: String) -> UInt64? {
        var utf8 = phone.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "+") else { return nil }
        var value: UInt64 = 0
        var digits = 0
        while let byte = utf8.next() {
            guard byte >= 0x30, byte <= 0x39, digits < 18, digits > 0 || byte != 0x30 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Sends the contacts of one batch new to the file to `stage`, and says what became of each
    /// contact of the batch, in order.
    ///
    /// A number staged by an earlier line is a duplicate in the file naming that line. A number
    /// seen twice within the batch goes to the store once: its later lines share the first one's
    /// outcome (the do-not-call list and the campaign answer alike for the same number), or are
    /// duplicates of it when it was staged.
    mutating func stage(_ contacts: [StagedContact],
                        _ stage: ([StagedContact]) throws -> [StagedContact.Outcome]) rethrows -> [StagedContact.Outcome] {
        enum Plan {
            case earlier(line: Int)
            case sent(Int)
            case sameAs(Int)
        }
        var plans: [Plan] = []
        plans.reserveCapacity(contacts.count)
        var new: [StagedContact] = []
        new.reserveCapacity(contacts.count)
        var inBatch: [String: Int] = [:]
        inBatch.reserveCapacity(contacts.count)
        for contact in contacts {
            if let line = line(of: contact.phone) {
                plans.append(.earlier(line: line))
            } else if let index = inBatch[contact.phone] {
                plans.append(.sameAs(index))
            } else {
                inBatch[contact.phone] = new.count
                plans.append(.sent(new.count))
                new.append(contact)
            }
        }
        let answers = new.isEmpty ? [] : try stage(new)
        precondition(answers.count == new.count, "the store answers for every contact")
        for (contact, answer) in zip(new, answers) where answer == .staged {
            insert(contact.phone, line: contact.line)
        }
        return plans.map { plan in
            switch plan {
            case let .earlier(line): .duplicateInFile(line: line)
            case let .sent(index): answers[index]
            case let .sameAs(index): answers[index] == .staged ? .duplicateInFile(line: new[index].line) : answers[index]
            }
        }
    }
}

/// A hash table from nonzero `UInt64` keys to `UInt32` lines: open addressing with linear probing
/// over two flat arrays (a key of 0 marks a free slot), filled up to 7/8 before it doubles, so
/// a million numbers fit in 2^20 slots of 12 bytes. It only grows: an import never forgets a number.
struct DigitLineTable {
    private var keys: [UInt64] = Array(repeating: 0, count: 1 << 12)
    private var lines: [UInt32] = Array(repeating: 0, count: 1 << 12)
    private(set) var count = 0

    /// The slot that holds `key`, or the free slot where probing for it ends: linear probing from
    /// the Fibonacci hash of the key onto the table's size.
    private static func slot(of key: UInt64, in keys: [UInt64]) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - keys.count.trailingZeroBitCount))
        while keys[slot] != key && keys[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    subscript(key: UInt64) -> UInt32? {
        get {
            precondition(key != 0, "0 marks a free slot")
            let slot = Self.slot(of: key, in: keys)
            return keys[slot] == key ? lines[slot] : nil
        }
        set {
            precondition(key != 0, "0 marks a free slot")
            guard let newValue else { preconditionFailure("the table never removes a key") }
            if (count + 1) * 8 > keys.count * 7 { grow() }
            if Self.place(key, newValue, keys: &keys, lines: &lines) { count += 1 }
        }
    }

    /// Puts `key` in its slot (or updates its line); true when it was not there.
    private static func place(_ key: UInt64, _ line: UInt32, keys: inout [UInt64], lines: inout [UInt32]) -> Bool {
        let slot = slot(of: key, in: keys)
        let isNew = keys[slot] == 0
        keys[slot] = key
        lines[slot] = line
        return isNew
    }

    private mutating func grow() {
        var newKeys = [UInt64](repeating: 0, count: keys.count * 2)
        var newLines = [UInt32](repeating: 0, count: keys.count * 2)
        for (key, line) in zip(keys, lines) where key != 0 {
            _ = Self.place(key, line, keys: &newKeys, lines: &newLines)
        }
        keys = newKeys
        lines = newLines
    }
}
