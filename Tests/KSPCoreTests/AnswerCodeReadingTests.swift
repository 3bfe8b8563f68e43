import Testing

@testable import KSPCore

/// The reader turns common cells straight into answer codes (issue 17); a cell it does not know takes the full
/// path, and a value a question's table lacks turns that question into numbers for the rows after it. Whichever
/// way a row went, every answer reads back as the value its cell means.
@Suite struct AnswerCodeReadingTests {
    static let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"

    /// Rows q1… of the fixture season, each with its answer cells V1,V2,K1,T1,X1,X3.
    static func inquiries(_ answers: [String]) -> String {
        var text = header
        for (k, cells) in answers.enumerated() {
            text += "q\(k + 1),p1,phone,S\(k + 1),2024-01-15T09:00:00,2024-01-15T09:00:30,1,\(cells),\n"
        }
        return text
    }

    /// Loads the fixture season (or its season.yaml as given) with these answer rows: its answer columns, and every
    /// answer (NaN as nil).
    static func load(_ rows: [String], yaml: String? = nil) throws -> (answers: AnswerColumns, values: [[Double?]]) {
        let answers = try Fixtures.load(yaml: yaml, inquiries: inquiries(rows)).inquiries.answers
        let values = (0..<answers.count).map { i in
            (0..<answers.questionCount).map { q -> Double? in
                let value = answers.value(i, q)
                return value.isNaN ? nil : value
            }
        }
        return (answers, values)
    }

    @Test func commonCellsBecomeTheCodesOfTheirValues() throws {
        let rows = [
            "ja,Firmanavn og eget navn,5,1,1,0", "NEI,Kun eget navn,1,0,NA,10", " yes ,Ingen, 3 ,no,-,n/a", ",,,,,",
        ]
        let (answers, values) = try AnswerCodeReadingTests.load(rows)
        #expect(values[0] == [1, 100, 5, 1, 1, 0])
        #expect(values[1] == [0, 60, 1, 0, nil, 10])
        #expect(values[2] == [1, 0, 3, 0, nil, nil])
        #expect(values[3] == [nil, nil, nil, nil, nil, nil])
        // yes/no 1 → code 2; the choice's options in order (100 → 1, 60 → 2, 0 → 3); K1 (1–5) 5 → 5; X3 (0–10)
        // 0 → 1.
        #expect(Array(answers.codes.prefix(6)) == [2, 1, 5, 2, 1, 1])
        #expect(answers.allCoded)
    }

    /// An option in other letters and a scale value written with a decimal comma are not common cells: the full
    /// path reads them. K1's 3,5 is in no table, so K1 is kept as numbers from then on, and the rows after it no
    /// longer go to codes whole: the same values come back all the same.
    @Test func cellsOffTheCommonPathReadTheSameValues() throws {
        let rows = ["ja,kun EGET navn,4,ja,2,7", "nei,Ingen,\"3,5\",nei,3,8", "ja,Firmanavn og eget navn,2,ja,4,9"]
        let (answers, values) = try AnswerCodeReadingTests.load(rows)
        #expect(values == [[1, 60, 4, 1, 2, 7], [0, 0, 3.5, 0, 3, 8], [1, 100, 2, 1, 4, 9]])
        #expect(!answers.allCoded)
        #expect(!answers.isCoded(2))
        #expect(answers.isCoded(1))
    }

    /// Two options with the same points share one code, so an option's code is not its position: with "Annet"
    /// (60 points) third, "Ingen" is the fourth option and has code 3 (points 100, 60, 0 in order of first use).
    @Test func optionsSharingPointsShareACode() throws {
        let options = "\"Kun eget navn\": 60, \"Ingen\": 0}"
        let yaml = Fixtures.file("season.yaml").replacingOccurrences(
            of: options, with: "\"Kun eget navn\": 60, \"Annet\": 60, \"Ingen\": 0}")
        #expect(yaml.contains("Annet"))
        let (answers, values) = try AnswerCodeReadingTests.load(
            ["ja,Annet,5,1,1,0", "ja,Ingen,5,1,1,0", "ja,Kun eget navn,5,1,1,0"], yaml: yaml)
        #expect(values.map { $0[1] } == [60, 0, 60])
        #expect(answers.allCoded)
        #expect((0..<3).map { answers.codes[$0 * answers.questionCount + 1] } == [2, 3, 2])
    }
}
