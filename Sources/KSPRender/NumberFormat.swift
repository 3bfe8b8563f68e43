import Foundation
import KSPCore
import KSPQuery

/// Formatting of numbers shared by every renderer.
public enum NumberFormat {
    /// One decimal, rounded half away from zero, `-0.0` written as `0.0`.
    public static func oneDecimal(_ v: Double) -> String { decimals(v, 1) }

    public static func decimals(_ v: Double, _ places: Int) -> String {
        guard v.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        if r > 1e17 { return String(v) }
        let whole = Int(r) / Int(scale)
        let frac = Int(r) % Int(scale)
        let sign = v < 0 && r > 0 ? "-" : ""
        if places == 0 { return sign + String(whole) }
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: places - f.count) + f
    }

    /// The text of a number in table and markdown.
    public static func display(_ v: Double?, _ style: NumberStyle) -> String {
        guard let v, v.isFinite else { return "" }
        switch style {
        case .score: return oneDecimal(v)
        case .percent: return oneDecimal(v) + " %"
        case .difference: return (v > 0 && oneDecimal(v) != "0.0" ? "+" : "") + oneDecimal(v)
        case .count: return decimals(v, 0)
        case .seconds: return WaitDuration.format(seconds: v)
        case .pValue: return v < 0.001 ? "<0.001" : decimals(v, 3)
        }
    }

    /// The text of a number in csv and json: `.` decimals, at least one decimal, no thousands separators.
    public static func machine(_ v: Double?, _ style: NumberStyle) -> String {
        guard let v, v.isFinite else { return "" }
        switch style {
        case .count: return decimals(v, 0)
        case .pValue: return v < 0.0001 ? String(format: "%.2e", v) : decimals(v, 4)
        case .seconds: return decimals(v, 1)
        default: return decimals(v, 1)
        }
    }
}
