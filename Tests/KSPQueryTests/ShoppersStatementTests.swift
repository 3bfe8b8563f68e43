import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Issue 15, shopper effects: `shoppers [where …]` on a hand-computed season.
@Suite("Shoppers")
struct ShoppersStatementTests {
    /// Alfa: S1 gives 80 and 70, S2 60, S3 50. Beta: S1 90, S2 70, S3 80 and 60.
    static let season = HandSeason(
        participants: [("a", "Alfa Bank", "Bank"), ("b", "Beta Bank", "Bank")],
        inquiries: HandSeason.Inquiry.repeated("a", "phone", [80, 70], shopper: "S1")
            + HandSeason.Inquiry.repeated("a", "phone", [60], shopper: "S2")
            + HandSeason.Inquiry.repeated("a", "phone", [50], shopper: "S3")
            + HandSeason.Inquiry.repeated("b", "phone", [90], shopper: "S1")
            + HandSeason.Inquiry.repeated("b", "phone", [70], shopper: "S2")
            + HandSeason.Inquiry.repeated("b", "phone", [80, 60], shopper: "S3"))

    @Test func leniencyPerShopperWithHolm() throws {
        let table = try Self.season.load { try Evaluator(season: $0).run("shoppers") }
        #expect(table.firstColumn == ["S1", "S2", "S3"])
        // S1: 80 − 55, 70 − 55, 90 − 70: mean 20, t = √48 on 2 df, p = 1 − √(48/50) = 0.0202.
        #expect(table.number("S1", "n") == 3)
        #expect(table.number("S1", "total") == 80)
        #expect(table.number("S1", "leniency") == 20)
        #expect(approx(table.number("S1", "p"), 1 - (48.0 / 50).squareRoot(), 1e-9))
        // S3: 50 − 70, 80 − 80, 60 − 80: mean −40/3, t = −2, p = 1 − 2/√6. Holm over S1 and S3 (S2's
        // differences are both −20/3: no variation, no test): S1 0.0404 (▲), S3 0.1835.
        #expect(approx(table.number("S3", "leniency"), -40.0 / 3, 1e-9))
        #expect(approx(table.number("S3", "p"), 1 - 2 / 6.0.squareRoot(), 1e-9))
        #expect(approx(table.number("S1", "p_adj"), 2 * (1 - (48.0 / 50).squareRoot()), 1e-9))
        #expect(approx(table.number("S3", "p_adj"), 1 - 2 / 6.0.squareRoot(), 1e-9))
        #expect(table.number("S2", "p") == nil)
        let sig = try #require(table.column("leniency_sig"))
        #expect(
            table.rows.map { $0[sig].value } == [
                // S2's differences do not vary: no p, so untested (not "none").
                .significance(.above), .significance(.untested(.noVariation)), .significance(.notSignificant),
            ])
        #expect(table.rows[0][3].flags.contains(.above))
        #expect(
            Array(table.notes.prefix(2)) == [
                .text(
                    "leniency: mean of (inquiry total − the participant's mean total without this shopper's"
                        + " inquiries), over inquiries at participants other shoppers also shopped; 95 % t-interval"),
                .shopperMarkers(testedShoppers: 2),
            ])
        #expect(table.notes.map(\.text)[2].hasPrefix("shoppers beyond participants: "))
        #expect(table.notes.last == .shopperSmallBase(minBase: 10))
    }

    @Test func whereNarrowsTheInquiries() throws {
        let table = try Self.season.load { try Evaluator(season: $0).run("shoppers where participant = \"Alfa Bank\"") }
        // Alfa alone: S1 80 − 55 and 70 − 55: mean 20.
        #expect(table.number("S1", "leniency") == 20)
        #expect(table.number("S1", "n") == 2)
    }

    @Test func aClauseItDoesNotTakeIsAnError() {
        let error = Fixture.error("shoppers top 3")
        #expect(error?.message == "expected the end of the statement, found \"top\"")
    }
}
