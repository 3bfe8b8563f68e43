import Foundation
import Synchronization
import Testing

@testable import ksp

/// The history file shared by shells: appends and compactions by others must not lose an entry.
@Suite("History file", .serialized)
struct HistoryFileTests {
    /// One shell appends while another compacts, each with its own descriptors (as two processes have):
    /// compaction keeps a suffix of the history, so the appended entries left in the file must be an unbroken
    /// run ending with the last one typed. A lost entry is a gap in that run.
    @Test func appendsAndCompactionsExcludeEachOther() throws {
        let home = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("history").path
        let older = (1...190).map { "n where K1 > \($0)" }.joined(separator: "\n") + "\n"
        try older.write(toFile: path, atomically: true, encoding: .utf8)
        let typed = 3000
        let typingDone = Atomic<Bool>(false)
        let compactorDone = DispatchSemaphore(value: 0)
        let compactor = Thread {
            while !typingDone.load(ordering: .relaxed) {
                HistoryFile.compact(path, limit: 100)
            }
            compactorDone.signal()
        }
        compactor.start()
        for number in 0..<typed {
            HistoryFile.append("total where K2 > \(number)", to: path)
        }
        typingDone.store(true, ordering: .relaxed)
        compactorDone.wait()
        let entries = HistoryFile.read(path) ?? []
        let numbers = entries.compactMap { entry in
            entry.hasPrefix("total where K2 > ") ? Int(entry.dropFirst("total where K2 > ".count)) : nil
        }
        #expect(numbers.last == typed - 1)
        let lost = zip(numbers, numbers.dropFirst()).filter { $1 != $0 + 1 }.map { "after \($0.0): \($0.1)" }
        #expect(lost == [])
        #expect(numbers.count >= 100)
    }
}
