import Foundation
import Testing

@testable import ksp

/// `.labels`, `.lang` and `--lang` (issue 13, labels and language), through the binary on the fixture season
/// (whose season.yaml has no `language:`, so en unless told).
@Suite("Labels and language")
struct LabelsLanguageTests {
    @Test func labelsSwitchTableHeadersToNames() throws {
        let r = try KSP.run(
            [KSP.fixture, "--format", "markdown"],
            stdin: """
                total, agent by channel where channel = phone
                .labels on
                .lang nb
                total, agent by channel where channel = phone
                .mode csv
                total, agent by channel where channel = phone
                .labels
                """)
        #expect(r.status == 0, "\(r.err)")
        // Ids by default; names with .labels on (Telefon from season.yaml); csv keeps the ids.
        #expect(r.out.contains("| channel | total | agent | n |"))
        #expect(r.out.contains("| Kanal | Totalresultat | Kundebehandleren | Henvendelser |"))
        #expect(r.out.contains("| Telefon |"))
        #expect(r.out.contains("channel,total,n_total,agent,n_agent,n\nphone,48.4,7,75.0,4,7\n"))
        // A figure's own base (agent on 4 answers of 7 inquiries) is labelled by its figure.
        #expect(r.out.contains("| Kanal | Totalresultat | Kundebehandleren | Henvendelser | n (Kundebehandleren) |"))
        #expect(r.out.hasSuffix("labels: on\n"))
    }

    @Test func langChoosesTheReportsLanguage() throws {
        let en = try KSP.run([KSP.fixture, "-c", "report participant \"Alfa Bank\""])
        #expect(en.out.contains("── Summary") && en.out.contains("Total: 74.8"))
        let nb = try KSP.run([KSP.fixture, "--lang", "nb", "-c", "report participant \"Alfa Bank\""])
        #expect(nb.out.contains("── Sammendrag") && nb.out.contains("Totalresultat: 74,8"))
        let back = try KSP.run([KSP.fixture, "--lang", "nb", "-c", "report participant \"Alfa Bank\" lang en"])
        #expect(back.out.contains("── Summary"))
        let shell = try KSP.run([KSP.fixture], stdin: ".lang\n.lang nb\n.lang\n.lang de\n")
        #expect(shell.out == "lang: en (the default)\nlang: nb\n")
        #expect(shell.err.contains(".lang: expected nb or en, found \"de\""))
        let wrong = try KSP.run([KSP.fixture, "--lang", "de", "-c", "n"])
        #expect(wrong.status == 64)
        #expect(wrong.err.contains("--lang must be nb or en, not \"de\""))
        let labels = try KSP.run([KSP.fixture], stdin: ".labels maybe\n")
        #expect(labels.err.contains(".labels: expected on or off, found \"maybe\""))
    }
}

/// Tab after `report … lang`, `.lang` and `.labels` (these need no season loaded).
@Suite("Completion of languages and labels")
struct LanguageCompletionTests {
    @Test func languagesAndSwitchesComplete() {
        #expect(Completion.candidates(prefix: "report class Bank lang ", word: "") == ["en", "nb"])
        #expect(Completion.candidates(prefix: "report participant \"Alfa Bank\" lang ", word: "n") == ["nb"])
        #expect(Completion.candidates(prefix: ".lang ", word: "") == ["en", "nb"])
        #expect(Completion.candidates(prefix: ".labels ", word: "o") == ["off", "on"])
    }
}
