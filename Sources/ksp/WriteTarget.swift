import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A place ksp has been asked to write (`.output FILE`, `report … to FILE`), checked once for every kind
/// of write: never inside a loaded season's directory — judged on the real path, after symlinks and `..`,
/// so a link into the season or a hard link to one of its files is refused as well — and never into a
/// folder that does not exist.
struct WriteTarget {
    /// The path as the user wrote it (for messages).
    let path: String
    /// The real path: every symlink of the existing part resolved, `.` and `..` removed.
    let resolved: String
    /// What is at the real path now.
    let existing: Existing

    enum Existing: Equatable {
        case nothing
        case regularFile
        case folder
        /// A device, a FIFO or a socket: named for messages ("a device", "a pipe (FIFO)").
        case special(String)
    }

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks a path against the loaded seasons' directories; throws a refusal that says why.
    static func check(_ path: String, seasonDirectories: [String]) throws(Refusal) -> WriteTarget {
        guard !path.isEmpty else { throw Refusal(description: "expected a file name, found an empty one (\"\")") }
        guard !path.utf8.contains(0) else { throw Refusal(description: "a file name cannot hold a NUL character") }
        let resolved = RealPath.resolve(path)
        for directory in seasonDirectories {
            let seasonRoot = RealPath.resolve(directory)
            if resolved == seasonRoot || resolved.hasPrefix(seasonRoot == "/" ? "/" : seasonRoot + "/") {
                let through = resolved == RealPath.lexical(path) ? "" : " (it is \(resolved))"
                throw Refusal(
                    description: "\(path) is inside the season directory \(directory)\(through); "
                        + "ksp never writes there — choose another place")
            }
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else {
            try requireFolder(of: resolved, for: path)
            return WriteTarget(path: path, resolved: resolved, existing: .nothing)
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw Refusal(description: "\(path) is a folder; give a file name inside it") }
        if kind == S_IFREG {
            try refuseHardLinkIntoSeason(info, path: path, seasonDirectories: seasonDirectories)
            return WriteTarget(path: path, resolved: resolved, existing: .regularFile)
        }
        let name = kind == S_IFIFO ? "a pipe (FIFO)" : kind == S_IFSOCK ? "a socket" : "a device"
        return WriteTarget(path: path, resolved: resolved, existing: .special(name))
    }

    /// The folder a new file would go into must exist (and be a folder): say so instead of "no such file".
    private static func requireFolder(of resolved: String, for path: String) throws(Refusal) {
        let folder = (resolved as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let shown = (path as NSString).deletingLastPathComponent
            let named = shown.isEmpty ? folder : shown
            throw Refusal(description: "cannot write \(path): the folder \(named) does not exist")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            let parent = (path as NSString).deletingLastPathComponent
            throw Refusal(description: "cannot write \(path): \(parent) is not a folder")
        }
    }

    /// A hard link has no path to resolve: compare the file itself with every file of each season directory.
    private static func refuseHardLinkIntoSeason(
        _ info: stat, path: String, seasonDirectories: [String]
    ) throws(Refusal) {
        guard info.st_nlink > 1 else { return }
        for directory in seasonDirectories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names {
                var other = stat()
                let file = directory + "/" + name
                if stat(file, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino {
                    throw Refusal(
                        description: "\(path) is the season's own file \(file) (a hard link); "
                            + "ksp never writes there — choose another place")
                }
            }
        }
    }
}

/// Real paths without requiring the file to exist: the existing part is resolved link by link
/// (as the kernel would follow it), the missing rest is appended with `.` and `..` applied.
enum RealPath {
    /// Symlinks followed before giving up (a loop): the kernel's own limit.
    static let maximumLinks = 40

    static func resolve(_ path: String) -> String {
        var pending = components(absolute(path))
        var resolved: [String] = []
        var linksFollowed = 0
        var missing = false
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            if missing {
                resolved.append(part)
                continue
            }
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                missing = true
                resolved.append(part)
                continue
            }
            guard info.st_mode & S_IFMT == S_IFLNK, linksFollowed < maximumLinks,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)
            else {
                resolved.append(part)
                continue
            }
            linksFollowed += 1
            if target.hasPrefix("/") { resolved = [] }
            pending = components(target) + pending
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// The path made absolute with `.` and `..` applied, symlinks left as they are.
    static func lexical(_ path: String) -> String {
        var resolved: [String] = []
        for part in components(absolute(path)) where part != "." && !part.isEmpty {
            if part == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
            } else {
                resolved.append(part)
            }
        }
        return "/" + resolved.joined(separator: "/")
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}

/// What a report file's name ending asks for.
enum ReportFileType {
    case html, markdown, text, pdf, xlsx

    static let known = ".html (or .htm), .pdf, .md, .txt or .xlsx"

    init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": self = .html
        case "md": self = .markdown
        case "txt": self = .text
        case "pdf": self = .pdf
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}
