import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Issue 15, channel mix: `adjusted for channel` on compare, rank and group tables (direct standardisation).
@Suite("Adjusted for channel")
struct ChannelAdjustmentTests {
    /// Alfa: phone 80 × 3, chat 40 (raw 70); Beta: phone 80, chat 40 × 3 (raw 50). On each channel they
    /// are equal: the raw difference of 20 is entirely channel mix.
    static let mixOnly = HandSeason(
        participants: [("a", "Alfa Bank", "Bank"), ("b", "Beta Bank", "Bank")],
        inquiries: HandSeason.Inquiry.repeated("a", "phone", [80, 80, 80])
            + HandSeason.Inquiry.repeated("a", "chat", [40])
            + HandSeason.Inquiry.repeated("b", "phone", [80])
            + HandSeason.Inquiry.repeated("b", "chat", [40, 40, 40]))

    /// Alfa as above; Cora: phone 100, chat 70 and 50; Dina: phone 90 and 70, no chat.
    /// Mix of all nine: phone 6/9, chat 3/9.
    static let handComputed = HandSeason(
        participants: [("a", "Alfa Bank", "Bank"), ("c", "Cora Bank", "Bank"), ("d", "Dina Bank", "Bank")],
        inquiries: HandSeason.Inquiry.repeated("a", "phone", [80, 80, 80])
            + HandSeason.Inquiry.repeated("a", "chat", [40])
            + HandSeason.Inquiry.repeated("c", "phone", [100]) + HandSeason.Inquiry.repeated("c", "chat", [70, 50])
            + HandSeason.Inquiry.repeated("d", "phone", [90, 70]))

