import KSPTestSupport
import Testing

@testable import KSPCore
@testable import KSPQuery

/// KSPCore refuses area and question ids that the query language uses; it keeps its own list
/// (it cannot see KSPQuery), so this test keeps the two from drifting apart.
@Suite("Reserved ids")
struct ReservedNamesTests {
    @Test func everyKeywordAndDimensionIsReserved() {
        for keyword in Parser.allKeywords {
            #expect(ReservedNames.isReserved(keyword), "keyword \(keyword) is missing from ReservedNames")
        }
        for dimension in Dimension.names + ["date", "season_day"] {
            #expect(ReservedNames.isReserved(dimension), "dimension \(dimension) is missing from ReservedNames")
        }
        for metric in Metric.fixedNames.keys + ["areas", "questions"] {
            #expect(ReservedNames.isReserved(metric), "metric \(metric) is missing from ReservedNames")
        }
    }

    @Test func reservedInAnyCase() {
        #expect(ReservedNames.isReserved("TOTAL"))
        #expect(ReservedNames.isReserved("Wait_Median"))
        #expect(!ReservedNames.isReserved("agent"))
    }
}
