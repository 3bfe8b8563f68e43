import CEditLine
import Foundation
import KSPCore
import KSPQuery
import KSPRender

/// The interactive shell: banner, prompt, libedit line editing and history.
struct Interactive {
    let session: Session

    func run() {
        let editor = LineEditor(history: HistoryFile.defaultPath())
        Completion.install(session: session)
        // At the prompt the statement is on screen already: show the caret form, in red on a terminal.
        let red = Terminal.colorAllowed && isatty(STDERR_FILENO) == 1
        session.reportError = { message, detail, _ in
            let text = Interactive.wrappedError(detail ?? message, echoesStatement: detail != nil)
            StandardError.write(red ? "\u{1B}[31m" + text + "\u{1B}[0m" : text)
        }
        // Ctrl-C while a statement runs stops it (the line editor's handler only sets a flag).
        session.options.isCancelled = { interruptRequested.load(ordering: .relaxed) }
        printBanner()
        var splitter = StatementSplitter()
        // The lines of a statement still open, kept to go into the history as one entry.
        var pendingHistory = ""
        while true {
            let prompt = splitter.isContinuing ? continuationPrompt : mainPrompt
            guard let line = editor.readLine(prompt: prompt) else {
                // Ctrl-D: leave on an empty line.
                print("")
                break
            }
            if line == LineEditor.interrupted {
                splitter = StatementSplitter()
                continue
            }
            let before = splitter.isContinuing
            let pieces = splitter.feed(line)
            if !line.trimmingCharacters(in: .whitespaces).isEmpty || before {
                if !splitter.isContinuing {
                    editor.remember(pendingHistory + line)
                    pendingHistory = ""
                } else {
                    pendingHistory += line + "\n"
                }
            }
            for piece in pieces where session.run(piece) == .quit { return }
        }
    }

    var colored: Bool { Terminal.colorAllowed }

    /// The prompt names the season; colour escapes are wrapped in \001…\002 so libedit counts widths right.
    var mainPrompt: String {
        let name = TerminalSafeText.escaped(session.season.name.lowercased().replacingOccurrences(of: " ", with: ""))
        return colored ? "\u{1}\u{1B}[1;36m\u{2}\(name)\u{1}\u{1B}[0m\u{2}> " : "\(name)> "
    }

    var continuationPrompt: String {
        let name = TerminalSafeText.escaped(session.season.name.replacingOccurrences(of: " ", with: ""))
        let width = DisplayWidth.of(name)
        return String(repeating: " ", count: max(0, width - 3)) + "...> "
    }

    /// An error wrapped at spaces to the terminal's width; the statement echoed on its first line is kept
    /// whole, so that the caret line under it still points at the place.
    static func wrappedError(_ text: String, echoesStatement: Bool) -> String {
        let width = Terminal.width()
        guard echoesStatement, let firstBreak = text.firstIndex(of: "\n") else {
            return TerminalSafeText.wrapped(text, width: width)
        }
        let rest = text[text.index(after: firstBreak)...]
        return String(text[..<firstBreak]) + "\n" + TerminalSafeText.wrapped(String(rest), width: width)
    }

    func printBanner() {
        let summary = SeasonSummary(session.season)
        print("ksp — Kundeserviceprisen query shell")
        let counts =
            "\(summary.participants) participants in \(summary.participantsPerClass.count) classes, \(summary.inquiries) inquiries"
        print("\(TerminalSafeText.escaped(summary.name)): \(counts), \(summary.dateRangeText)")
        print("Try: total by class   ·   .help for statements   ·   Tab completes   ·   Ctrl-D leaves")
        if let warning = Terminal.localeWarning { StandardError.write(warning) }
    }
}
