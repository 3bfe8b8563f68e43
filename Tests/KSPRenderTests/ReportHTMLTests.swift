import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

@Suite("Report HTML")
struct ReportHTMLTests {
    func report(_ s: String, season: Season = Fixture.small) throws -> Report {
        guard case .report(let r, _) = try Evaluator(season: season).runAny(s) else {
            throw EvaluationError(SourceRange(0, 0), "not a report")
        }
        return r
    }

    @Test func htmlIsSelfContainedAndBalanced() throws {
        let html = try report("report participant \"Alfa Bank\"").html
        // No external resource: the only URL is the SVG namespace.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(25)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") })
        #expect(!html.contains("<link") && !html.contains("<script") && !html.contains("src="))
        // Every element opened is closed.
        for tag in [
            "html", "body", "table", "tr", "td", "th", "svg", "h1", "h2", "h3", "p", "blockquote", "style", "text",
            "section", "div", "figure",
        ] {
            let opened =
                html.components(separatedBy: "<\(tag)>").count - 1 + html.components(separatedBy: "<\(tag) ").count - 1
            let closed = html.components(separatedBy: "</\(tag)>").count - 1
            #expect(opened == closed, "\(tag): \(opened) opened, \(closed) closed")
        }
        #expect(html.contains("<meta charset=\"utf-8\">"))
        // Print-ready: A4 pages, no table or chart cut across a page.
        #expect(html.contains("@page{size:A4") && html.contains("break-inside:avoid"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
    func htmlRendersInChromium() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("r.html")
        let png = dir.appendingPathComponent("r.png")
        try report("report participant \"Alfa Bank\"").html.write(to: html, atomically: true, encoding: .utf8)
        func chromium(_ args: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
            p.arguments =
                ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + args + [html.absoluteString]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        // The rendered DOM keeps the charts and the Norwegian letters.
        let dom = try chromium(["--dump-dom"])
        #expect(dom.contains("<svg") && dom.contains("<rect") && dom.contains("<circle"))
        #expect(dom.contains("Følte") || dom.contains("Svar- og ventetid"))
        _ = try chromium(["--window-size=1000,2000", "--screenshot=\(png.path)"])
        let bytes = try Data(contentsOf: png)
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(bytes.count > 20_000)  // a drawn page, not a blank one
    }
}
