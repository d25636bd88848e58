import Foundation

/// An Isolation Forest (Liu, Ting & Zhou, ICDM 2008): `t` random trees, each grown on `ψ` rows sampled
/// without replacement, split on a random attribute at a uniform random value between its min and max,
/// up to the height limit ⌈log₂ψ⌉. A row's score is 2^(−E[h(x)]/c(ψ)); near 1 is anomalous, ≤ 0.5 normal.
///
/// Layout: every tree is stored as a *perfect* binary tree of height ⌈log₂ψ⌉ in flat arrays (node i has
/// children 2i+1 and 2i+2), so scoring is a fixed number of branch-free steps with no pointers and no
/// allocation. A leaf reached early (one row left, or all attributes constant) becomes a chain of
/// "always left" nodes (threshold +∞) ending in a leaf that holds the early leaf's path length
/// depth + c(size), precomputed.
public struct IsolationForest: Sendable, Equatable {
    /// Training parameters; the defaults are the paper's.
    public struct Parameters: Sendable, Hashable, Codable {
        public var trees: Int
        public var sampleSize: Int
        public var seed: UInt64
        /// Parameters; the defaults are t = 100 trees of ψ = 256 rows.
        public init(trees: Int = 100, sampleSize: Int = 256, seed: UInt64 = 0x5EED) {
            self.trees = trees
            self.sampleSize = sampleSize
            self.seed = seed
        }
    }

    public let parameters: Parameters
    /// Columns per row.
    public let featureCount: Int
    /// ψ actually used: min(sampleSize, rows).
    public let effectiveSampleSize: Int
    /// The height limit ⌈log₂ψ⌉; every stored tree has exactly this height.
    public let height: Int
    /// c(ψ), the normaliser of the score.
    public let normalizer: Double
    /// Split attribute per internal node, tree after tree ((2^height − 1) per tree).
    public internal(set) var splitFeatures: [UInt16]
    /// Split value per internal node: a row goes right when `x[feature] >= threshold`.
    public internal(set) var thresholds: [Float]
    /// Path length per leaf (2^height per tree): leaf depth + c(rows that reached it).
    public internal(set) var leafPathLengths: [Float]

    /// Internal nodes per tree.
    public var internalCount: Int { (1 << height) - 1 }
    /// Leaves per tree.
    public var leafCount: Int { 1 << height }

    /// Euler–Mascheroni constant, for the harmonic-number estimate H(i) ≈ ln i + γ.
    static let eulerGamma = 0.577_215_664_901_532_9

    /// c(n): the average path length of an unsuccessful binary-search-tree search among n items, the
    /// expected depth a leaf of n rows would have grown to: 2H(n−1) − 2(n−1)/n, with c(2) = 1 exactly
    /// (the approximation of H(1) is poor) and c(n ≤ 1) = 0.
    public static func averagePathLength(_ n: Int) -> Double {
        if n <= 1 { return 0 }
        if n == 2 { return 1 }
        let m = Double(n - 1)
        return 2 * (log(m) + eulerGamma) - 2 * m / Double(n)
    }

    /// The anomaly score for a mean path length: 2^(−E[h]/c(ψ)).
    public static func score(meanPathLength: Double, sampleSize: Int) -> Double {
        let c = averagePathLength(sampleSize)
        return c > 0 ? exp2(-meanPathLength / c) : 0.5
    }

    init(
        parameters: Parameters, featureCount: Int, effectiveSampleSize: Int, height: Int, splitFeatures: [UInt16],
        thresholds: [Float], leafPathLengths: [Float]
    ) {
        self.parameters = parameters
        self.featureCount = featureCount
        self.effectiveSampleSize = effectiveSampleSize
        self.height = height
        self.normalizer = Self.averagePathLength(effectiveSampleSize)
        self.splitFeatures = splitFeatures
        self.thresholds = thresholds
        self.leafPathLengths = leafPathLengths
    }

