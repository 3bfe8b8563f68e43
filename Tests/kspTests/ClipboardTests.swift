import Foundation
import Testing

@testable import ksp

/// Issue 16: `.copy` puts the last result on the clipboard as tab-separated text.
@Suite("Clipboard")
struct ClipboardTests {
    @Test func theEscapeCarriesTheTextInBase64() {
        #expect(Clipboard.osc52("a\tb\n") == "\u{1B}]52;c;YQliCg==\u{07}")
        #expect(Clipboard.osc52("æ") == "\u{1B}]52;c;w6Y=\u{07}")
    }

    @Test func aClipboardProgramOnlyWithItsDisplay() throws {
        let folder = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xclip = folder.appendingPathComponent("xclip").path
        try "#!/bin/sh\ncat >/dev/null\n".write(toFile: xclip, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: xclip)
        #expect(Clipboard.program(environment: ["PATH": folder.path]) == nil)
        #expect(Clipboard.program(environment: ["PATH": folder.path, "DISPLAY": ""]) == nil)
        #expect(
            Clipboard.program(environment: ["PATH": folder.path, "DISPLAY": ":0"]) == [
                xclip, "-selection", "clipboard",
            ])
        #expect(Clipboard.program(environment: ["PATH": folder.path, "WAYLAND_DISPLAY": "wayland-0"]) == nil)
    }

    @Test func nothingToCopyYet() throws {
        let r = try KSP.run([KSP.fixture, "-c", ".copy"])
        #expect(r.err == "<command>:1: .copy: nothing to copy yet; run a statement first\n")
        let extra = try KSP.run([KSP.fixture, "-c", "n; .copy all"])
        #expect(extra.err == "<command>:1: .copy: expected nothing after it (it copies the last result)\n")
    }

    /// In tmux with `set-clipboard on`, an application's OSC 52 becomes a paste buffer: the buffer holds the
    /// text only if the escape was emitted, and it shows exactly what was sent.
    @Test(.enabled(if: TmuxSession.available)) func theTerminalEscapeReachesTmuxsClipboard() throws {
        let t = try TmuxSession(args: [KSP.fixture], environment: "DISPLAY= WAYLAND_DISPLAY=")
        defer { t.end() }
        try t.tmux(["set-option", "-s", "set-clipboard", "on"])
        try t.waitFor("test2024>")
        try t.enter("total by participant")
        try t.waitFor("Gamma Forsikring")
        try t.enter(".copy")
        try t.waitFor("copied 3 rows and the header, tab-separated, through the terminal (OSC 52)")
        let buffer = t.dir.appendingPathComponent("clipboard.txt").path
        try t.tmux(["save-buffer", buffer])
        #expect(
            try String(contentsOfFile: buffer, encoding: .utf8)
                == "participant\ttotal\ttotal_sig\tn_total\tn\nAlfa Bank\t74.8\tuntested\t4\t4\n"
                + "Beta Bank\t19.9\tuntested\t3\t3\nGamma Forsikring\t60.8\tuntested\t2\t2\n"
        )
    }
}
