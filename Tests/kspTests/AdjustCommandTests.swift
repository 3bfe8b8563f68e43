import Foundation
import Testing

/// `.adjust holm|bh|none`: how compare's p_adj is made, set at the prompt or in a script.
@Suite("The .adjust meta-command")
struct AdjustCommandTests {
    @Test func adjustChangesCompareAndSaysWhatItIs() throws {
        let script = """
            .minbase 2
            .adjust
            .adjust bh
            .adjust
            compare participant "Alfa Bank" vs class on total, noanswer
            """
        let r = try KSP.run([KSP.fixture, "--format", "csv"], stdin: script + "\n")
        #expect(r.status == 0)
        #expect(r.out.contains("adjust: holm\n"))
        #expect(r.out.contains("adjust: bh\n"))
        // Benjamini–Hochberg over p = 0.0922 and 0.0533: both 0.0922.
        #expect(r.out.contains(",4,3,0.0922,0.0922,none\n"))
    }

    @Test func aWrongMethodIsNamed() throws {
        let r = try KSP.run([KSP.fixture, "-c", ".adjust bonferroni"])
        #expect(r.status == 1)
        #expect(r.err.contains(".adjust: expected holm, bh or none, found \"bonferroni\""))
    }
}
