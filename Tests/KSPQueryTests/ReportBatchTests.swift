import Foundation
import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

/// `report participant|class * [where …] to DIR/ [as FORMAT]` (issue 13): parsing, whom a batch covers
/// and the Totalresultat of its index (Tests/Fixtures/README.md has every figure by hand).
@Suite("Report batches")
struct ReportBatchTests {
    func batch(_ source: String) throws -> ReportBatch {
        guard case .report(let statement) = try Parser.parse(source) else {
            Issue.record("not a report: \(source)")
            throw CancellationError()
        }
        return try Evaluator(season: Fixture.small).reportBatch(statement)
    }

    func parseError(_ source: String) -> String? {
        do {
            _ = try Parser.parse(source)
            return nil
        } catch let error as any QueryDiagnostic { return error.message } catch { return nil }
    }

    @Test func aStarIsEveryOneAndAsNamesTheFormat() throws {
        guard case .report(let statement) = try Parser.parse("report participant * to out/ as pdf") else {
            Issue.record("not a report")
            return
        }
        #expect(statement.isBatch)
        #expect(statement.file?.value == "out/")
        #expect(statement.format?.value == "pdf")
        // A participant literally named "*" is written in quotes and is one report, not a batch.
        guard case .report(let quoted) = try Parser.parse("report participant \"*\" to x.html") else {
            Issue.record("not a report")
            return
        }
        #expect(!quoted.isBatch)
    }

    @Test func aBatchNeedsAFolderAndAKnownFormat() {
        #expect(
            parseError("report participant *")
                == "expected to and a folder (report participant * to reports/): one file each, "
                + "found the end of the statement")
        #expect(
            parseError("report class * to out/ as docx")
                == "expected a format after as (html, pdf, md, txt), found \"docx\"")
        // `as` belongs to batches: one report's format is its file's ending.
        #expect(parseError("report class Bank to x.html as pdf") == "expected the end of the statement, found \"as\"")
        #expect(
            parseError("report participant")
                == "expected the participant's name (or * for every participant), found the end of the statement")
    }

    @Test func everyParticipantWithItsTotal() throws {
        let all = try batch("report participant * to out/")
        #expect(all.subject == .participant)
        #expect(all.members.map(\.name) == ["Alfa Bank", "Beta Bank", "Gamma Forsikring"])
        #expect(all.members.map(\.className) == ["Bank", "Bank", "Forsikring"])
        let totals = all.members.map { $0.total ?? .nan }
        #expect(abs(totals[0] - 74.8125) < 1e-9)
        #expect(abs(totals[1] - 179.5 / 9) < 1e-9)  // (0 + 0 + 59.8333) / 3 = 19.9444
        #expect(abs(totals[2] - 60.75) < 1e-9)
        #expect(all.seasonName == "Test 2024")
    }

    @Test func aFilterPicksWhomTheBatchCovers() throws {
        let bank = try batch("report participant * where class = Bank to out/")
        #expect(bank.members.map(\.name) == ["Alfa Bank", "Beta Bank"])
        // The total stays the participant's whole season, not only the inquiries the filter picked.
        let email = try batch("report participant * where channel = email to out/")
        #expect(email.members.map(\.name) == ["Alfa Bank"])
        #expect(abs((email.members.first?.total ?? 0) - 74.8125) < 1e-9)
        let seasonNamed = try batch("report participant * where season = \"Test 2024\" and class = Forsikring to o/")
        #expect(seasonNamed.members.map(\.name) == ["Gamma Forsikring"])
    }

    @Test func everyClassWithItsTotal() throws {
        let classes = try batch("report class * to out/")
        #expect(classes.subject == .class)
        #expect(classes.members.map(\.name) == ["Bank", "Forsikring"])
        #expect(abs((classes.members.first?.total ?? 0) - 359.0833333 / 7) < 1e-6)
        #expect(abs((classes.members.last?.total ?? 0) - 60.75) < 1e-9)
    }

    @Test func eachReportIsTheOneStatementsReport() throws {
        let all = try batch("report participant * to out/")
        let evaluator = Evaluator(season: Fixture.small)
        guard let beta = all.members.first(where: { $0.name == "Beta Bank" }) else {
            Issue.record("Beta Bank missing")
            return
        }
        let fromBatch = try evaluator.report(of: beta, in: all)
        guard case .report(let one, _) = try evaluator.runAny("report participant \"Beta Bank\"") else {
            Issue.record("not a report")
            return
        }
        #expect(fromBatch.title == one.title)
        #expect(fromBatch.subtitle == one.subtitle)
        #expect(fromBatch.sections.map(\.heading) == one.sections.map(\.heading))
    }

    /// A batch works the season's drivers out once for all its reports; each report's quadrant is still the one its
    /// own statement draws (the sample, where drivers runs).
    @Test func theBatchsDriversAreEachReportsDrivers() throws {
        let sample = GapDriversTests.sample
        guard case .report(let statement) = try Parser.parse("report participant * where class = Bank to out/") else {
            Issue.record("not a report")
            return
        }
        let evaluator = Evaluator(season: sample)
        let all = try evaluator.reportBatch(statement)
        #expect(all.drivers.points?.count == 4)
        for member in all.members {
            let fromBatch = try evaluator.report(of: member, in: all)
            guard case .report(let one, _) = try evaluator.runAny("report participant \"\(member.name)\"") else {
                Issue.record("not a report")
                return
            }
            let charts = [fromBatch, one].map { report in
                report.sections.first { $0.heading == .phrase(.driversHeading) }?.blocks.compactMap {
                    block -> QuadrantChart? in
                    if case .quadrant(let chart, _) = block { return chart }
                    return nil
                }
            }
            #expect(charts[0] == charts[1])
            #expect(charts[0]?.first?.points.count == 4)
        }
    }

    /// The index speaks the batch's language, as its reports do: nb headings and a decimal comma.
    @Test func theIndexIsInTheReportsLanguage() throws {
        let nb = try batch("report participant * to out/ lang nb")
        let files = nb.members.map { $0.name + ".html" }
        let page = ReportBatchIndex.html(nb, files: files)
        #expect(page.contains("<html lang=\"nb\">"))
        #expect(page.contains("<h1>Deltakerrapporter — Test 2024</h1>"))
        #expect(page.contains("<th>Deltaker</th><th>Klasse</th><th class=\"num\">Totalresultat</th>"))
        #expect(page.contains("<td class=\"num\">74,8</td>"))  // Alfa Bank: 74.8125
        let en = ReportBatchIndex.html(try batch("report participant * to out/ lang en"), files: files)
        #expect(en.contains("<th>Participant</th><th>Class</th><th class=\"num\">Total</th>"))
        #expect(en.contains("<td class=\"num\">74.8</td>"))
    }
}
