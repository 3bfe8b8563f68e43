import Testing

@testable import KSPCore

@Suite("Rule 1: question points")
struct QuestionPointsTests {
    let yesno = Question(id: "Y", areaIndex: 0, type: .yesno, text: "")
    let scale = Question(id: "S", areaIndex: 0, type: .scale(min: 1, max: 5), text: "")
    let nps = Question(id: "N", areaIndex: 0, type: .scale(min: 0, max: 10), text: "")
    let choice = Question(
        id: "C", areaIndex: 0,
        type: .choice(options: [("Firmanavn og eget navn", 100), ("Kun eget navn", 60), ("Ingen", 0)]), text: "")

    func points(_ q: Question, _ cell: String) -> Double? {
        guard case .success(let raw?) = q.raw(cell: cell) else { return nil }
        return q.points(raw: raw)
    }

    @Test func yesNoIsHundredOrZero() {
        for yes in ["ja", "Ja", "JA", "yes", "1", " ja "] { #expect(points(yesno, yes) == 100) }
        for no in ["nei", "Nei", "no", "0"] { #expect(points(yesno, no) == 0) }
        #expect(yesno.raw(cell: "kanskje") == .failure(.notYesNo))
    }

    @Test func scaleIsLinearFromMinToMax() {
        #expect(points(scale, "1") == 0)
        #expect(points(scale, "4") == 75)  // (4 − 1) / (5 − 1) × 100
        #expect(points(scale, "5") == 100)
        #expect(points(nps, "7") == 70)  // (7 − 0) / 10 × 100
        #expect(scale.raw(cell: "6") == .failure(.outOfScale(min: 1, max: 5)))
        #expect(scale.raw(cell: "fem") == .failure(.notANumber))
    }

    @Test func choiceMatchesTrimmedAnyCase() {
        #expect(points(choice, "Kun eget navn") == 60)
        #expect(points(choice, "  kun EGET navn ") == 60)
        #expect(points(choice, "Ingen") == 0)
        #expect(
            choice.raw(cell: "Kun firmanavn")
                == .failure(.notAnOption(["Firmanavn og eget navn", "Kun eget navn", "Ingen"])))
    }

    @Test func notApplicableIsLeftOut() {
        for na in ["", "NA", "na", "N/A", "-", "  "] {
            #expect(yesno.raw(cell: na) == .success(nil))
            #expect(scale.raw(cell: na) == .success(nil))
        }
    }
}
