import Foundation

/// Durations in season.yaml: a number with unit `s`, `m`, `h` or `d` (`40s`, `2m`, `3d`).
/// Stored as seconds; a `d` is 24 hours on either clock (24 business hours on the business clock).
public enum WaitDuration {
    /// Parses `40s`, `1.5m`, `4h`, `3d`; nil when the text is not a duration.
    public static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let unit = t.last, t.count >= 2 else { return nil }
        let factor: Double
        switch unit {
        case "s": factor = 1
        case "m": factor = 60
        case "h": factor = 3600
        case "d": factor = 86400
        default: return nil
        }
        guard let value = Double(t.dropLast()), value.isFinite, value >= 0 else { return nil }
        return value * factor
    }

    /// A short human form: `45s`, `2m 05s`, `3.5h`, `1.2d`.
    public static func format(seconds: Double) -> String {
        // Beyond about 30 million years the tenths no longer fit an Int: no real wait is that long.
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "" }
        let s = seconds.rounded()
        if s < 60 { return "\(Int(s))s" }
        if s < 3600 {
            let m = Int(s) / 60
            let r = Int(s) % 60
            return r < 10 ? "\(m)m 0\(r)s" : "\(m)m \(r)s"
        }
        if s < 86400 { return formatOneDecimal(seconds / 3600) + "h" }
        return formatOneDecimal(seconds / 86400) + "d"
    }

    static func formatOneDecimal(_ v: Double) -> String {
        let tenths = (v * 10).rounded()
        let whole = Int(tenths) / 10
        let frac = Int(tenths) % 10
        return "\(whole).\(frac)"
    }
}
