import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One headless Chromium that ksp keeps running and drives over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: it reads commands on its descriptor 3 and answers on 4, JSON
/// messages each ended by a NUL). Starting Chromium takes a second or two; printing a page in one
/// already running takes a fraction of that, which is what makes 190 PDFs a matter of a minute.
final class DevToolsPipe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// Ctrl-C, not a fault of Chromium's.
        var isInterruption = false

        static let interrupted = Failure(description: "interrupted", isInterruption: true)
    }

    /// An answer or an event: the decoded JSON object.
    typealias Message = [String: Any]

    private let child: pid_t
    private let commands: Int32
    private let answers: Int32
    private var buffer: [UInt8] = []
    private var nextId = 0
    /// The page's session (`Target.attachToTarget` with `flatten`).
    private var pageSession = ""
    private let isCancelled: () -> Bool
    private static let starting = NSLock()

    /// Starts Chromium on a blank page and attaches to it; its profile and temporary files go into
    /// `workFolder` (the caller's to remove).
    init(chromium: String, workFolder: String, timeLimit: Double, isCancelled: @escaping () -> Bool) throws(Failure) {
        self.isCancelled = isCancelled
        var toChromium: [Int32] = [0, 0]
        var fromChromium: [Int32] = [0, 0]
        let arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--user-data-dir=\(workFolder)/profile", "--remote-debugging-pipe",
            "about:blank",
        ]
        // One start at a time: a pipe made by one worker must not leak into the Chromium another starts
        // before it is marked close-on-exec (Glibc's pipe2 is not visible to Swift).
        let started: pid_t? = DevToolsPipe.starting.withLock {
            guard pipe(&toChromium) == 0 else { return nil }
            guard pipe(&fromChromium) == 0 else {
                close(toChromium[0])
                close(toChromium[1])
                return nil
            }
            for descriptor in toChromium + fromChromium { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            let child = ChildProcess.start(
                chromium, arguments, descriptors: [3: toChromium[0], 4: fromChromium[1]], temporaryFolder: workFolder)
            close(toChromium[0])
            close(fromChromium[1])
            if child == nil {
                close(toChromium[1])
                close(fromChromium[0])
            }
            return child
        }
        guard let started else { throw Failure(description: "cannot start \(chromium): \(DevToolsPipe.lastError())") }
        child = started
        commands = toChromium[1]
        answers = fromChromium[0]
        do {
            let targets = try call("Target.getTargets", [:], session: nil, timeLimit: timeLimit)
            let infos = (targets["targetInfos"] as? [[String: Any]]) ?? []
            let page = infos.first { ($0["type"] as? String) == "page" }?["targetId"] as? String
            let targetId: String
            if let page {
                targetId = page
            } else {
                let created = try call(
                    "Target.createTarget", ["url": "about:blank"], session: nil, timeLimit: timeLimit)
                targetId = created["targetId"] as? String ?? ""
            }
            let attached = try call(
                "Target.attachToTarget", ["targetId": targetId, "flatten": true], session: nil, timeLimit: timeLimit)
            pageSession = attached["sessionId"] as? String ?? ""
            _ = try call("Page.enable", [:], session: pageSession, timeLimit: timeLimit)
        } catch {
            end()
            throw error
        }
    }

    /// Stops Chromium (and the helpers it started).
    func end() {
        close(commands)
        close(answers)
        ChildProcess.end(child)
    }

    /// Loads the page at `url` and prints it: the PDF's bytes.
    func printPage(_ url: URL, timeLimit: Double) throws(Failure) -> Data {
        let deadline = Date().addingTimeInterval(timeLimit)
        let navigation = send("Page.navigate", ["url": url.absoluteString], session: pageSession)
        var navigated = false
        var loaded = false
        while !(navigated && loaded) {
            let message = try receive(until: deadline)
            if (message["id"] as? Int) == navigation {
                if let error = message["error"] as? [String: Any] { throw Failure(description: describe(error)) }
                navigated = true
            } else if (message["method"] as? String) == "Page.loadEventFired" {
                loaded = true
            }
        }
        // A4 (in inches) unless the page's own CSS names a size.
        let options: [String: Any] = [
            "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false,
            "paperWidth": 8.27, "paperHeight": 11.69,
        ]
        let printed = try answer(to: send("Page.printToPDF", options, session: pageSession), until: deadline)
        guard let base64 = printed["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw Failure(description: "Chromium printed no PDF")
        }
        return pdf
    }

    private func call(
        _ method: String, _ parameters: [String: Any], session: String?, timeLimit: Double
    ) throws(Failure) -> Message {
        try answer(to: send(method, parameters, session: session), until: Date().addingTimeInterval(timeLimit))
    }

    /// The result of command `id` (events before it are passed over).
    private func answer(to id: Int, until deadline: Date) throws(Failure) -> Message {
        while true {
            let message = try receive(until: deadline)
            guard (message["id"] as? Int) == id else { continue }
            if let error = message["error"] as? [String: Any] { throw Failure(description: describe(error)) }
            return message["result"] as? Message ?? [:]
        }
    }

    private func send(_ method: String, _ parameters: [String: Any], session: String?) -> Int {
        nextId += 1
        var message: [String: Any] = ["id": nextId, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        let json = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
        _ = AtomicFile.writeAll(Array(json) + [0], to: commands)
        return nextId
    }

    /// The next whole message; waits (a slice at a time, to notice Ctrl-C) until the deadline.
    private func receive(until deadline: Date) throws(Failure) -> Message {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let bytes = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                if let message = (try? JSONSerialization.jsonObject(with: bytes)) as? Message { return message }
                continue
            }
            if isCancelled() { throw Failure.interrupted }
            if Date() >= deadline { throw Failure(description: "Chromium did not answer in time") }
            var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 50)
            if polled < 0 && errno != EINTR { throw Failure(description: DevToolsPipe.lastError()) }
            guard polled > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "Chromium stopped unexpectedly") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    private func describe(_ error: [String: Any]) -> String {
        "Chromium: \(error["message"] as? String ?? "an error")"
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
