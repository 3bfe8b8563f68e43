/// File names for a batch of reports, made from participants' and classes' names: letters (æøå and
/// every other script), digits, spaces and a few harmless marks are kept; `/`, `\`, `"`, `:`, control
/// characters and anything a file system or a shell could trip on become `_`. Names that meet after
/// that are told apart by " (2)", " (3)" …, compared without case (macOS and Windows disks ignore it).
struct ReportFileNames {
    /// Bytes a name may take with its ending (most file systems allow 255; room is left for the
    /// temporary name a file is written under before it is renamed).
    static let maximumBytes = 200
    /// Marks kept as they are besides letters, digits and spaces.
    static let keptMarks: Set<Character> = ["-", "_", ".", ",", "(", ")", "&", "+", "'", "!", "@", "=", "#", "%"]

    let ending: String
    private var taken: Set<String>

    /// `reserved`: names already in use in the folder by the batch itself (`index.html`).
    init(ending: String, reserved: [String] = []) {
        self.ending = ending
        taken = Set(reserved.map { $0.lowercased() })
    }

    /// A name no earlier call has given, ending in `.ending`.
    mutating func next(for name: String) -> String {
        let stem = ReportFileNames.safeStem(name)
        var candidate = ReportFileNames.fitted(stem, suffix: "." + ending)
        var number = 2
        while taken.contains(candidate.lowercased()) {
            candidate = ReportFileNames.fitted(stem, suffix: " (\(number))." + ending)
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The name with every unsafe character replaced; never empty, never hidden (a leading dot), no
    /// spaces or dots at the end (Windows drops them).
    static func safeStem(_ name: String) -> String {
        var stem = ""
        var lastWasSpace = false
        for character in name {
            let safe: Character
            if character.isLetter || character.isNumber || keptMarks.contains(character) {
                safe = character
            } else if character == " " || character == "\t" {
                safe = " "
            } else {
                safe = "_"
            }
            if safe == " " && (lastWasSpace || stem.isEmpty) { continue }
            lastWasSpace = safe == " "
            stem.append(safe)
        }
        while let last = stem.last, last == " " || last == "." { stem.removeLast() }
        if stem.first == "." { stem = "_" + stem.dropFirst() }
        return stem.isEmpty ? "_" : stem
    }

    /// The stem cut (at a whole character) so that stem and suffix fit in `maximumBytes`.
    static func fitted(_ stem: String, suffix: String) -> String {
        var cut = stem
        while !cut.isEmpty && cut.utf8.count + suffix.utf8.count > maximumBytes { cut.removeLast() }
        while let last = cut.last, last == " " || last == "." { cut.removeLast() }
        return (cut.isEmpty ? "_" : cut) + suffix
    }
}
