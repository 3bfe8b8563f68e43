/// Why a figure or a difference was not tested.
public enum UntestedReason: Sendable, Equatable {
    /// A base below the minimum (`.minbase` answers; a test needs at least 2).
    case smallBase(minBase: Int)
    /// Every answer alike in both groups: no spread to measure a difference against.
    case noVariation
}

/// What a significance test said about a figure against the rest of its family, for the machines'
/// `_sig` columns (`above`, `below`, `none`, `untested`).
public enum TestOutcome: Sendable, Equatable {
    case above
    case below
    /// Tested, not significant.
    case notSignificant
    case untested(UntestedReason)
}
