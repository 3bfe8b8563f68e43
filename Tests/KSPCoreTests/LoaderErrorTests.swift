import Testing

@testable import KSPCore

/// One test per error kind of the contract: file, line, column and what was expected.
@Suite("Loader errors and warnings")
struct LoaderErrorTests {
    let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"
    let good = "q1,p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,5,ja,5,10,\n"

    func only(_ rows: String) -> [SeasonDiagnostic] { Fixtures.errors(inquiries: header + good + rows) }

    @Test func unknownParticipant() {
        let e = only("q2,p9,phone,S2,2024-01-15T09:00:00,,1,,,,,,,\n")
        #expect(e.count == 1)
        #expect(
            e[0].description
                == "inquiries.csv:3:2: error: unknown participant \"p9\"; expected an id from participants.csv")
    }

    @Test func unknownChannel() {
        let e = only("q2,p1,fax,S2,2024-01-15T09:00:00,,1,,,,,,,\n")
        #expect(
            e.map(\.description) == [
                "inquiries.csv:3:3: error: unknown channel \"fax\"; expected one of phone, messenger, email or an alias"
            ])
    }

    @Test func channelAliasAnyCaseIsFine() {
        #expect(
            only("q2,p1,TELEFON,S2,2024-01-15T09:00:00,,1,,,,,,,\nq3,p1,E-post,S3,2024-01-15T09:00:00,,1,,,,,,,\n")
                .isEmpty)
    }

    @Test func duplicateInquiryId() {
        let e = only("q1,p1,phone,S2,2024-01-15T09:00:00,,1,,,,,,,\n")
        #expect(e.map(\.description) == ["inquiries.csv:3:1: error: duplicate inquiry id q1 (first on line 2)"])
    }

    @Test func duplicateParticipantId() {
        let e = Fixtures.errors(participants: "id,name,class\np1,Alfa Bank,Bank\np1,Beta Bank,Bank\n")
        #expect(e.map(\.description) == ["participants.csv:3:1: error: duplicate participant id p1 (first on line 2)"])
    }

    @Test func unreadableDateTime() {
        let e = only("q2,p1,phone,S2,15.01.2024 09:00,,1,,,,,,,\n")
        #expect(
            e.map(\.description) == [
                "inquiries.csv:3:5: error: unreadable date-time \"15.01.2024 09:00\"; expected a local date-time like 2024-01-15T09:30:00"
            ])
        let feb30 = only("q2,p1,phone,S2,2024-02-30T09:00:00,,1,,,,,,,\n")
        #expect(feb30.first?.line == 3 && feb30.first?.column == 5)
    }

    @Test func answeredBeforeContacted() {
        let e = only("q2,p1,phone,S2,2024-01-15T09:00:00,2024-01-15T08:59:00,1,,,,,,,\n")
        #expect(
            e.map(\.description) == [
                "inquiries.csv:3:6: error: answered_at 2024-01-15 08:59 is before contacted_at 2024-01-15 09:00; expected a time after the contact"
            ])
    }

    @Test func valueOutsideScale() {
        let e = only("q2,p1,phone,S2,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,6,ja,5,10,\n")
        #expect(
            e.map(\.description) == [
                "inquiries.csv:3:10: error: question K1: \"6\" is not valid; expected a value from 1 to 5 (or empty/NA for not applicable)"
            ])
    }

    @Test func notAnOption() {
        let e = only("q2,p1,phone,S2,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Kun firmanavn,5,ja,5,10,\n")
        #expect(
            e.map(\.description) == [
                "inquiries.csv:3:9: error: question V2: \"Kun firmanavn\" is not valid; expected one of \"Firmanavn og eget navn\", \"Kun eget navn\", \"Ingen\" (or empty/NA for not applicable)"
            ])
    }

    @Test func notYesNo() {
        let e = only("q2,p1,phone,S2,2024-01-15T09:00:00,2024-01-15T09:00:30,1,kanskje,Ingen,5,ja,5,10,\n")
        #expect(
            e.first?.description
                == "inquiries.csv:3:8: error: question V1: \"kanskje\" is not valid; expected ja, nei, yes, no, 1 or 0 (or empty/NA for not applicable)"
        )
    }

    @Test func missingQuestionColumn() {
        let e = Fixtures.errors(
            inquiries: "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1\n")
        #expect(e.map(\.description) == ["inquiries.csv:1: error: missing column for question X3 of season.yaml"])
    }

    @Test func questionWithUnknownArea() {
        let yaml = Fixtures.file("season.yaml").replacingOccurrences(
            of: "{id: K1, area: agent,", with: "{id: K1, area: agnet,")
        let e = Fixtures.errors(yaml: yaml)
        #expect(e.count == 1)
        #expect(e[0].file == "season.yaml")
        #expect(e[0].line == 21)
        #expect(e[0].column == 20)
        #expect(
            e[0].message == "question K1: unknown area \"agnet\"; expected one of wait, welcome, agent, impression, cx")
    }

    @Test func attemptsAboveTheChannels() {
        let e = only("q2,p1,email,S2,2024-01-15T09:00:00,,2,,,,,,,\n")
        #expect(
            e.map(\.description) == ["inquiries.csv:3:7: error: attempts 2 is above the 1 allowed on email; expected 1"]
        )
    }

    @Test func wrongFieldCount() {
        let e = only("q2,p1,phone\n")
        #expect(e.map(\.description) == ["inquiries.csv:3: error: expected 14 fields as in the header, found 3"])
    }

    @Test func invalidYAMLNamesLineAndColumn() {
        let e = Fixtures.errors(yaml: "season: x\nareas: [\n")
        #expect(e.count == 1)
        #expect(e[0].file == "season.yaml" && e[0].line > 0)
        #expect(e[0].message.hasPrefix("not valid YAML"))
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() {
        let e = only("q2,p9,fax,S2,bad,,1,,,,,,,\nq3,p1,phone,S3,2024-01-15T09:00:00,,3,,,,,,,\n")
        #expect(e.map(\.line) == [3, 3, 3, 4])
    }

    @Test func errorsAreCapped() {
        var rows = ""
        for k in 0..<500 { rows += "x\(k),p9,phone,S2,2024-01-15T09:00:00,,1,,,,,,,\n" }
        do {
            _ = try Fixtures.load(inquiries: header + rows)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 100)
            #expect(error.truncated)
        }
    }

    @Test func warnings() throws {
        let participants = Fixtures.file("participants.csv") + "p4,Delta Hotell,Hotell\n"
        let inquiries =
            header.replacingOccurrences(of: ",comment\n", with: ",comment,extra\n")
            + "q1,p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,5,ja,5,10,,x\n"
            + "q2,p1,phone,S1,2024-01-16T09:00:00,2024-01-16T09:00:30,1,ja,Ingen,5,ja,5,10,,x\n"
        let s = try Fixtures.load(participants: participants, inquiries: inquiries)
        let w = s.warnings.map(\.description)
        #expect(w.contains("inquiries.csv:1:15: warning: unknown column \"extra\" is ignored"))
        #expect(
            w.contains(
                "inquiries.csv:3:4: warning: shopper S1 contacted participant p1 again (first on line 2); a shopper contacts a participant at most once"
            ))
        #expect(w.contains("participants.csv:5: warning: participant p4 (Delta Hotell) has no inquiries"))
    }

    @Test func missingDirectory() {
        #expect(throws: SeasonLoadError.self) { try SeasonLoader.load(directory: "/nonexistent/season") }
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array((header + good).utf8)
        bytes += [0x71, 0x32, 0x2C, 0xFF, 0xFE, 0x0A]
        do {
            _ = try SeasonLoader.load(
                definition: Array(Fixtures.file("season.yaml").utf8),
                participants: Array(Fixtures.file("participants.csv").utf8), inquiries: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "inquiries.csv:3: error: not valid UTF-8; expected the file saved as UTF-8"
                ])
        }
    }
}
