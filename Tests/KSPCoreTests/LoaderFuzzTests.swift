import Foundation
import Testing
import ZIPFoundation

@testable import KSPCore

/// Random byte mutations of the fixture's three files: every load either succeeds or reports
/// located errors — never a crash or a hang. Fixed seed; `KSP_FUZZ_INPUTS=N` for longer runs.
@Suite("Fuzzing the season loader")
struct LoaderFuzzTests {
    static var inputs: Int { ProcessInfo.processInfo.environment["KSP_FUZZ_INPUTS"].flatMap(Int.init) ?? 100_000 }

    static let interesting: [[UInt8]] = [
        [34], [44], [59], [10], [13, 10], [0], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], Array("NA".utf8), Array("-".utf8),
        Array("ja".utf8), Array("2024-02-30T09:00".utf8), Array("99999999999999999999".utf8), Array("1e309".utf8),
        Array("æøå".utf8), Array("\"\"".utf8), Array(":".utf8), Array("- ".utf8), Array("{".utf8), Array("[".utf8),
        Array("&a".utf8), Array("*a".utf8),
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let at = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
            switch rng.next() % 7 {
            case 0 where !b.isEmpty: b[at] ^= UInt8(1 << (rng.next() % 8))  // flip a bit
            // delete a run
            case 1 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + 1 + Int(rng.next() % 16)))
            // insert a token
            case 2: b.insert(contentsOf: interesting[Int(rng.next() % UInt64(interesting.count))], at: at)
            case 3 where !b.isEmpty:  // duplicate a run
                let end = min(b.count, at + 1 + Int(rng.next() % 64))
                b.insert(contentsOf: b[at..<end], at: Int(rng.next() % UInt64(b.count)))
            case 4 where !b.isEmpty: b[at] = UInt8(truncatingIfNeeded: rng.next())  // random byte
            case 5: b = Array(b.prefix(at))  // truncate
            default: if !b.isEmpty { b.swapAt(at, Int(rng.next() % UInt64(b.count))) }  // swap two bytes
            }
        }
        return b
    }

    @Test func mutatedSeasonsLoadOrSayWhy() {
        let yaml = Array(Fixtures.file("season.yaml").utf8)
        let participants = Array(Fixtures.file("participants.csv").utf8)
        let inquiries = Array(Fixtures.file("inquiries.csv").utf8)
        var rng = SplitMix64(seed: 7_2024)
        let parsed = try! SeasonLoader.definition(yaml)
        var loaded = 0
        var rejected = 0
        for k in 0..<Self.inputs {
            // Mostly the inquiries (the file exports mangle); the others now and then.
            let target = k % 10
            let y = target == 0 ? Self.mutate(yaml, &rng) : yaml
            let p = target == 1 ? Self.mutate(participants, &rng) : participants
            let i = target >= 2 ? Self.mutate(inquiries, &rng) : inquiries
            do {
                // An unchanged season.yaml is parsed once (most inputs mutate the CSV files).
                let s =
                    target == 0
                    ? try SeasonLoader.load(definition: y, participants: p, inquiries: i)
                    : try SeasonLoader.load(parsed: parsed, participants: p, inquiries: i)
                // A season that loads is scored in range.
                for t in s.inquiries.total where !(t >= 0 && t <= 100) {
                    Issue.record("total \(t) out of range for:\n\(String(decoding: y, as: UTF8.self))")
                }
                loaded += 1
            } catch {
                rejected += 1
                #expect(!error.errors.isEmpty)
                for e in error.errors {
                    #expect(["season.yaml", "participants.csv", "inquiries.csv"].contains(e.file))
                    #expect(e.line >= 0 && !e.message.isEmpty)
                }
            }
        }
        #expect(loaded > 0 && rejected > 0)
    }

    /// season.yaml mutants per run: one per hundred inputs (1000 by default), as each is a whole
    /// parse of season.yaml (the YAML library resolves every scalar's type) and a load.
    static var semanticInputs: Int { max(1, inputs / 100) }

    /// Valid YAML with hostile values (see `SeasonYAMLMutator`): every mutant either loads with
    /// every score finite and within 0–100, or fails with errors that name their file and line.
    @Test func semanticallyMutatedSeasonYAMLLoadsOrSaysWhere() {
        let mutator = SeasonYAMLMutator(Fixtures.file("season.yaml"))
        let participants = Array(Fixtures.file("participants.csv").utf8)
        let inquiries = Array(Fixtures.file("inquiries.csv").utf8)
        var rng = SplitMix64(seed: 20_2024)
        var loaded = 0
        var rejected = 0
        for _ in 0..<Self.semanticInputs {
            let yaml = mutator.mutant(&rng)
            do {
                let season = try SeasonLoader.load(
                    definition: Array(yaml.utf8), participants: participants,
                    inquiries: inquiries)
                for total in season.inquiries.total where !(total >= 0 && total <= 100) {
                    Issue.record("total \(total) out of range for:\n\(yaml)")
                }
                for score in season.inquiries.areaScores where !score.isNaN && !(score >= 0 && score <= 100) {
                    Issue.record("area score \(score) out of range for:\n\(yaml)")
                }
                loaded += 1
            } catch {
                rejected += 1
                #expect(!error.errors.isEmpty)
                for diagnostic in error.errors {
                    let located = diagnostic.line >= 1 || diagnostic.file == "inquiries.csv"
                    if !located || diagnostic.message.isEmpty {
                        Issue.record("an error without a place: \(diagnostic) for:\n\(yaml)")
                    }
                }
            }
        }
        #expect(loaded > 0 && rejected > 0)
    }
}

