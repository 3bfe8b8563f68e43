import Foundation
import KSPCore
import KSPQuery
import KSPRender

/// The state of one run of the shell: the loaded season and the settings meta-commands change.
final class Session {
    var season: Season
    var seasonDirectories: [String]
    var format: OutputFormat
    var timer = false
    var options = EvaluationOptions()
    var pager: PagerMode = .auto
    /// `.labels on`: shell tables (table and markdown mode) in the season's words instead of ids.
    var labels = false
    let output = OutputSink()
    let interactive: Bool
    /// The real paths of the scripts `.read` is running, outermost first (to stop a script reading itself).
    var readStack: [String] = []
    /// The report (or batch index) written last, for `.open`.
    var lastWritten: String?
    /// `--set` and `.set`: the values of `${name}` in statements and meta-commands.
    var parameters = ScriptParameters()
    /// `.title TEXT`: the heading printed before the next result.
    var pendingTitle: String?
    /// `--titles`: csv and tsv results get their `.title` as a `# ` line and a blank line between tables.
    var machineTitles = false
    /// Whether a result was printed yet (csv and tsv with titles separate tables by a blank line).
    var printedResult = false
    /// `.mode xlsx`: the workbook of the `.output` file being written (and that file), and the one collected
    /// for standard output, written when the script ends.
    var workbook = XLSXWorkbook(sheets: [])
    var workbookPath: String?
    var standardOutputWorkbook = XLSXWorkbook(sheets: [])
    /// The table of the last result, for `.copy`.
    var lastTable: ResultTable?

    enum PagerMode: String { case on, off, auto }

    /// What running a piece of input led to.
    enum Outcome: Equatable { case ok, error, quit }

    init(season: Season, directories: [String], format: OutputFormat, interactive: Bool) {
        self.season = season
        self.seasonDirectories = directories
        self.format = format
        self.interactive = interactive
    }

    /// Reports an error: in the shell as the statement with a caret; in scripts as `FILE:LINE: message` then the caret.
    var reportError: (_ message: String, _ detail: String?, _ line: Int) -> Void = { message, detail, _ in
        StandardError.write(message + (detail.map { "\n" + $0 } ?? ""))
    }

    func run(_ piece: StatementSplitter.Piece) -> Outcome {
        if let quote = piece.unclosedQuote { return reportUnclosed(quote) }
        var substituted = piece
        do {
            substituted.text =
                piece.isMeta
                ? try parameters.substitute(inText: piece.text) : try parameters.substitute(inStatement: piece.text)
        } catch {
            reportError(error.description, nil, piece.line)
            return .error
        }
        return piece.isMeta ? meta(substituted) : statement(substituted)
    }

    /// A quote never closed swallowed the rest of the input: point at the quote, not at the end.
    func reportUnclosed(_ quote: StatementSplitter.OpenQuote) -> Outcome {
        let message = "this quote (\(quote.mark)) is never closed; everything after it was read as its text"
        let caret = EvaluationError(SourceRange(quote.column - 1, quote.column), message)
        reportError("column \(quote.column): \(message)", caret.rendered(statement: quote.lineText), quote.line)
        return .error
    }

    func statement(_ piece: StatementSplitter.Piece) -> Outcome {
        let start = DispatchTime.now()
        if interactive { interruptRequested.store(false, ordering: .relaxed) }
        do {
            // A batch is written here, not evaluated; anything else (an export, an error) goes to the evaluator.
            if case .report(let reportStatement)? = try? Parser.parse(piece.text), reportStatement.isBatch {
                try writeReports(reportStatement)
                return .ok
            }
            let result = try Evaluator(season: season, options: options).runAny(piece.text)
            if case .export = result {} else { lastTable = result.table }
            if case .export(let export, let file) = result {
                try writeExport(export, to: file)
                return .ok
            }
            if case .report(let report, let file?) = result {
                try writeReport(report, to: file)
                if timer {
                    StandardError.write(
                        "time: \(NumberFormat.decimals(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6, 2)) ms"
                    )
                }
                return .ok
            }
            if format == .xlsx {
                try addToWorkbook(result.xlsxSheets(named: pendingTitle))
                pendingTitle = nil
                return .ok
            }
            let color = format == .table && output.isTerminal && Terminal.colorAllowed
            let width = output.path == nil ? Terminal.width() : 10_000
            let shown = labels && (format == .table || format == .markdown) ? labelled(result) : result
            let text = shown.render(
                format, width: min(width, result.isChart ? 120 : width), color: color, unicode: Terminal.unicode)
            try emit(titled(text))
            if timer {
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                StandardError.write("time: \(NumberFormat.decimals(milliseconds, 2)) ms")
            }
            return .ok
        } catch let queryError as EvaluationError where queryError.isInterruption {
            reportError("interrupted", nil, piece.line)
            return .error
        } catch let queryError as any QueryDiagnostic {
            let diagnostic = MetaCommandHint.adding(to: queryError, statement: piece.text)
            let linesBefore = piece.text.prefix(max(0, queryError.range.start)).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            reportError(diagnostic.oneLine, diagnostic.rendered(statement: piece.text), piece.line + linesBefore)
            return .error
        } catch {
            reportError("\(error)", nil, piece.line)
            return .error
        }
    }

    /// A report to a file: `.html`/`.htm` one self-contained page, `.md` markdown, `.txt` text; any other
    /// ending is refused until ksp can write it (no plain text in a `.pdf`). Written whole (`AtomicFile`),
    /// never into a loaded season's directory (`WriteTarget`).
    func writeReport(_ report: Report, to path: String) throws {
        guard !path.isEmpty else { throw ShellError("report: expected a file name after to, found \"\"") }
        guard let type = ReportFileType(path: path) else {
            let ending = (path as NSString).pathExtension
            let found = ending.isEmpty ? "\(path) has no file ending" : "ksp cannot write .\(ending) files"
            throw ShellError("report: \(found); end the name with \(ReportFileType.known)")
        }
        do {
            let target = try WriteTarget.check(path, seasonDirectories: seasonDirectories)
            try Session.writeReportFile(report, as: type, to: target)
        } catch let refusal as WriteTarget.Refusal {
            throw ShellError("report: \(refusal.description)")
        } catch {
            throw ShellError("report: \(error)")
        }
        lastWritten = path
        // The report is written: a closed standard output must not turn that into a failure.
        try? output.write("wrote \(path)")
    }

    /// Writes a result, through the pager when it is taller than the screen.
    func emit(_ text: String) throws {
        if output.path == nil && interactive && output.isTerminal && pager != .off {
            let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + 1
            if pager == .on || lines > Terminal.height() - 2 {
                if Pager.show(text) { return }
            }
        }
        do { try output.write(text) } catch let OutputSink.WriteError.failed(message) {
            try? output.redirect(to: nil)
            throw ShellError(message + "; output goes to the screen again")
        }
    }

    struct ShellError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
