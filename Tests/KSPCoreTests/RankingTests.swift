import Testing

@testable import KSPCore

@Suite("Rule 7: ranking and awards")
struct RankingTests {
    @Test func rankedByTotal() throws {
        let s = try Fixtures.small()
        let r = Ranking.rank(s, inquiries: 0..<s.inquiries.count)
        #expect(r.map { s.participants[$0.participant].name } == ["Alfa Bank", "Gamma Forsikring", "Beta Bank"])
        #expect(r.map(\.rank) == [1, 2, 3])
    }

    @Test func awards() throws {
        let s = try Fixtures.small()
        let a = Ranking.awards(s)
        let names = a.map { ($0.kind, s.participants[$0.winner.participant].name) }
        #expect(
            names.contains { $0.0 == .classWinner(classIndex: s.classIndex(named: "Bank")!) && $0.1 == "Alfa Bank" })
        #expect(
            names.contains {
                $0.0 == .classWinner(classIndex: s.classIndex(named: "Forsikring")!) && $0.1 == "Gamma Forsikring"
            })
        #expect(names.contains { $0.0 == .bestInTest && $0.1 == "Alfa Bank" })
        // Best på Telefon: only Alfa Bank has 3 phone inquiries (q1 q2 q9): (100 + 31.25 + 86) / 3.
        let phone = a.first { $0.kind == .bestOnChannel(channel: 0) }
        #expect(phone.map { s.participants[$0.winner.participant].name } == "Alfa Bank")
        #expect(approx(phone?.winner.total, 217.25 / 3))
        // No one has 3 messenger or e-mail inquiries.
        #expect(!a.contains { $0.kind == .bestOnChannel(channel: 1) || $0.kind == .bestOnChannel(channel: 2) })
    }

    @Test func belowMinimumIsNotRanked() throws {
        // With min 3, Gamma Forsikring (2 inquiries) cannot win its class.
        let yaml = Fixtures.file("season.yaml").replacingOccurrences(
            of: "min_inquiries_for_award: 2", with: "min_inquiries_for_award: 3")
        let s = try Fixtures.load(yaml: yaml)
        let a = Ranking.awards(s)
        #expect(!a.contains { $0.kind == .classWinner(classIndex: s.classIndex(named: "Forsikring")!) })
        #expect(a.contains { $0.kind == .classWinner(classIndex: s.classIndex(named: "Bank")!) })
    }

    @Test func tiesByHighestWeightedAreaThenName() throws {
        // X, Y and Z all total 55: X = (5·100 + 50·100)/100, Y and Z = (5·100 + 50·50 + 25·100)/100.
        // X has the better agent score (the highest-weighted area); Y and Z tie on that too, so by name.
        let participants = "id,name,class\nx,Xylo,Bank\ny,Zeta,Bank\nz,Ypsilon,Bank\n"
        let inquiries = """
            id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3
            a,x,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:10,1,nei,Ingen,5,nei,3,5
            b,y,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:10,1,nei,Ingen,3,ja,3,5
            c,z,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:10,1,nei,Ingen,3,ja,3,5

            """
        let s = try Fixtures.load(participants: participants, inquiries: inquiries)
        let r = Ranking.rank(s, inquiries: 0..<3)
        #expect(r.map(\.total) == [55, 55, 55])
        #expect(r.map { s.participants[$0.participant].name } == ["Xylo", "Ypsilon", "Zeta"])
    }
}
