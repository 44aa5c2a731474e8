
/// Renders rows as left-aligned columns separated by two spaces; the first row is the header.
/// Cells that look like numbers are right-aligned.
public enum TextTable {
    public static func render(_ rows: [[String]]) -> String {
        guard let columnCount = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.enumerated().map { rowIndex, row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                let numeric = rowIndex > 0 && !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
                return numeric ? pad + cell : (index == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
