import Foundation
import KSPCore
import Testing

@testable import KSPSampleData

@Suite("Season generator")
struct GeneratorTests {
    /// The repository's root, for the sample season under samples/.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func generate(_ configure: (inout SeasonGenerator.Options) -> Void = { _ in }) -> SeasonGenerator.Files {
        var options = SeasonGenerator.Options()
        options.participants = 100
        configure(&options)
        var generator = SeasonGenerator(options)
        return generator.generate()
    }

    func load(_ files: SeasonGenerator.Files) throws -> Season {
        try SeasonLoader.load(
            definition: Array(files.seasonYAML.utf8), participants: Array(files.participantsCSV.utf8),
            inquiries: Array(files.inquiriesCSV.utf8))
    }

    @Test func sameSeedSameBytes() {
        #expect(generate().inquiriesCSV == generate().inquiriesCSV)
        #expect(generate().inquiriesCSV != generate { $0.seed = 7 }.inquiriesCSV)
    }

    @Test func loadsCleanlyAndFollowsTheDesign() throws {
        let season = try load(generate())
        #expect(season.warnings.isEmpty)
        #expect(season.classes.count == 23)
        #expect(season.participants.count == 100)
        #expect(season.inquiries.count == 100 * 25)
        #expect((35...40).contains(season.definition.questions.count))
        // Every participant on at most 3 channels; shoppers at most once per participant (no warnings above).
        for participant in season.participants.indices {
            let channels = Set(season.inquiries(ofParticipant: participant).map { season.inquiries.channel[$0] })
            #expect(channels.count <= 3)
        }
        #expect(season.comments.contains { $0.text.contains("\n") })
        #expect(season.comments.contains { $0.text.contains("\"") })
        #expect(season.inquiries.attempts.contains(2))
    }

    @Test func scaleMultipliesInquiries() throws {
        let season = try load(
            generate {
                $0.participants = 8
                $0.scale = 3
            })
        #expect(season.participants.count == 8)
        #expect(season.classes.count == 2)
        #expect(season.inquiries.count == 8 * 75)
        #expect(season.warnings.isEmpty)
    }

    @Test func questionnaire2023() throws {
        let season = try load(
            generate {
                $0.questionnaire2023 = true
                $0.year = 2023
            })
        #expect(season.definition.areaIndex(id: "gdpr") == nil)
        #expect(season.definition.questionIndex(id: "K17") != nil)
        #expect(season.definition.questionIndex(id: "K16") == nil)
    }

    @Test func theSampleSeasonLoads() throws {
        let directory = GeneratorTests.repositoryRoot.appendingPathComponent("samples/ksp2024").path
        let season = try SeasonLoader.load(directory: directory)
        #expect(season.participants.count >= 180)
        #expect(season.classes.count == 23)
        #expect(season.warnings.isEmpty)
    }

    /// The sample season is the generator's output for seed 2024: regenerating it gives the same bytes.
    @Test func theSampleSeasonIsTheGeneratorsOutput() throws {
        var options = SeasonGenerator.Options()
        options.seed = 2024
        var generator = SeasonGenerator(options)
        let files = generator.generate()
        let directory = GeneratorTests.repositoryRoot.appendingPathComponent("samples/ksp2024")
        func stored(_ name: String) throws -> String {
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(files.seasonYAML == (try stored("season.yaml")))
        #expect(files.participantsCSV == (try stored("participants.csv")))
        #expect(files.inquiriesCSV == (try stored("inquiries.csv")))
    }
}

@Suite("Planted lenient shopper")
struct LenientShopperTests {
    @Test func theArgumentIsIdColonPoints() {
        #expect(LenientShopper(argument: "S017:10") == LenientShopper(id: "S017", points: 10))
        #expect(LenientShopper(argument: "S017:-7.5") == LenientShopper(id: "S017", points: -7.5))
        for bad in ["S017", "S017:", ":10", "S017:51", "S017:nan", "S017:10:1"] {
            #expect(LenientShopper(argument: bad) == nil, "\(bad)")
        }
        #expect(LenientShopper.shopperIds(scale: 1).first == "S001")
        #expect(LenientShopper.shopperIds(scale: 1).last == "S080")
    }

    /// Planting changes that shopper's answers and nothing else: every other line is the same byte for byte.
    @Test func onlyThePlantedShoppersInquiriesChange() {
        func lines(_ planted: LenientShopper?) -> [Substring] {
            var options = SeasonGenerator.Options()
            options.participants = 40
            options.lenientShopper = planted
            var generator = SeasonGenerator(options)
            return generator.generate().inquiriesCSV.split(separator: "\n")
        }
        let plain = lines(nil)
        let planted = lines(LenientShopper(id: "S017", points: 15))
        #expect(plain.count == planted.count)
        var changed = 0
        for (a, b) in zip(plain, planted) where a != b {
            changed += 1
            #expect(b.split(separator: ",")[3] == "S017")
        }
        #expect(changed > 0)
    }
}
