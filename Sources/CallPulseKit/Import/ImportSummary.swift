
/// What an import did: counts by outcome, the file's detected shape, and the first rejected rows.
public struct ImportSummary: Sendable, Equatable {
    /// Why a row was not imported.
    public enum RejectReason: String, Sendable, Equatable {
        case invalidNumber = "invalid number"
        case duplicateInFile = "duplicate in file"
        case duplicateInCampaign = "already in campaign"
        case doNotCall = "do-not-call"
        case badRow = "bad row"
    }

    /// One rejected row: its line in the file and the reason, spelled out.
    public struct Reject: Sendable, Equatable {
        public var line: Int
        public var reason: RejectReason
        public var detail: String
    }

    public var file: String
    public var campaignID: String
    public var encoding: String = ""
    public var delimiter: String = ""
    public var rowsRead = 0
    public var imported = 0
    public var invalid = 0
    public var duplicatesInFile = 0
    public var duplicatesInCampaign = 0
    public var doNotCall = 0
    public var badRows = 0
    /// Columns kept as contact fields.
    public var fields: [String] = []
    /// Fields renamed because the export has a column of their name (`agent → field_agent`).
    public var renamedFields: [String] = []
    /// Script placeholders the file has no column for (they will read as empty).
    public var missingPlaceholders: [String] = []
    /// The first rejected rows, for the summary on screen (all of them go to the rejects file).
    public var firstRejects: [Reject] = []
    public var dryRun = false
    public var rejectsFile: String?

    public var rejected: Int { invalid + duplicatesInFile + duplicatesInCampaign + doNotCall + badRows }

    mutating func count(_ reject: Reject) {
        switch reject.reason {
        case .invalidNumber: invalid += 1
        case .duplicateInFile: duplicatesInFile += 1
        case .duplicateInCampaign: duplicatesInCampaign += 1
        case .doNotCall: doNotCall += 1
        case .badRow: badRows += 1
        }
        if firstRejects.count < 10 { firstRejects.append(reject) }
    }

    /// The summary a supervisor reads after `callpulse import`.
    public var report: String {
        var lines: [String] = []
        let verb = dryRun ? "Checked (dry run, nothing imported)" : "Imported"
        lines.append("\(verb) \(Terminal.sanitize(file)) into campaign \(campaignID) (\(encoding), \(delimiter)-separated)")
        func row(_ label: String, _ value: Int, _ extra: String = "") -> String {
            let padded = label.padding(toLength: 22, withPad: " ", startingAt: 0)
            let number = String(value)
            return "  " + padded + String(repeating: " ", count: max(0, 8 - number.count)) + number + extra
        }
        lines.append(row("rows read", rowsRead))
        lines.append(row(dryRun ? "would be imported" : "imported", imported))
        lines.append(row("invalid number", invalid))
        lines.append(row("duplicate", duplicatesInFile + duplicatesInCampaign,
                         "  (\(duplicatesInFile) within the file, \(duplicatesInCampaign) already in the campaign)"))
        lines.append(row("on do-not-call list", doNotCall))
        if badRows > 0 { lines.append(row("malformed row", badRows)) }
        if !fields.isEmpty { lines.append("  fields kept: \(Terminal.sanitize(fields.joined(separator: ", ")))") }
        if !renamedFields.isEmpty {
            lines.append("  renamed: \(Terminal.sanitize(renamedFields.joined(separator: ", "))) (the export has its own "
                         + "column\(renamedFields.count == 1 ? "" : "s") of that name; the codebook says so)")
        }
        if !missingPlaceholders.isEmpty {
            lines.append("  warning: the script uses {\(missingPlaceholders.joined(separator: "}, {"))} but the file has no such column; it will read as empty")
        }
        if !firstRejects.isEmpty {
            lines.append("Rejected rows\(rejected > firstRejects.count ? " (first \(firstRejects.count) of \(rejected))" : ""):")
            for reject in firstRejects {
                lines.append("  line \(reject.line): \(reject.reason.rawValue): \(Terminal.sanitize(reject.detail))")
            }
        }
        if let rejectsFile {
            let file = Terminal.sanitize(rejectsFile)
            switch rejected {
            case 0: lines.append("No row was rejected; \(file) holds only the header.")
            case 1: lines.append("The rejected row, with its line number and reason, is in \(file).")
            default: lines.append("All \(rejected) rejected rows, with line numbers and reasons, are in \(file).")
            }
        } else if rejected > 0 {
            lines.append("Write every rejected row to a file with --rejects FILE.")
        }
        return lines.joined(separator: "\n")
    }
}
