import Foundation
import Synchronization

/// Keeps a mapped file that shrinks while it is read from ending the process.
///
/// Reading a page of a mapping past the end of its (truncated) file raises SIGBUS. While a file is
/// mapped its range is registered here; the handler puts a page of zeros (PROT_READ, anonymous) over
/// the vanished page, marks the mapping as changed and returns, so the read is retried and sees zeros.
/// The loader checks the mark after loading and reads the file again. A bus error anywhere else is
/// handed to the handler that was installed before (the Swift runtime's, or the default: the process ends).
enum MappedFileGuard {
    /// One mapped range; `base` 0 when the slot is free.
    final class Slot: Sendable {
        let base = Atomic<Int>(0)
        let end = Atomic<Int>(0)
        let changed = Atomic<Bool>(false)
    }

    /// A registered mapping, to unregister and to ask whether it changed.
    struct Registration {
        let slot: Int
    }

    /// Loads running at once (tests load many seasons in parallel); a load that finds no free slot
    /// reads its file instead.
    static let slots: [Slot] = (0..<64).map { _ in Slot() }
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The handler is installed once, on the first mapping.
    private static let installed: Bool = {
        // What the handler reads is made before it can run (no lazy initialisation inside a signal handler).
        _ = slots.count
        _ = pageSize
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handleBusError
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        return withUnsafeMutablePointer(to: &previousBusErrorAction) { sigaction(SIGBUS, &action, $0) } == 0
    }()

    static func register(base: UnsafeRawPointer, count: Int) -> Registration? {
        guard installed else { return nil }
        let start = Int(bitPattern: base)
        for (index, slot) in slots.enumerated() {
            // A free slot's end is 0 (set so before its base, on unregistering): no fault matches it yet.
            if slot.base.compareExchange(expected: 0, desired: start, ordering: .sequentiallyConsistent).exchanged {
                slot.changed.store(false, ordering: .sequentiallyConsistent)
                slot.end.store(start + count, ordering: .sequentiallyConsistent)
                return Registration(slot: index)
            }
        }
        return nil
    }

    static func unregister(_ registration: Registration) {
        let slot = slots[registration.slot]
        slot.end.store(0, ordering: .sequentiallyConsistent)
        slot.base.store(0, ordering: .sequentiallyConsistent)
    }

    static func changed(_ registration: Registration) -> Bool {
        slots[registration.slot].changed.load(ordering: .sequentiallyConsistent)
    }
}

/// The action for SIGBUS before ours, for faults outside the registered mappings.
nonisolated(unsafe) private var previousBusErrorAction = sigaction()

private func handleBusError(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    let address = info.map { Int(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
    for slot in MappedFileGuard.slots {
        let base = slot.base.load(ordering: .sequentiallyConsistent)
        let end = slot.end.load(ordering: .sequentiallyConsistent)
        guard base != 0, address >= base, address < end else { continue }
        let page = address & ~(MappedFileGuard.pageSize - 1)
        let zeros = mmap(
            UnsafeMutableRawPointer(bitPattern: page), MappedFileGuard.pageSize, PROT_READ,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
        if zeros != MAP_FAILED {
            slot.changed.store(true, ordering: .sequentiallyConsistent)
            return
        }
    }
    // Not a mapped season file: the fault repeats on return, under the previous action.
    withUnsafeMutablePointer(to: &previousBusErrorAction) { _ = sigaction(SIGBUS, $0, nil) }
}
