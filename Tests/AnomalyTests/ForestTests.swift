import Foundation
import Testing

@testable import Anomaly
@testable import AnomalyEvaluation

@Suite struct ForestTests {
    /// Rows from a seeded normal-ish distribution (sum of uniforms), plus a few far points.
    static func data(rows: Int, columns: Int, seed: UInt64) throws -> FeatureMatrix {
        var rng = Xoshiro256(seed: seed)
        var values: [Float] = []
        for _ in 0..<(rows * columns) { values.append(Float((0..<6).map { _ in rng.unit() }.reduce(0, +) - 3)) }
        return try FeatureMatrix(columns: columns, values: values)
    }

    @Test func averagePathLengthMatchesHandComputedValues() {
        #expect(IsolationForest.averagePathLength(0) == 0)
        #expect(IsolationForest.averagePathLength(1) == 0)
        #expect(IsolationForest.averagePathLength(2) == 1)
        // c(3) = 2(ln 2 + γ) − 4/3
        #expect(abs(IsolationForest.averagePathLength(3) - 1.207_392_7) < 1e-6)
        // c(256) = 2(ln 255 + γ) − 2·255/256
        #expect(abs(IsolationForest.averagePathLength(256) - 10.244_770) < 1e-5)
    }

    @Test func scoreFormula() {
        let c = IsolationForest.averagePathLength(256)
        #expect(IsolationForest.score(meanPathLength: c, sampleSize: 256) == 0.5)
        #expect(IsolationForest.score(meanPathLength: 0, sampleSize: 256) == 1)
        #expect(abs(IsolationForest.score(meanPathLength: 2 * c, sampleSize: 256) - 0.25) < 1e-12)
    }

    @Test func shapeFollowsThePaper() throws {
        let m = try Self.data(rows: 1000, columns: 4, seed: 1)
        let f = try IsolationForest.fit(m)
        #expect(f.effectiveSampleSize == 256)
        #expect(f.height == 8)
        #expect(f.splitFeatures.count == 100 * 255)
        #expect(f.leafPathLengths.count == 100 * 256)
        let small = try IsolationForest.fit(try Self.data(rows: 50, columns: 2, seed: 1))
        #expect(small.effectiveSampleSize == 50)
        #expect(small.height == 6)
    }

    @Test func sameSeedSameForestAndScores() throws {
        let m = try Self.data(rows: 600, columns: 5, seed: 3)
        let a = try IsolationForest.fit(m, parameters: .init(seed: 42))
        let b = try IsolationForest.fit(m, parameters: .init(seed: 42))
        let c = try IsolationForest.fit(m, parameters: .init(seed: 43))
        #expect(a == b)
        #expect(try a.scores(m) == b.scores(m))
        #expect(a != c)
    }

    @Test func outliersScoreHigherThanInliers() throws {
        let m = try Self.data(rows: 500, columns: 3, seed: 5)
        let f = try IsolationForest.fit(m)
        let inlier = f.score([0, 0, 0])
        let outlier = f.score([6, -6, 6])
        #expect(outlier > 0.6)
        #expect(inlier < 0.5)
        // Batch and one-row scoring agree.
        let batch = try f.scores(try FeatureMatrix(columns: 3, values: [0, 0, 0, 6, -6, 6, 1, 1, 1, 0, 2, 0, 3, 3, 3]))
        #expect(batch[0] == inlier)
        #expect(batch[1] == outlier)
        #expect(batch[4] == f.score([3, 3, 3]))
    }

    @Test func constantDataGivesOneScore() throws {
        let m = try FeatureMatrix(columns: 2, values: [Float](repeating: 1, count: 200))
        let f = try IsolationForest.fit(m)
        let scores = try f.scores(m)
        #expect(Set(scores).count == 1)
    }

    @Test func refusesBadInput() throws {
        #expect(throws: AnomalyError.self) { try IsolationForest.fit(FeatureMatrix(columns: 2)) }
        let nan = try FeatureMatrix(columns: 2, values: [1, .nan, 2, 3])
        #expect(throws: AnomalyError.self) { try IsolationForest.fit(nan) }
        #expect(throws: AnomalyError.self) { try FeatureMatrix(columns: 3, values: [1, 2]) }
        let f = try IsolationForest.fit(try Self.data(rows: 20, columns: 2, seed: 1))
        #expect(throws: AnomalyError.self) { try f.scores(try FeatureMatrix(columns: 3, values: [1, 2, 3])) }
        #expect(f.score([1, 2, 3]).isNaN)
    }

    @Test func binaryRoundTripAndVersionRefusal() throws {
        let f = try IsolationForest.fit(try Self.data(rows: 300, columns: 4, seed: 9), parameters: .init(trees: 20, seed: 7))
        let data = ForestCodec.encode(f)
        #expect(try ForestCodec.decode(data) == f)

        var future = data
        future[4] = 2  // format version, little-endian, right after the magic
        do {
            _ = try ForestCodec.decode(future)
            Issue.record("version 2 was accepted")
        } catch {
            #expect(error.code == .unsupportedVersion)
            #expect(error.message.contains("version 2"))
        }
        var badMagic = data
        badMagic[0] = UInt8(ascii: "X")
        #expect(throws: AnomalyError.self) { try ForestCodec.decode(badMagic) }
        #expect(throws: AnomalyError.self) { try ForestCodec.decode(data.prefix(data.count - 3)) }
        var badFeature = data
        badFeature[40] = 0xFF  // first split attribute, far beyond the 4 features
        badFeature[41] = 0xFF
        #expect(throws: AnomalyError.self) { try ForestCodec.decode(badFeature) }
    }

    @Test func calibratedThresholdFlagsTheTargetShare() {
        let scores = (0..<1000).map { Double($0) / 1000 }
        let t = Trainer.calibrate(scores, falseAlertRate: 0.01)
        #expect(scores.filter { $0 > t }.count == 10)
        #expect(Trainer.calibrate([], falseAlertRate: 0.01) == 1)
    }

    @Test func rocAUC() {
        #expect(ROC.auc(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
        #expect(ROC.auc(scores: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true]) == 0)
        #expect(ROC.auc(scores: [0.5, 0.5], labels: [false, true]) == 0.5)
        #expect(ROC.auc(scores: [0.5], labels: [true]) == nil)
    }
}
