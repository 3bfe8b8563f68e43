import ArgumentParser
import Foundation
import KSPCore

struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Load seasons and answer statements: interactively, from -c, from -f, or piped.")

    @Argument(help: "Season directories; none loads the bundled sample season.") var seasonDirectories: [String] = []

    func run() throws {
        print("shell: \(seasonDirectories)")
    }
}
