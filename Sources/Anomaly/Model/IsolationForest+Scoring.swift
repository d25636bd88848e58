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

    /// One level down: child 2i+1, or 2i+2 when `x[feature] >= threshold`. The comparison is turned into an
    /// integer rather than a branch: directions are random, so a branch would mispredict half the time.
    @inline(__always)
    func step(_ i: Int, _ x: UnsafePointer<Float>, _ f: UnsafePointer<UInt16>, _ t: UnsafePointer<Float>) -> Int {
        let right = unsafeBitCast(x[Int(f[i])] >= t[i], to: UInt8.self)
        return 2 &* i &+ 1 &+ Int(right)
    }

    /// The hot loop: tree-major over blocks of rows, eight rows walked at once: each step waits on two dependent
    /// loads, so independent rows are what keeps the core busy.
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
                                while r + 8 <= count {
                                    let x0 = xb + (start + r) * d
                                    var i0 = 0
                                    var i1 = 0
                                    var i2 = 0
                                    var i3 = 0
                                    var i4 = 0
                                    var i5 = 0
                                    var i6 = 0
                                    var i7 = 0
                                    for _ in 0..<h {
                                        i0 = step(i0, x0, f, t)
                                        i1 = step(i1, x0 + d, f, t)
                                        i2 = step(i2, x0 + 2 * d, f, t)
                                        i3 = step(i3, x0 + 3 * d, f, t)
                                        i4 = step(i4, x0 + 4 * d, f, t)
                                        i5 = step(i5, x0 + 5 * d, f, t)
                                        i6 = step(i6, x0 + 6 * d, f, t)
                                        i7 = step(i7, x0 + 7 * d, f, t)
                                    }
                                    sums[r] += l[i0]
                                    sums[r + 1] += l[i1]
                                    sums[r + 2] += l[i2]
                                    sums[r + 3] += l[i3]
                                    sums[r + 4] += l[i4]
                                    sums[r + 5] += l[i5]
                                    sums[r + 6] += l[i6]
                                    sums[r + 7] += l[i7]
                                    r += 8
                                }
                                while r < count {
                                    let x0 = xb + (start + r) * d
                                    var i0 = 0
                                    for _ in 0..<h { i0 = step(i0, x0, f, t) }
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
