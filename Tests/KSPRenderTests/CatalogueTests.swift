import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

@Suite("Catalogues and labels")
struct CatalogueTests {
    /// Every phrase in every language, with the same placeholders.
    @Test func everyPhraseInEveryLanguage() {
        for language in ReportLanguage.allCases {
            let phrases = Catalogue.phrases(language)
            for phrase in Phrase.allCases {
                #expect(phrases[phrase] != nil, "\(language.rawValue) has no \(phrase.rawValue)")
                let english = Catalogue.english[phrase] ?? ""
                for k in 0..<3 where english.contains("{\(k)}") {
                    #expect(phrases[phrase]?.contains("{\(k)}") == true, "\(language.rawValue): \(phrase) lacks {\(k)}")
                }
            }
        }
    }

    @Test func wordsAndNumbersInTheLanguage() {
        #expect(Catalogue.text(.phrase(.metricTotal), .nb) == "Totalresultat")
        #expect(Catalogue.text(.phrase(.metricTotalAnswered), .en) == "Score for answered")
        #expect(
            Catalogue.text(.phrase(.summaryInterval, [.number(71.04, .score), .number(78.36, .score)]), .nb)
                == "95 % intervall 71,0–78,4")
        #expect(Catalogue.number(74.66, .score, .nb) == "74,7")
        #expect(Catalogue.number(74.66, .score, .en) == "74.7")
        #expect(Catalogue.number(4, .percent, .nb) == "4,0 %")
        #expect(Catalogue.number(12_240, .seconds, .nb) == "3,4h")  // a wait, as WaitDuration writes it
        #expect(Catalogue.number(12_240, .seconds, .en) == "3.4h")
        #expect(Catalogue.month("2024-03", short: false, .nb) == "mars 2024")
        let range = Wording.phrase(
            .dateRange,
            [.date(CivilDate(year: 2023, month: 11, day: 25)), .date(CivilDate(year: 2024, month: 4, day: 4))])
        #expect(Catalogue.text(range, .nb) == "25. november 2023 – 4. april 2024")
        #expect(Catalogue.text(range, .en) == "25 November 2023 – 4 April 2024")
        #expect(Catalogue.month("2024-10", short: true, .nb) == "okt")
        #expect(Catalogue.month("2024-10", short: true, .en) == "Oct")
    }

    func report(_ statement: String) throws -> Report {
        guard case .report(let r, _) = try Evaluator(season: Fixture.small).runAny(statement) else {
            throw EvaluationError(SourceRange(0, 0), "not a report")
        }
        return r
    }

    /// nb reports write a decimal comma; csv and json of the same report a point.
    @Test func decimalCommaInReportsOnly() throws {
        let nb = try report("report participant \"Alfa Bank\" lang nb")
        #expect(nb.html.contains(">74,8<"))
        #expect(nb.markdown.contains("74,8"))
        // The bars in the markdown and terminal reports too: Alfa Bank's agent points (4 inquiries, a small base).
        #expect(nb.markdown.contains("75,0*  n=4") && nb.markdown.contains("Bank totalt: 19,9"))
        #expect(nb.markdown.contains("* færre enn 10 svar: les med forsiktighet (ikke testet)"))
        #expect(nb.terminal(width: 120, unicode: true).contains("75,0*  n=4"))
        #expect(nb.terminal(width: 120, unicode: true).contains("Totalresultat: 74,8"))
        let result = StatementResult.report(nb, file: nil)
        let csv = result.render(.csv, width: 100, color: false, unicode: true)
        #expect(csv.contains("74.8") && !csv.contains("74,8"))
        let json = result.render(.json, width: 100, color: false, unicode: true)
        #expect(json.contains("74.8") && !json.contains("74,8"))
        let en = try report("report participant \"Alfa Bank\" lang en")
        #expect(en.html.contains(">74.8<") && en.html.contains("<html lang=\"en\">"))
    }

    /// Labels from season.yaml: area, channel and question names with æøå, quotes and slashes.
    @Test func labelsFromTheSeason() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Fixture.root.appendingPathComponent("small")
        for file in ["participants.csv", "inquiries.csv"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        let yaml = try String(contentsOf: source.appendingPathComponent("season.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: Kundebehandleren", with: "name: \"Rådgiver/«ansatt» \\\"K\\\"\"")
            .replacingOccurrences(of: "name: Telefon", with: "name: \"Tlf/sentralbord æøå\"")
            .replacingOccurrences(of: "text: \"Hvor godt lyttet kundebehandleren?\"", with: "text: \"Lyttet «de»?\"")
            .replacingOccurrences(of: "timezone: Europe/Oslo", with: "timezone: Europe/Oslo\nlanguage: nb")
        try yaml.write(to: directory.appendingPathComponent("season.yaml"), atomically: true, encoding: .utf8)
        let season = try SeasonLoader.load(directory: directory.path)
        guard case .report(let r, _) = try Evaluator(season: season).runAny("report participant \"Alfa Bank\"") else {
            Issue.record("not a report")
            return
        }
        #expect(r.language == .nb)
        let html = r.html
        #expect(html.contains("Rådgiver/«ansatt» &quot;K&quot;"))
        #expect(html.contains("Tlf/sentralbord æøå"))
        #expect(html.contains("Lyttet «de»?"))
        #expect(html.contains("<th>Spørsmål</th>"))
        #expect(!html.contains(">agent<") && !html.contains(">K1<") && !html.contains(">phone<"))
    }
}
