import Foundation
import KSPCore
import KSPQuery

/// The state of one run of the shell: the loaded season and the settings meta-commands change.
final class Session {
    var season: Season
    var seasonDirectories: [String]
    var format: OutputFormat
    var timer = false
    var options = EvaluationOptions()
    var pager: PagerMode = .auto
    let output = OutputSink()
    let interactive: Bool

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
        piece.isMeta ? meta(piece) : statement(piece)
    }

    func statement(_ piece: StatementSplitter.Piece) -> Outcome {
        let start = DispatchTime.now()
        if interactive { interruptRequested.store(false, ordering: .relaxed) }
        do {
            let result = try Evaluator(season: season, options: options).runAny(piece.text)
            if case let .report(report, file?) = result {
                try writeReport(report, to: file)
                if timer { StandardError.write("time: \(NumberFormat.decimals(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6, 2)) ms") }
                return .ok
            }
            let color = format == .table && output.isTerminal && Terminal.colorAllowed
            let width = output.path == nil ? Terminal.width() : 10_000
            let text = result.render(format, width: min(width, result.isChart ? 120 : width), color: color, unicode: Terminal.unicode)
            try emit(text)
            if timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                StandardError.write("time: \(NumberFormat.decimals(ms, 2)) ms")
            }
            return .ok
        } catch let e as any QueryDiagnostic {
            if e.message == "interrupted" && e.range == SourceRange(0, 0) {
                reportError("interrupted", nil, piece.line)
                return .error
            }
            reportError(e.oneLine, e.rendered(statement: piece.text), piece.line)
            return .error
        } catch {
            reportError("\(error)", nil, piece.line)
            return .error
        }
    }

    /// A report to a file: `.html` one self-contained page, `.md` markdown, anything else text.
    /// Never into a loaded season's directory (ksp does not write there).
    func writeReport(_ report: Report, to path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        for dir in seasonDirectories where URL(fileURLWithPath: dir).standardizedFileURL.path == target {
            throw ShellError("report: \(path) is inside the season directory \(dir); ksp never writes there — choose another place")
        }
        let lower = path.lowercased()
        let text = lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? report.html : lower.hasSuffix(".md") ? report.markdown : report.terminal(width: 100, unicode: true)
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ShellError("report: cannot write \(path): \(error.localizedDescription)")
        }
        try output.write("wrote \(path)")
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
        init(_ d: String) { description = d }
    }
}
