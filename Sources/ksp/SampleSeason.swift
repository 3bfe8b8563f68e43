import Foundation

/// Finds the bundled sample season, so that `ksp` with no argument opens something to explore.
///
/// In order: `$KSP_SAMPLE`; then beside the executable, walking up from it, `samples/ksp2024`
/// (a source checkout, where the binary is under `.build/…`) or `share/ksp/samples/ksp2024`
/// (an unpacked tarball, where it is `bin/ksp`); then the installed `/usr/share/ksp`; last
/// `samples/ksp2024` in the current directory.
enum SampleSeason {
    static let installed = "/usr/share/ksp/samples/ksp2024"

    static func directory() -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["KSP_SAMPLE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for relative in ["samples/ksp2024", "share/ksp/samples/ksp2024"] {
                let candidate = folder.appendingPathComponent(relative)
                if isSeason(candidate.path) {
                    return candidate.path
                }
            }
            folder = folder.deletingLastPathComponent()
        }
        if isSeason(installed) {
            return installed
        }
        return "samples/ksp2024"
    }

    private static func isSeason(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("season.yaml"))
    }
}
