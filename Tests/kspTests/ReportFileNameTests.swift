import Testing

@testable import ksp

/// Batch reports' file names come from participants' names (issue 13).
@Suite("Report file names")
struct ReportFileNameTests {
    @Test func norwegianLettersAreKeptAndUnsafeCharactersReplaced() {
        #expect(ReportFileNames.safeStem("Sørlykke Bank") == "Sørlykke Bank")
        #expect(ReportFileNames.safeStem("Alfa \"Bank\" A/S: Ærlig") == "Alfa _Bank_ A_S_ Ærlig")
        #expect(ReportFileNames.safeStem("Bank\\Forsikring | *?<>") == "Bank_Forsikring _ ____")
        #expect(ReportFileNames.safeStem("A\u{7}B\nC\u{0}D") == "A_B_C_D")
        // Never hidden, never a walk up the tree, nothing Windows would drop at the end, never empty.
        #expect(ReportFileNames.safeStem("../etc/passwd") == "_._etc_passwd")
        #expect(ReportFileNames.safeStem("Navn AS. ") == "Navn AS")
        #expect(ReportFileNames.safeStem("  Bank   Norge ") == "Bank Norge")
        #expect(ReportFileNames.safeStem("   ") == "_")
        #expect(ReportFileNames.safeStem("/") == "_")
    }

    @Test func namesThatMeetAreToldApartWithoutCase() {
        var names = ReportFileNames(ending: "html", reserved: ["index.html"])
        #expect(names.next(for: "A/S Ærlig") == "A_S Ærlig.html")
        #expect(names.next(for: "A:S Ærlig") == "A_S Ærlig (2).html")
        #expect(names.next(for: "a_s ærlig") == "a_s ærlig (3).html")
        // The batch's own index page is not a participant's.
        #expect(names.next(for: "Index") == "Index (2).html")
    }

    @Test func aLongNameIsCutToTwoHundredBytesAtAWholeLetter() {
        var names = ReportFileNames(ending: "pdf")
        let long = String(repeating: "ø", count: 150)  // 300 bytes
        let first = names.next(for: long)
        // 200 − ".pdf" (4) = 196 bytes = 98 ø.
        #expect(first == String(repeating: "ø", count: 98) + ".pdf")
        #expect(first.utf8.count == 200)
        // The second copy needs " (2).pdf" (8 bytes): 192 bytes = 96 ø.
        let second = names.next(for: long)
        #expect(second == String(repeating: "ø", count: 96) + " (2).pdf")
        #expect(second.utf8.count == 200)
    }
}