    /// Fits a forest on `matrix` (row-major, `featureCount` columns). Throws on an empty matrix, a wrong
    /// shape, non-finite values or bad parameters.
    public static func fit(
        _ matrix: FeatureMatrix, parameters: Parameters = Parameters()
    ) throws(AnomalyError)
        -> IsolationForest
    {
        let n = matrix.rows
        let d = matrix.columns
        guard n > 0, d > 0 else { throw AnomalyError(.invalidData, "cannot fit on an empty matrix (\(n)×\(d))") }
        guard d <= Int(UInt16.max) else { throw AnomalyError(.invalidData, "too many features (\(d))") }
        guard parameters.trees > 0, parameters.trees <= 100_000, parameters.sampleSize > 0 else {
            throw AnomalyError(.invalidData, "trees and sample size must be positive (t=\(parameters.trees), ψ=\(parameters.sampleSize))")
        }
        guard matrix.values.allSatisfy(\.isFinite) else { throw AnomalyError(.invalidData, "the matrix holds NaN or infinite values") }
        let psi = min(parameters.sampleSize, n)
        var height = 0
        while (1 << height) < psi { height += 1 }
        let inner = (1 << height) - 1
        let leaves = 1 << height
        var features = [UInt16](repeating: 0, count: inner * parameters.trees)
        var thresholds = [Float](repeating: .infinity, count: inner * parameters.trees)
        var pathLengths = [Float](repeating: 0, count: leaves * parameters.trees)
        var rng = Xoshiro256(seed: parameters.seed)
        var permutation = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = Int32(i) }
            count = n
        }
        var sample = [Int32](repeating: 0, count: psi)
        var featureOrder = [Int](0..<d)
        matrix.values.withUnsafeBufferPointer { x in
            for tree in 0..<parameters.trees {
                // ψ rows without replacement: a partial Fisher–Yates shuffle of the running permutation.
                for i in 0..<psi {
                    let j = i + rng.below(n - i)
                    permutation.swapAt(i, j)
                    sample[i] = permutation[i]
                }
                var builder = TreeBuilder(
                    x: x, columns: d, height: height, internalBase: tree * inner, leafBase: tree * leaves)
                sample.withUnsafeMutableBufferPointer { rows in
                    builder.grow(
                        node: 0, depth: 0, rows: rows, features: &features, thresholds: &thresholds,
                        pathLengths: &pathLengths, featureOrder: &featureOrder, rng: &rng)
                }
            }
        }
        return IsolationForest(
            parameters: parameters, featureCount: d, effectiveSampleSize: psi, height: height,
            splitFeatures: features, thresholds: thresholds, leafPathLengths: pathLengths)
    }
}

/// Grows one tree into the forest's flat arrays.
private struct TreeBuilder {
    let x: UnsafeBufferPointer<Float>
    let columns: Int
    let height: Int
    let internalBase: Int
    let leafBase: Int

    init(x: UnsafeBufferPointer<Float>, columns: Int, height: Int, internalBase: Int, leafBase: Int) {
        self.x = x
        self.columns = columns
        self.height = height
        self.internalBase = internalBase
        self.leafBase = leafBase
    }

    mutating func grow(
        node: Int, depth: Int, rows: UnsafeMutableBufferPointer<Int32>, features: inout [UInt16],
        thresholds: inout [Float], pathLengths: inout [Float], featureOrder: inout [Int], rng: inout Xoshiro256
    ) {
        if depth < height && rows.count > 1 {
            // Attributes in random order until one is not constant on these rows (as scikit-learn does).
            var remaining = columns
            while remaining > 0 {
                let pick = rng.below(remaining)
                let q = featureOrder[pick]
                featureOrder.swapAt(pick, remaining - 1)
                remaining -= 1
                var lo = Float.infinity
                var hi = -Float.infinity
                for r in rows {
                    let v = x[Int(r) * columns + q]
                    lo = min(lo, v)
                    hi = max(hi, v)
                }
                guard hi > lo else { continue }
                var p = lo + Float(rng.unit()) * (hi - lo)
                if p <= lo { p = lo.nextUp }
                // Partition: left are rows with x < p.
                var i = 0
                var j = rows.count - 1
                while i <= j {
                    if x[Int(rows[i]) * columns + q] < p {
                        i += 1
                    } else {
                        rows.swapAt(i, j)
                        j -= 1
                    }
                }
                features[internalBase + node] = UInt16(q)
                thresholds[internalBase + node] = p
                let base = rows.baseAddress!
                grow(
                    node: 2 * node + 1, depth: depth + 1, rows: UnsafeMutableBufferPointer(start: base, count: i),
                    features: &features, thresholds: &thresholds, pathLengths: &pathLengths,
                    featureOrder: &featureOrder, rng: &rng)
                grow(
                    node: 2 * node + 2, depth: depth + 1,
                    rows: UnsafeMutableBufferPointer(start: base + i, count: rows.count - i),
                    features: &features, thresholds: &thresholds, pathLengths: &pathLengths,
                    featureOrder: &featureOrder, rng: &rng)
                return
            }
        }
        // A leaf at `depth`: the path below it always goes left (threshold stays +∞), to leaf slot `first`.
        let value = Float(Double(depth) + IsolationForest.averagePathLength(rows.count))
        var first = node
        while first < (1 << height) - 1 { first = 2 * first + 1 }
        pathLengths[leafBase + first - ((1 << height) - 1)] = value
    }
}
