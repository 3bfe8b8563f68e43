/// Cell references as Excel writes them: `G17` is column 6 (0-based), row 17 (1-based).
public enum XLSXCellReference {
    /// `A`, `Z`, `AA` … for a 0-based column.
    public static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let remainder = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// The 0-based column of a reference (`G17` → 6); nil when it does not start with column letters or the
    /// column lies beyond Excel's last (XFD, 16 384 columns).
    public static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) else { break }
            let value = Int(scalar.properties.uppercaseMapping.unicodeScalars.first?.value ?? 65) - 64
            column = column * 26 + value
            letters += 1
            if column > maximumColumns { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    public static let maximumColumns = 16_384
    public static let maximumRows = 1_048_576

    /// A sheet name as a reference writes it: quoted (`'Mitt ark'`) when it holds anything but letters,
    /// digits and `_`, with a quote doubled.
    public static func sheetPrefix(_ sheet: String) -> String {
        let plain =
            !sheet.isEmpty
            && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
