import Foundation

extension IsolationForest {
    /// Rows scored per block: the block's path-length sums stay in L1 while every tree walks it.
    static let scoringBlock = 512

    /// Scores every row of `matrix` (which must have `featureCount` columns) into `scores`.
    public func scores(_ matrix: FeatureMatrix) throws(AnomalyError) -> [Double] {
        guard matrix.columns == featureCount else {
            throw AnomalyError(.invalidData, "matrix has \(matrix.columns) columns; the model expects \(featureCount)")
        }
        var out = [Double](repeating: 0, count: matrix.rows)
        matrix.values.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { scoreRows(x, rows: matrix.rows, into: $0) }
        }
        return out
    }

    /// Scores one row of `featureCount` values (no allocation).
    public func score(_ row: UnsafeBufferPointer<Float>) -> Double {
        guard row.count == featureCount else { return .nan }
        var result = 0.0
        withUnsafeMutablePointer(to: &result) { out in
            scoreRows(row, rows: 1, into: UnsafeMutableBufferPointer(start: out, count: 1))
        }
        return result
    }

    /// Scores one row given as an array.
    public func score(_ row: [Float]) -> Double { row.withUnsafeBufferPointer { score($0) } }

    /// The hot loop: tree-major over blocks of rows, four rows walked at once so their independent loads overlap.
    func scoreRows(_ x: UnsafeBufferPointer<Float>, rows: Int, into out: UnsafeMutableBufferPointer<Double>) {
        let d = featureCount
        let inner = internalCount
        let leaves = leafCount
        let trees = parameters.trees
        let h = height
        let scale = normalizer > 0 ? -1.0 / (Double(trees) * normalizer) : 0
        guard let xb = x.baseAddress, rows > 0 else { return }
        if inner == 0 {
            // ψ = 1: one leaf per tree, no splits; every row gets the same score.
            let mean = leafPathLengths.reduce(0) { $0 + Double($1) }
            for i in 0..<rows { out[i] = exp2(mean * scale) }
            return
        }
        splitFeatures.withUnsafeBufferPointer { fb in
            thresholds.withUnsafeBufferPointer { tb in
                leafPathLengths.withUnsafeBufferPointer { lb in
                    guard let f0 = fb.baseAddress, let t0 = tb.baseAddress, let l0 = lb.baseAddress else { return }
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.scoringBlock) { sums in
                        var start = 0
                        while start < rows {
                            let count = min(Self.scoringBlock, rows - start)
                            for i in 0..<count { sums[i] = 0 }
                            for tree in 0..<trees {
                                let f = f0 + tree * inner
                                let t = t0 + tree * inner
                                let l = l0 + tree * leaves - inner
                                var r = 0
                                while r + 4 <= count {
                                    let x0 = xb + (start + r) * d
                                    let x1 = x0 + d
                                    let x2 = x1 + d
                                    let x3 = x2 + d
                                    var i0 = 0, i1 = 0, i2 = 0, i3 = 0
                                    for _ in 0..<h {
                                        i0 = 2 &* i0 &+ (x0[Int(f[i0])] >= t[i0] ? 2 : 1)
                                        i1 = 2 &* i1 &+ (x1[Int(f[i1])] >= t[i1] ? 2 : 1)
                                        i2 = 2 &* i2 &+ (x2[Int(f[i2])] >= t[i2] ? 2 : 1)
                                        i3 = 2 &* i3 &+ (x3[Int(f[i3])] >= t[i3] ? 2 : 1)
                                    }
                                    sums[r] += l[i0]
                                    sums[r + 1] += l[i1]
                                    sums[r + 2] += l[i2]
                                    sums[r + 3] += l[i3]
                                    r += 4
                                }
                                while r < count {
                                    let x0 = xb + (start + r) * d
                                    var i0 = 0
                                    for _ in 0..<h { i0 = 2 &* i0 &+ (x0[Int(f[i0])] >= t[i0] ? 2 : 1) }
                                    sums[r] += l[i0]
                                    r += 1
                                }
                            }
                            for i in 0..<count { out[start + i] = exp2(Double(sums[i]) * scale) }
                            start += count
                        }
                    }
                }
            }
        }
    }
}
