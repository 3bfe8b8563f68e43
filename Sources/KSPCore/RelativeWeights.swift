/// Relative weights (Johnson 2000, "A heuristic method for estimating the relative weight of predictor
/// variables in multiple regression"): the predictors are replaced by their closest orthogonal
/// counterparts Z (Z = X R^{-1/2}), the outcome is regressed on Z, and each predictor gets the part of
/// R² that flows through its loadings on Z. The weights are never negative and add up to R².
public struct RelativeWeightResult: Sendable, Equatable {
    /// Raw weights: each predictor's part of R² (they add up to `rSquared`).
    public var weights: [Double]
    public var rSquared: Double
    /// Each weight as a share of R², in % (they add up to 100).
    public var shares: [Double] { weights.map { rSquared > 0 ? $0 / rSquared * 100 : 0 } }
}

public enum RelativeWeights {
    /// One bootstrap round's shares (%). A predictor the same in every drawn row (its correlations NaN) explains
    /// nothing in that round: its share is 0 and the others share R² without it. Nil when no predictor varies, the
    /// outcome does not (every correlation NaN), or the correlations cannot be decomposed.
    public static func sharesOfARound(correlations: [Double], withOutcome: [Double], near: [Double]?) -> [Double]? {
        let size = withOutcome.count
        let varying = (0..<size).filter { withOutcome[$0].isFinite }
        if varying.count == size {
            return compute(correlations: correlations, withOutcome: withOutcome, near: near)?.shares
        }
        guard !varying.isEmpty else { return nil }
        let reduced = varying.flatMap { a in varying.map { b in correlations[a * size + b] } }
        guard let weights = compute(correlations: reduced, withOutcome: varying.map { withOutcome[$0] }) else {
            return nil
        }
        var shares = [Double](repeating: 0, count: size)
        for (k, p) in varying.enumerated() { shares[p] = weights.shares[k] }
        return shares
    }

    /// Eigenvalues at or below this (relative to the number of predictors) make the correlation matrix
    /// singular: perfectly collinear predictors.
    public static let singularEigenvalue = 1e-10

    /// Relative weights from the predictors' correlation matrix (row-major `count × count`) and their
    /// correlations with the outcome; nil when the matrix is singular. `near`: the eigenvectors of a correlation
    /// matrix close to this one, to start the decomposition from (`SymmetricEigen.decompose`).
    public static func compute(correlations: [Double], withOutcome: [Double], near: [Double]? = nil)
        -> RelativeWeightResult?
    {
        let size = withOutcome.count
        guard size > 0, correlations.count == size * size, correlations.allSatisfy(\.isFinite),
            withOutcome.allSatisfy(\.isFinite)
        else { return nil }
        let (values, vectors) = SymmetricEigen.decompose(correlations, size: size, near: near)
        guard values.allSatisfy({ $0 > singularEigenvalue * Double(size) }) else { return nil }
        // Λ = R^{1/2} = V D^{1/2} Vᵀ: the predictors' correlations with Z.
        var loadings = [Double](repeating: 0, count: size * size)
        // β = R^{-1/2} r: the outcome regressed on the orthogonal Z.
        var beta = [Double](repeating: 0, count: size)
        for k in 0..<size {
            let root = values[k].squareRoot()
            var projection = 0.0
            for row in 0..<size { projection += vectors[row * size + k] * withOutcome[row] }
            for row in 0..<size {
                beta[row] += vectors[row * size + k] * projection / root
                for col in 0..<size {
                    loadings[row * size + col] += vectors[row * size + k] * root * vectors[col * size + k]
                }
            }
        }
        var weights = [Double](repeating: 0, count: size)
        for j in 0..<size {
            for k in 0..<size {
                let loading = loadings[j * size + k]
                weights[j] += loading * loading * beta[k] * beta[k]
            }
        }
        let rSquared = beta.reduce(0) { $0 + $1 * $1 }
        guard rSquared.isFinite, weights.allSatisfy(\.isFinite) else { return nil }
        return RelativeWeightResult(weights: weights, rSquared: rSquared)
    }
}
