import Foundation
import Testing

@testable import KSPCore

/// season.yaml semantics checked at load (issue 20): every value within sane bounds, no unknown
/// keys, no reserved ids, no unknown timezone; each error with file, line, column and what was expected.
@Suite("season.yaml validation")
struct SeasonYAMLValidationTests {
    /// The fixture's season.yaml with one piece of text replaced (which must be there).
    func yaml(_ original: String, _ replacement: String) -> String {
        let text = Fixtures.file("season.yaml")
        #expect(text.contains(original), "the fixture holds \(original)")
        return text.replacingOccurrences(of: original, with: replacement)
    }

    func errors(_ original: String, _ replacement: String) -> [String] {
        Fixtures.errors(yaml: yaml(original, replacement)).map(\.description)
    }

    // MARK: Unknown keys (item 15)

    @Test func misspelledChannelKeyIsAnErrorWithASuggestion() {
        #expect(
            errors("clock: business", "clok: business")
                == ["season.yaml:10:55: error: unknown key `clok` in channel email; did you mean `clock`?"])
    }

    @Test func misspelledTopLevelKeyIsAnErrorWithASuggestion() {
        #expect(
            errors("second_attempt_factor: 0.5", "second_attempt_factr: 0.5")
                == [
                    "season.yaml:5:1: error: unknown key `second_attempt_factr` at the top level; "
                        + "did you mean `second_attempt_factor`?"
                ])
    }

    @Test func misspelledAreaAndQuestionKeys() {
        #expect(
            errors("{id: cx,         name: CX,", "{id: cx,         nmae: CX,")
                == ["season.yaml:17:22: error: unknown key `nmae` in an area; did you mean `name`?"])
        #expect(
            errors("{id: T1, area: impression, type: yesno, text:", "{id: T1, area: impression, type: yesno, txt:")
                == ["season.yaml:22:45: error: unknown key `txt` in a question; did you mean `text`?"])
    }

    @Test func unknownKeyFarFromAnyListsTheKnownOnes() {
        #expect(
            errors("timezone: Europe/Oslo", "timezone: Europe/Oslo\ncolour: red")
                == [
                    "season.yaml:4:1: error: unknown key `colour` at the top level; expected one of season, timezone, "
                        + "min_inquiries_for_award, second_attempt_factor, language, channels, areas, questions"
                ])
    }

    // Issue 20 item 20: each metric knows which way is better; a CX question's direction is the season's.
    @Test func betterSaysWhichWayACXQuestionIsBetter() throws {
        #expect(
            errors("metric: csat, text:", "metric: csat, better: sideways, text:")
                == ["season.yaml:23:75: error: question X1: better must be higher or lower, found \"sideways\""])
        #expect(
            errors("{id: T1, area: impression, type: yesno,", "{id: T1, area: impression, type: yesno, better: lower,")
                == ["season.yaml:22:53: error: question T1: `better` belongs to a CX question (one with metric:)"])
        let lower = try Fixtures.load(yaml: yaml("metric: csat, text:", "metric: csat, better: lower, text:"))
        #expect(lower.definition.questions.first { $0.id == "X1" }?.lowerIsBetter == true)
        let higher = try Fixtures.load(yaml: yaml("metric: csat, text:", "metric: csat, better: higher, text:"))
        #expect(higher.definition.questions.first { $0.id == "X1" }?.lowerIsBetter == false)
        #expect(try Fixtures.small().definition.questions.allSatisfy { !$0.lowerIsBetter })
    }

    @Test func keysOfAnotherTypeAreRefused() {
        #expect(
            errors("{id: T1, area: impression, type: yesno,", "{id: T1, area: impression, type: yesno, max: 5,")
                == ["season.yaml:22:45: error: question T1: `max` belongs to a scale question; this one is yesno"])
    }

    @Test func languageIsKnownAndValidated() throws {
        _ = try Fixtures.load(yaml: yaml("timezone: Europe/Oslo", "timezone: Europe/Oslo\nlanguage: en"))
        _ = try Fixtures.load(yaml: yaml("timezone: Europe/Oslo", "timezone: Europe/Oslo\nlanguage: nb"))
        #expect(
            errors("timezone: Europe/Oslo", "timezone: Europe/Oslo\nlanguage: de")
                == ["season.yaml:4:11: error: `language` must be nb or en, found \"de\""])
    }

    // MARK: Timezone (item 14)

    @Test func unknownTimezoneSuggestsTheNearest() {
        #expect(
            errors("timezone: Europe/Oslo", "timezone: Europe/Olso")
                == ["season.yaml:3:11: error: unknown timezone \"Europe/Olso\"; did you mean Europe/Oslo?"])
    }

    @Test func unknownTimezoneFarFromAny() {
        #expect(
            errors("timezone: Europe/Oslo", "timezone: Nowhere")
                == [
                    "season.yaml:3:11: error: unknown timezone \"Nowhere\"; expected a name from the tz database like "
                        + "Europe/Oslo"
                ])
    }

    // MARK: Reserved ids (item 16)

    @Test func questionIdsThatAreMetricsOrKeywordsAreRefused() {
        for word in ["noanswer", "N", "total", "wait_median", "csat", "by", "Class", "season_day", "areas", "date"] {
            #expect(
                errors("{id: X1,", "{id: \(word),")
                    == [
                        "season.yaml:23:10: error: question id \(word) is a reserved word of the query language "
                            + "(a metric, dimension or keyword); expected another id"
                    ])
        }
    }

    @Test func areaIdThatIsAMetricIsRefused() {
        let text = Fixtures.file("season.yaml").replacingOccurrences(of: "welcome", with: "Total")
        #expect(
            Fixtures.errors(yaml: text).map(\.description)
                == [
                    "season.yaml:14:10: error: area id Total is a reserved word of the query language "
                        + "(a metric, dimension or keyword); expected another id"
                ])
    }

    @Test func questionIdEqualToAnAreaIdIsRefused() {
        #expect(
            errors("{id: K1,", "{id: Agent,")
                == ["season.yaml:21:10: error: question id Agent is also an area id; expected ids that differ"])
    }

    // MARK: Numbers within bounds (items 4, 5, 19)

    @Test func hugeScaleEndsAreRefused() {
        #expect(
            errors("max: 5, text: \"Hvor godt", "max: 9223372036854775807, text: \"Hvor godt")
                == [
                    "season.yaml:21:53: error: question K1: max must be between -1000000 and 1000000, "
                        + "found 9223372036854775807"
                ])
        #expect(
            errors("max: 5, text: \"Hvor godt", "max: 9223372036854775808, text: \"Hvor godt")
                == [
                    "season.yaml:21:53: error: expected a whole number for max of question K1, "
                        + "found \"9223372036854775808\""
                ])
    }

    @Test func scaleAtTheBoundLoadsAndScoresInRange() throws {
        let wide = yaml("min: 1, max: 5, text: \"Hvor godt", "min: 1, max: 1000000, text: \"Hvor godt")
        let season = try Fixtures.load(yaml: wide)
        #expect(season.inquiries.total.allSatisfy { $0 >= 0 && $0 <= 100 })
    }

    @Test func hugeDurationsAreRefused() {
        #expect(
            errors("limit: 5m, attempts: 2,\n", "limit: 1e18d, attempts: 2,\n")
                == [
                    "season.yaml:7:57: error: the limit of channel phone is too long: expected at most 365d, "
                        + "found \"1e18d\""
                ])
        #expect(
            errors("brackets: [[5m, 100], [30m, 30]]", "brackets: [[1e18d, 100]]")
                == [
                    "season.yaml:9:69: error: a bracket bound of channel messenger is too long: expected at most 365d, "
                        + "found \"1e18d\""
                ])
    }

    @Test func aYearIsTheLongestDuration() throws {
        _ = try Fixtures.load(yaml: yaml("limit: 3d", "limit: 365d"))
        #expect(errors("limit: 3d", "limit: 366d").count == 1)
    }

    @Test func hugeOrNegativeWeightsAreRefused() {
        #expect(
            errors("weight: 20}", "weight: 1e308}")
                == [
                    "season.yaml:14:56: error: the weight of area welcome must be between 0 and 1000000, found \"1e308\""
                ])
        #expect(
            errors("weight: 20}", "weight: -1}")
                == ["season.yaml:14:56: error: the weight of area welcome must be between 0 and 1000000, found \"-1\""])
        #expect(
            errors("type: yesno, weight: 2,", "type: yesno, weight: 1e308,")
                == [
                    "season.yaml:19:50: error: the weight of question V1 must be between 0 and 1000000, found \"1e308\""
                ])
        #expect(
            errors("weight: 20}", "weight: .nan}")
                == ["season.yaml:14:56: error: expected a number for the weight of area welcome, found \".nan\""])
    }

    @Test func weightsAtTheBoundScoreFinite() throws {
        let text = yaml("weight: 20}", "weight: 1000000}")
            .replacingOccurrences(of: "weight: 50}", with: "weight: 1000000}")
        let season = try Fixtures.load(yaml: text)
        #expect(season.inquiries.total.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 100 })
    }

    @Test func aScoreThatIsNotFiniteNeverLoads() throws {
        // Built in memory, past the checks of season.yaml: the guard after scoring still refuses it.
        var definition = try SeasonLoader.definition(Array(Fixtures.file("season.yaml").utf8))
        definition.areas[1].weight = 1e308
        definition.areas[2].weight = 1e308
        do {
            _ = try SeasonLoader.load(
                parsed: definition, participants: Array(Fixtures.file("participants.csv").utf8),
                inquiries: Array(Fixtures.file("inquiries.csv").utf8))
            Issue.record("a season with NaN totals loaded")
        } catch {
            #expect(
                error.errors.map(\.description)
                    == [
                        "inquiries.csv:2: error: scoring gave total = NaN; expected a number from 0 to 100 "
                            + "(check the weights and points in season.yaml)"
                    ])
        }
    }

    @Test func awardMinimumWithinBounds() {
        #expect(
            errors("min_inquiries_for_award: 2", "min_inquiries_for_award: 99999999999")
                == ["season.yaml:4:26: error: min_inquiries_for_award must be between 0 and 1000000"])
    }

    @Test func optionsThatDifferOnlyByCaseAreRefused() {
        #expect(errors("\"Ingen\": 0}", "\"Ingen\": 0, \"INGEN\": 10}").count == 1)
        #expect(
            errors("\"Ingen\": 0}", "\"Ingen\": 0, \"INGEN\": 10}").first?
                .hasSuffix("question V2: option \"INGEN\" is given twice (in any case); expected distinct options")
                == true)
    }

    /// -0 points read as 0: a choice scoring "Ingen" 0 and another option -0 gives both one value and one code.
    @Test func minusZeroPointsAreZero() throws {
        let season = try Fixtures.load(yaml: yaml("\"Ingen\": 0}", "\"Ingen\": 0, \"Vet ikke\": -0}"))
        guard case .choice(let options) = season.definition.questions[1].type else {
            Issue.record("V2 is a choice")
            return
        }
        #expect(options.map(\.points.bitPattern) == [100.0, 60, 0, 0].map(\.bitPattern))
    }

    /// A choice of 20 000 options (checked through a set; the list before took time growing with the square of
    /// the options) still finds a repeat written in capitals.
    @Test func aChoiceOfManyOptionsIsCheckedForRepeats() {
        let many = (0..<20_000).map { "\"svar \($0)\": \($0 % 101)" }.joined(separator: ", ")
        #expect(errors("\"Ingen\": 0}", "\"Ingen\": 0, \(many)}").isEmpty)
        let repeated = errors("\"Ingen\": 0}", "\"Ingen\": 0, \(many), \"SVAR 19999\": 3}")
        #expect(repeated.count == 1)
        #expect(repeated.first?.hasPrefix("season.yaml:20:") == true)
        #expect(
            repeated.first?.hasSuffix(
                "error: question V2: option \"SVAR 19999\" is given twice (in any case); expected distinct options")
                == true)
    }

    @Test func aliasesAndTextsMustBeTexts() {
        #expect(
            errors("aliases: [telefon]", "aliases: [[telefon]]")
                == ["season.yaml:7:40: error: channel phone: an alias must be a non-empty text, found a list"])
        #expect(
            errors("text: \"Følte du deg verdsatt?\"", "text: [a]")
                == ["season.yaml:22:51: error: question T1: `text` must be a text, found a list"])
    }

    // MARK: Channels (item 3)

    /// The fixture with `extra` more channels after its three.
    func withChannels(_ extra: Int) -> String {
        let more = (4...(3 + extra)).map { "  c\($0): {limit: 5m, attempts: 1, brackets: [[1m, 100]]}" }
        return yaml("areas:\n", more.joined(separator: "\n") + "\nareas:\n")
    }

    @Test func twoHundredFiftySixChannelsLoad() throws {
        let season = try Fixtures.load(yaml: withChannels(253))
        #expect(season.definition.channels.count == 256)
        #expect(season.inquiries.count == 9)
    }

    @Test func twoHundredFiftySevenChannelsAreAnErrorNamingTheLimitAndTheLine() {
        // Channel c257 is the 257th: line 12 is c4, so c257 is on line 12 + 253.
        #expect(
            Fixtures.errors(yaml: withChannels(254)).map(\.description)
                == ["season.yaml:265:3: error: channel c257: a season has at most 256 channels"])
    }

    // MARK: Duplicate keys (item 27)

    @Test func duplicateKeyNamesBothPlaces() {
        // The second `clock` is after `attempts: 1, ` on line 10; the first at column 55.
        let line = Fixtures.file("season.yaml").split(separator: "\n", omittingEmptySubsequences: false)[9]
        let column = line.distance(from: line.startIndex, to: line.range(of: "attempts: 1,")!.upperBound) + 2
        #expect(
            errors("attempts: 1,", "attempts: 1, clock: wall,")
                == [
                    "season.yaml:10:\(column): error: key `clock` is given twice in one mapping "
                        + "(first at line 10, column 55); expected each key once"
                ])
    }

    @Test func duplicateTopLevelKeysOnTwoLines() {
        #expect(
            errors("min_inquiries_for_award: 2\n", "min_inquiries_for_award: 2\nseason: Again\n")
                == [
                    "season.yaml:5:1: error: key `season` is given twice in one mapping "
                        + "(first at line 2, column 1); expected each key once"
                ])
    }

    @Test func everyDuplicateIsReported() {
        let text = yaml("min_inquiries_for_award: 2\n", "min_inquiries_for_award: 2\nseason: Again\n")
            .replacingOccurrences(of: "{id: cx,         name: CX,", with: "{id: cx,         name: CX, name: X,")
        #expect(
            Fixtures.errors(yaml: text).map(\.description)
                == [
                    "season.yaml:5:1: error: key `season` is given twice in one mapping "
                        + "(first at line 2, column 1); expected each key once",
                    "season.yaml:18:32: error: key `name` is given twice in one mapping "
                        + "(first at line 18, column 22); expected each key once",
                ])
    }

    // MARK: Spellings that differ only by case (item 17)

    @Test func classesThatDifferOnlyByCaseAreRefused() {
        let participants = "id,name,class\np1,Alfa Bank,Bank\np2,Beta Bank,BANK\np3,Gamma Forsikring,Forsikring\n"
        #expect(
            Fixtures.errors(participants: participants).map(\.description)
                == [
                    "participants.csv:3:3: error: class \"BANK\" differs from class \"Bank\" (line 2) only by case; "
                        + "expected one spelling"
                ])
    }

    @Test func participantNamesThatDifferOnlyByCaseAreRefused() {
        let participants = "id,name,class\np1,Alfa Bank,Bank\np2,ALFA BANK,Bank\np3,Gamma Forsikring,Forsikring\n"
        #expect(
            Fixtures.errors(participants: participants).map(\.description)
                == [
                    "participants.csv:3:2: error: participant name \"ALFA BANK\" differs from \"Alfa Bank\" (line 2) "
                        + "only by case; expected one spelling"
                ])
    }

    // MARK: Samples and generated seasons still load

    @Test func samplesLoad() throws {
        for name in ["samples/ksp2024", "samples/ksp2023"] {
            let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            let directory = repository.appendingPathComponent(name)
            _ = try SeasonLoader.load(directory: directory.path)
        }
        _ = try SeasonLoader.load(directory: Fixtures.root.appendingPathComponent("small2023").path)
    }
}
