// ksp-bench: load and statement timings of one season, in a release build.
//
//   ksp-bench SEASON_DIR [--runs N]
//   ksp-bench SEASON_DIR --statements     (prints the statements, one per line, and times nothing)
//   ksp-bench SEASON_DIR --only 'TEXT|…'  (times only the statements that contain one of the TEXTs)
//
// Prints one line per measurement as `name<TAB>median ms<TAB>min ms`, then the process's
// peak memory. `--statements` feeds Benchmarks/same-figures.sh, which checks that a change leaves every
// figure of these statements as it was. Run it once per season (each in its own process, so the peak is that season's).
import Foundation
import KSPCore
import KSPQuery

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, min: Double) {
    var times: [Double] = []
    for _ in 0..<runs {
        let t = now()
        try body()
        times.append(Double(now() - t) / 1e6)
    }
    times.sort()
    return (times[times.count / 2], times[0])
}

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: ksp-bench SEASON_DIR [--runs N]\n".data(using: .utf8)!)
    exit(64)
}
let dir = args[1]
let runs = args.firstIndex(of: "--runs").flatMap { Int(args[$0 + 1]) } ?? 5

var season: Season!
let load: (median: Double, min: Double)
do {
    load = try measure(max(1, runs / 2 + 1)) { season = try SeasonLoader.load(directory: dir) }
} catch {
    // A season that does not load is a message and status 2, as for ksp, not a trap.
    FileHandle.standardError.write("ksp-bench: \(error)\n".data(using: .utf8)!)
    exit(2)
}
print("load+score\t\(String(format: "%.2f", load.median))\t\(String(format: "%.2f", load.min))")

// A participant of the season's largest class, so the statements do not depend on the sample's names.
var perClass = [Int](repeating: 0, count: season.classes.count)
for p in season.participants { perClass[p.classIndex] += 1 }
let bigClass = perClass.indices.max { perClass[$0] < perClass[$1] }!
let className = season.classes[bigClass]
let participant = season.participants.first { $0.classIndex == bigClass }!.name
let otherClass = season.classes[(bigClass + 1) % season.classes.count]
let channels = season.definition.channels.map(\.id)
let agentArea = season.definition.areas.max { $0.weight < $1.weight }!.id
let midDate =
    season.dateRange.map { CivilDate(dayNumber: ($0.first.dayNumber + $0.last.dayNumber) / 2).description }
    ?? "2024-03-01"

let driverOutcome = season.definition.questionIndex(metric: .nps) == nil ? "total" : "nps"
let statements = [
    "total by class",
    "total, \(season.definition.areas.filter { $0.weight > 0 }.map(\.id).joined(separator: ", ")) by participant where class = \"\(className)\" order by total desc",
    "areas by channel",
    "total by class across channel",
    "nps, csat by channel where class in (\"\(className)\", \"\(otherClass)\")",
    "n, noanswer, noanswer1 by channel",
    "questions by channel where area = \(agentArea)",
    "total by participant where channel != \(channels.last!) and date < \(midDate) top 10",
    "compare channel \(channels[0]) vs \(channels[min(1, channels.count - 1)]) on areas",
    "compare participant \"\(participant)\" vs class",
    "winners",
    "quotes where participant = \"\(participant)\" and total < 50 top 5",
    "total by participant",
    "questions by channel",
    // What it takes and what drives it (issue 14); drivers includes its 1000-round bootstrap.
    "gap participant \"\(participant)\"",
    "gap participant \"\(participant)\" to all",
    "drivers of \(driverOutcome)",
    "drivers of \(driverOutcome) on questions where area = \(agentArea)",
]
if args.contains("--statements") {
    for s in statements { print(s) }
    exit(0)
}
let evaluator = Evaluator(season: season)
// While working on a few statements, skip the slow ones (winners and drivers take seconds at 100×).
let only = args.firstIndex(of: "--only").flatMap { args.indices.contains($0 + 1) ? args[$0 + 1] : nil }
let wanted = only.map { $0.split(separator: "|").map(String.init) }
for s in statements where wanted?.contains(where: { s.contains($0) }) ?? true {
    let parsed = try Parser.parse(s)
    let m = try measure(runs) { _ = try evaluator.evaluate(parsed) }
    print("\(s)\t\(String(format: "%.3f", m.median))\t\(String(format: "%.3f", m.min))")
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak memory MB\t\(usage.ru_maxrss / 1024)\t\(usage.ru_maxrss / 1024)")
