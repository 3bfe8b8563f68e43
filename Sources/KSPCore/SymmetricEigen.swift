/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations: exact to
/// rounding for the handful of predictors `drivers` uses, and free of any linear-algebra library.
public enum SymmetricEigen {
    /// `matrix` is row-major `size × size` and symmetric. Returns the eigenvalues and the eigenvectors
    /// as the columns of a row-major matrix (`vectors[row * size + k]` is row `row` of vector k).
    ///
    /// `near`: the eigenvectors (in the same layout) of a matrix close to this one. The rotations then start from
    /// them — from Vᵀ M V, already nearly diagonal — and need a sweep or two instead of many: the bootstrap's
    /// rounds on a large base (`MomentDraw`) each decompose a small perturbation of the same matrix.
    public static func decompose(_ matrix: [Double], size: Int, near: [Double]? = nil)
        -> (values: [Double], vectors: [Double])
    {
        var a = matrix
        var vectors = [Double](repeating: 0, count: size * size)
        let warm = near?.count == size * size
        if warm, let near {
            vectors = near
            a = rotated(matrix, by: near, size: size)
        } else {
            for k in 0..<size { vectors[k * size + k] = 1 }
        }
        a.withUnsafeMutableBufferPointer { a in
            vectors.withUnsafeMutableBufferPointer { vectors in
                sweep(a, vectors, size: size, warm: warm)
            }
        }
        return ((0..<size).map { a[$0 * size + $0] }, vectors)
    }

    /// Vᵀ M V (row-major), made exactly symmetric.
    static func rotated(_ matrix: [Double], by basis: [Double], size: Int) -> [Double] {
        var product = [Double](repeating: 0, count: size * size)  // M V
        var result = [Double](repeating: 0, count: size * size)  // Vᵀ (M V)
        matrix.withUnsafeBufferPointer { matrix in
            basis.withUnsafeBufferPointer { basis in
                product.withUnsafeMutableBufferPointer { product in
                    for row in 0..<size {
                        for k in 0..<size {
                            let value = matrix[row &* size &+ k]
                            for col in 0..<size { product[row &* size &+ col] += value * basis[k &* size &+ col] }
                        }
                    }
                }
                result.withUnsafeMutableBufferPointer { result in
                    for k in 0..<size {
                        for row in 0..<size {
                            let value = basis[k &* size &+ row]
                            for col in 0..<size { result[row &* size &+ col] += value * product[k &* size &+ col] }
                        }
                    }
                }
            }
        }
        for row in 0..<size {
            for col in (row + 1)..<size {
                let mean = (result[row * size + col] + result[col * size + row]) / 2
                result[row * size + col] = mean
                result[col * size + row] = mean
            }
        }
        return result
    }

    /// Cyclic sweeps until the off-diagonal part vanishes (at most 100). `warm`: started from a nearby matrix's
    /// eigenvectors, where the off-diagonal elements are small from the first sweep on.
    private static func sweep(
        _ a: UnsafeMutableBufferPointer<Double>, _ vectors: UnsafeMutableBufferPointer<Double>, size: Int,
        warm: Bool
    ) {
        for sweepIndex in 0..<100 {
            var offDiagonal = 0.0
            for row in 0..<size {
                for col in (row + 1)..<size { offDiagonal += a[row * size + col] * a[row * size + col] }
            }
            if offDiagonal < 1e-30 { break }
            for p in 0..<size {
                for q in (p + 1)..<size {
                    // After a few sweeps (from the first on a warm start) an element too small to change either
                    // diagonal entry is rounding: it is set to zero instead of rotated (Numerical Recipes' threshold).
                    let apq = abs(a[p * size + q])
                    let g = 100 * apq
                    if sweepIndex > 3 || warm, abs(a[p * size + p]) + g == abs(a[p * size + p]),
                        abs(a[q * size + q]) + g == abs(a[q * size + q])
                    {
                        a[p * size + q] = 0
                        a[q * size + p] = 0
                        continue
                    }
                    rotate(a, vectors, size: size, p: p, q: q)
                }
            }
        }
    }

    /// One Jacobi rotation that zeroes a[p][q].
    private static func rotate(
        _ a: UnsafeMutableBufferPointer<Double>, _ vectors: UnsafeMutableBufferPointer<Double>, size: Int, p: Int,
        q: Int
    ) {
        let apq = a[p * size + q]
        if abs(apq) < 1e-300 { return }
        let theta = (a[q * size + q] - a[p * size + p]) / (2 * apq)
        let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        // A stays symmetric: rows p and q are rotated and mirrored into columns p and q, and the 2 × 2 block
        // is set directly (Numerical Recipes' form), one pass instead of a row pass and a column pass.
        let app = a[p * size + p]
        let aqq = a[q * size + q]
        for k in 0..<size where k != p && k != q {
            let apk = a[p * size + k]
            let aqk = a[q * size + k]
            let rotatedP = c * apk - s * aqk
            let rotatedQ = s * apk + c * aqk
            a[p * size + k] = rotatedP
            a[k * size + p] = rotatedP
            a[q * size + k] = rotatedQ
            a[k * size + q] = rotatedQ
        }
        a[p * size + p] = app - t * apq
        a[q * size + q] = aqq + t * apq
        a[p * size + q] = 0
        a[q * size + p] = 0
        for k in 0..<size {
            let vkp = vectors[k * size + p]
            let vkq = vectors[k * size + q]
            vectors[k * size + p] = c * vkp - s * vkq
            vectors[k * size + q] = s * vkp + c * vkq
        }
    }
}
