import Foundation
import KSPQuery

/// `.output` and `.read`: the meta-commands that name a file.
extension Session {
    /// Scripts read inside each other deeper than this are stopped (a chain of distinct files; a loop is
    /// caught at once by `readStack`).
    static let maximumReadDepth = 16

    /// `.output FILE` sends results to a file; `.output` alone to the screen again.
    func redirectOutput(_ args: [String], fail: (String) -> Outcome) -> Outcome {
        guard args.count <= 1 else {
            return fail(".output: expected one file name, found \(args.count) words (quote a name with spaces)")
        }
        guard let path = args.first else {
            do { try output.redirect(to: nil) } catch { return fail(".output: \(error)") }
            if interactive { StandardError.write("results go to the screen again") }
            return .ok
        }
        do {
            let target = try WriteTarget.check(path, seasonDirectories: seasonDirectories)
            try output.redirect(to: target)
            workbookPath = nil  // .mode xlsx: the file was emptied, its workbook starts anew
            if interactive {
                StandardError.write("results now go to \(target.resolved) (.output alone: to the screen)")
            }
            return .ok
        } catch {
            return fail(".output: \(error)")
        }
    }

    /// After `.load`: a `.output` file that now lies inside a loaded season's directory is closed and
    /// results go to the screen again, so that nothing is written into the season just loaded.
    func releaseOutputInsideSeasons() {
        guard let path = output.path else {
            return
        }
        do {
            _ = try WriteTarget.check(path, seasonDirectories: seasonDirectories)
        } catch {
            try? output.redirect(to: nil)
            StandardError.write(".output: \(error); results go to the screen again")
        }
    }

    /// `.read FILE` runs a script's statements; its errors name the file and line.
    func read(_ path: String, fail: (String) -> Outcome) -> Outcome {
        let real = RealPath.resolve(path)
        if readStack.contains(real) {
            let chain = (readStack + [real]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            return fail(".read: \(path) is already being read (\(chain)); a script cannot read itself")
        }
        guard readStack.count < Session.maximumReadDepth else {
            let limit = Session.maximumReadDepth
            return fail(".read: \(path): scripts read inside each other more than \(limit) deep; stopped")
        }
        let text: String
        do { text = try ScriptText.read(path: path) } catch { return fail(".read: \(error)") }
        let saved = reportError
        reportError = { message, detail, line in
            saved("\(path):\(line): \(message)", detail, line)
        }
        readStack.append(real)
        defer {
            reportError = saved
            readStack.removeLast()
        }
        let result = ScriptRunner(session: self, keepGoing: false).run(text)
        return result.quit ? .quit : result.failed ? .error : .ok
    }
}
