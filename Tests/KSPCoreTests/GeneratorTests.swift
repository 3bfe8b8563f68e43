import Testing
@testable import KSPCore

@Suite("Season generator")
struct GeneratorTests {
    func generate(_ configure: (inout SeasonGenerator.Options) -> Void = { _ in }) -> SeasonGenerator.Files {
        var o = SeasonGenerator.Options()
        o.participants = 100
        configure(&o)
        var g = SeasonGenerator(o)
        return g.generate()
    }

    @Test func sameSeedSameBytes() {
        #expect(generate().inquiriesCSV == generate().inquiriesCSV)
        #expect(generate().inquiriesCSV != generate { $0.seed = 7 }.inquiriesCSV)
    }

    @Test func loadsCleanlyAndFollowsTheDesign() throws {
        let f = generate()
        let s = try SeasonLoader.load(definition: Array(f.seasonYAML.utf8), participants: Array(f.participantsCSV.utf8), inquiries: Array(f.inquiriesCSV.utf8))
        #expect(s.warnings.isEmpty)
        #expect(s.classes.count == 23)
        #expect(s.participants.count == 100)
        #expect(s.inquiries.count == 100 * 25)
        #expect((35...40).contains(s.definition.questions.count))
        // Every participant on at most 3 channels; shoppers at most once per participant (no warnings above).
        for p in s.participants.indices {
            let channels = Set(s.inquiries(ofParticipant: p).map { s.inquiries.channel[$0] })
            #expect(channels.count <= 3)
        }
        #expect(s.comments.contains { $0.text.contains("\n") })
        #expect(s.comments.contains { $0.text.contains("\"") })
        #expect(s.inquiries.attempts.contains(2))
    }

    @Test func scaleMultipliesInquiries() throws {
        let f = generate { $0.participants = 8; $0.scale = 3 }
        let s = try SeasonLoader.load(definition: Array(f.seasonYAML.utf8), participants: Array(f.participantsCSV.utf8), inquiries: Array(f.inquiriesCSV.utf8))
        #expect(s.participants.count == 8)
        #expect(s.classes.count == 2)
        #expect(s.inquiries.count == 8 * 75)
        #expect(s.warnings.isEmpty)
    }

    @Test func questionnaire2023() throws {
        let f = generate { $0.questionnaire2023 = true; $0.year = 2023 }
        let s = try SeasonLoader.load(definition: Array(f.seasonYAML.utf8), participants: Array(f.participantsCSV.utf8), inquiries: Array(f.inquiriesCSV.utf8))
        #expect(s.definition.areaIndex(id: "gdpr") == nil)
        #expect(s.definition.questionIndex(id: "K17") != nil)
        #expect(s.definition.questionIndex(id: "K16") == nil)
    }

    @Test func theSampleSeasonLoads() throws {
        let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/ksp2024").path
        let s = try SeasonLoader.load(directory: root)
        #expect(s.participants.count >= 180)
        #expect(s.classes.count == 23)
        #expect(s.warnings.isEmpty)
    }
}
