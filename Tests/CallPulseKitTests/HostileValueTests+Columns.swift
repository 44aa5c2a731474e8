import Foundation
import Testing
@testable import CallPulseDomain
@testable import CallPulseKit
@testable import CallPulseStore

/// Imported fields named like an export column are prefixed.
extension HostileValueTests {
    @Test func anImportedFieldNamedLikeAnExportColumnIsPrefixed() {
        #expect(ExportColumns.fieldColumn("agent", questionIDs: []) == "field_agent")
        #expect(ExportColumns.fieldColumn("NPS", questionIDs: ["nps"]) == "field_NPS")
        #expect(ExportColumns.fieldColumn("city", questionIDs: ["nps"]) == "city")
        #expect(ExportColumns.fieldColumn("agent", questionIDs: [], otherFields: ["field_agent"]) == "field_field_agent")
        #expect(ExportColumns.renamedFrom("field_field_agent", questionIDs: []) == "agent")
        #expect(ExportColumns.renamedFrom("field_city", questionIDs: []) == nil)
    }
}
