import Foundation
import Testing

/// Issue 19's prompt items as a consultant meets them, in an 80-column terminal: comments wrapped, not
/// cut (11); meta-commands typed without the dot (13); question texts in compare (14); a missing folder (15).
@Suite("Trial meeting at the prompt", .enabled(if: TmuxSession.available), .serialized)
struct TrialPromptTests {
    @Test func whatTheConsultantSeesAtEightyColumns() throws {
        let t = try TmuxSession(args: [KSP.sample], size: (80, 40))
        defer { t.end() }
        try t.waitFor("ksp2024>")
        try t.enter("quotes where class = Bank top 2")
        let quotes = try t.waitFor("└")
        // No line is wider than the terminal, and the comment is wrapped inside its cell, not cut.
        #expect(quotes.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(quotes.contains("andre forsøk.") && quotes.contains("å forstyrre."))
        try t.enter("help")
        try t.waitFor("did you mean .help?")
        try t.enter("compare participant \"Skjærvik Sparebank\" vs class on K3")
        // The question's text wraps in its cell too (the figures leave it little room).
        let compared = try t.waitFor("ditt?")
        #expect(compared.contains("Avdekket"))
        try t.enter(".output /no-such-folder-for-ksp/out.txt")
        // Wrapped at a space at 80 columns: "… the folder" / "/no-such-folder-for-ksp does not exist".
        let refused = try t.waitFor("/no-such-folder-for-ksp does not exist")
        #expect(refused.contains("cannot write /no-such-folder-for-ksp/out.txt: the folder"))
    }
}