    @Test func compareTheDifferenceThatIsOnlyMixVanishes() throws {
        let table = try Self.mixOnly.load {
            try Evaluator(season: $0).run(
                "compare participant \"Alfa Bank\" vs \"Beta Bank\" on total adjusted for channel")
        }
        #expect(table.number("total", "diff") == 20)
        // Alfa weighted by Beta's mix (phone 1/4, chat 3/4): 0.25 · 80 + 0.75 · 40 = 50 = Beta's 50.
        #expect(table.number("total", "a_adj") == 50)
        #expect(table.number("total", "diff_adj") == 0)
        #expect(table.column("adj_missing") == nil)
        #expect(
            table.notes.map(\.text).last
                == "a_adj: a adjusted for channel — a's mean on each channel weighted by b's channel mix "
                + "(Σ w_c · mean_c; phone 25 %, chat 75 % of b's inquiries); diff_adj = a_adj − b; not tested")
    }

    @Test func groupsAndRanksTheDifferenceThatIsOnlyMixVanishes() throws {
        let (groups, ranks) = try Self.mixOnly.load { season in
            let evaluator = Evaluator(season: season)
            return (
                try evaluator.run("total by participant adjusted for channel"),
                try evaluator.run("rank adjusted for channel")
            )
        }
        // The whole table's mix is phone 4/8, chat 4/8: both 0.5 · 80 + 0.5 · 40 = 60.
        #expect(groups.number("Alfa Bank", "total") == 70)
        #expect(groups.number("Alfa Bank", "total_adj") == 60)
        #expect(groups.number("Beta Bank", "total_adj") == 60)
        #expect(groups.columns.map { $0.name }.prefix(3) == ["participant", "total", "total_adj"])
        let adjusted = try #require(ranks.column("total_adj"))
        #expect(ranks.rows.map { $0[adjusted].number } == [60, 60])
        #expect(ranks.notes.last == "the rank is by the raw figure (the award rule); total_adj is beside it")
    }

    @Test func aHandComputedCaseWithAMissingChannel() throws {
        let table = try Self.handComputed.load {
            try Evaluator(season: $0).run("total by participant adjusted for channel")
        }
        // Alfa: 2/3 · 80 + 1/3 · 40 = 200/3; Cora: 2/3 · 100 + 1/3 · 60 = 260/3.
        #expect(approx(table.number("Alfa Bank", "total_adj"), 200.0 / 3))
        #expect(approx(table.number("Cora Bank", "total_adj"), 260.0 / 3))
        // Dina has no chat: renormalised over the phone alone, 80, and marked.
        #expect(table.number("Dina Bank", "total_adj") == 80)
        #expect(table.text(2, "adj_missing") == "chat")
        #expect(table.text(0, "adj_missing") == "")
        #expect(
            table.notes.map(\.text).prefix(2) == [
                "total_adj: adjusted for channel — the row's mean on each channel weighted by the channel mix of"
                    + " the whole table: Σ w_c · mean_c with phone 67 %, chat 33 %",
                "adj_missing: channels of the mix a row has no inquiries on; its adjusted figure is renormalised"
                    + " over the channels it has (Σ w·mean / Σ w), so it stands for a mix without them",
            ])
    }

    @Test func topKeepsAdjMissingOnlyWhenAKeptRowLacksAChannel() throws {
        let (best, all) = try Self.handComputed.load { season in
            let evaluator = Evaluator(season: season)
            return (
                try evaluator.run("total by participant adjusted for channel top 2"),
                try evaluator.run("total by participant adjusted for channel order by total_adj top 3")
            )
        }
        // Cora 73.3 and Dina 80 are the best two: Dina lacks chat, so the column stays.
        #expect(best.firstColumn == ["Dina Bank", "Cora Bank"])
        #expect(best.column("adj_missing") != nil)
        #expect(all.firstColumn == ["Cora Bank", "Dina Bank", "Alfa Bank"])
        let alfaOnly = try Self.handComputed.load { season in
            try Evaluator(season: season).run(
                "total by participant where participant != \"Dina Bank\" adjusted for channel")
        }
        #expect(alfaOnly.column("adj_missing") == nil)
        #expect(alfaOnly.notes.map(\.text).contains { $0.hasPrefix("adj_missing") } == false)
        let lowest = try Self.handComputed.load { season in
            try Evaluator(season: season).run("total by participant adjusted for channel order by total asc top 1")
        }
        // Alfa (70) alone is kept: it has both channels, so the column and its note go.
        #expect(lowest.firstColumn == ["Alfa Bank"])
        #expect(lowest.column("adj_missing") == nil)
        #expect(lowest.notes.map(\.text).contains { $0.hasPrefix("adj_missing") } == false)
    }

    @Test func compareWithAMissingChannelComparesLikeWithLike() throws {
        let table = try Self.handComputed.load {
            try Evaluator(season: $0).run(
                "compare participant \"Dina Bank\" vs \"Cora Bank\" on total adjusted for channel")
        }
        // Dina has the phone only: both on the phone alone, 80 against 100.
        #expect(table.number("total", "a_adj") == 80)
        #expect(approx(table.number("total", "diff_adj"), -20, 1e-9))
        #expect(table.text(0, "adj_missing") == "chat")
    }

    @Test func errorsSayWhatIsMeant() throws {
        let errors = try Self.mixOnly.load { season -> [String] in
            let evaluator = Evaluator(season: season)
            return [
                "total by channel adjusted for channel", "total by participant across month adjusted for channel",
                "total by participant adjusted for kanl", "n by participant adjusted for channel",
            ].map { statement in
                do {
                    _ = try evaluator.run(statement)
                    return ""
                } catch let error as any QueryDiagnostic {
                    return error.message
                } catch {
                    return "\(error)"
                }
            }
        }
        #expect(
            errors == [
                "adjusted for channel needs groups other than channel (a channel is its own mix)",
                "adjusted for channel works on metric columns by one or two dimensions, not across or questions",
                "expected channel after adjusted for (the one adjustment: adjusted for channel), found \"kanl\"",
                "adjusted for channel needs a mean, nps or a share (total, an area, …)",
            ])
    }
}