/// The xlsx reader under the same random mutations: of the zip's bytes, and of each XML part of the
/// fixture's workbook (re-zipped, so the mutation reaches the XML parser). Every input either loads or
/// fails with a message naming the workbook — never a crash or a hang.
@Suite("Fuzzing the xlsx reader")
struct XLSXFuzzTests {
    static var inputs: Int { max(200, LoaderFuzzTests.inputs / 100) }

    @Test func mutatedWorkbooksLoadOrSayWhy() throws {
        let path = Fixtures.root.appendingPathComponent("xlsx/small/inquiries.xlsx")
        let original = try Data(contentsOf: path)
        let archive = try Archive(data: original, accessMode: .read)
        var parts: [(path: String, bytes: [UInt8])] = []
        for entry in archive {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            parts.append((entry.path, bytes))
        }
        let parsed = try SeasonLoader.definition(Array(Fixtures.file("season.yaml").utf8))
        let participants = Array(Fixtures.file("participants.csv").utf8)
        var rng = SplitMix64(seed: 16_2024)
        // Each mutant is read from a file, as the loader reads it (ZIPFoundation's reading from memory traps on
        // some damaged archives; the loader never uses it).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-xlsx-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mutantPath = folder.appendingPathComponent("inquiries.xlsx")
        var loaded = 0
        var rejected = 0
        for k in 0..<Self.inputs {
            let workbook: Data
            if k % 10 == 0 {
                workbook = Data(LoaderFuzzTests.mutate(Array(original), &rng))
            } else {
                // The worksheet most often; the other parts (strings, styles, workbook, relationships) too.
                let sheet = parts.firstIndex { $0.path.hasPrefix("xl/worksheets/sheet1") } ?? 0
                let target = k % 3 == 0 ? Int(rng.next() % UInt64(parts.count)) : sheet
                let rezipped = try Archive(data: Data(), accessMode: .create)
                for (index, part) in parts.enumerated() {
                    let bytes = Data(index == target ? LoaderFuzzTests.mutate(part.bytes, &rng) : part.bytes)
                    try rezipped.addEntry(
                        with: part.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
                    ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
                }
                workbook = rezipped.data ?? Data()
            }
            do {
                try workbook.write(to: mutantPath)
                let sheet = try XLSXSheetReader.read(path: mutantPath.path, fileName: "inquiries.xlsx")
                let season = try SeasonLoader.load(parsed: parsed, participants: participants, inquiries: sheet.csv)
                for total in season.inquiries.total where !(total >= 0 && total <= 100) {
                    Issue.record("total \(total) out of range")
                }
                loaded += 1
            } catch let failure as XLSXReadFailure {
                rejected += 1
                #expect(!failure.description.isEmpty)
            } catch let error as SeasonLoadError {
                rejected += 1
                #expect(!error.errors.isEmpty)
            }
        }
        #expect(loaded > 0 && rejected > 0)
    }
}
