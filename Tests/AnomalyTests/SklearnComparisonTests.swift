import Foundation
import Testing

@testable import Anomaly
@testable import AnomalyEvaluation

/// Compares with scikit-learn's IsolationForest on a fixture it scored once (see
/// Fixtures/make_sklearn_fixture.py: scikit-learn 1.9.1, numpy 2.4.6). Trees are random in both, so the
/// test compares behaviour: ROC-AUC, rank agreement and the ordering along a ladder of points.
@Suite struct SklearnComparisonTests {
    struct Fixture: Decodable {
        var sklearn: String
        var train: [[Float]]
        var test: [[Float]]
        var labels: [Int]
        var scores: [Double]
        var auc: Double
        var ladder: [[Float]]
        var ladderScores: [Double]
    }

    static func load() throws -> Fixture {
        try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Support.fixture("sklearn-iforest.json")))
    }

    static func ranks(_ xs: [Double]) -> [Double] {
        var r = [Double](repeating: 0, count: xs.count)
        for (rank, i) in xs.indices.sorted(by: { xs[$0] < xs[$1] }).enumerated() { r[i] = Double(rank) }
        return r
    }

    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let ma = a.reduce(0, +) / Double(a.count)
        let mb = b.reduce(0, +) / Double(b.count)
        let cov = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
        let va = a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) }
        let vb = b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }
        return cov / (va * vb).squareRoot()
    }

    @Test func aucAndOrderingAgreeWithScikitLearn() throws {
        let fixture = try Self.load()
        #expect(fixture.sklearn == "1.9.1")
        let train = try FeatureMatrix(columns: 3, values: fixture.train.flatMap { $0 })
        let test = try FeatureMatrix(columns: 3, values: fixture.test.flatMap { $0 })
        let labels = fixture.labels.map { $0 == 1 }
        var aucs: [Double] = []
        for seed in UInt64(1)...5 {
            let forest = try IsolationForest.fit(train, parameters: .init(trees: 100, sampleSize: 256, seed: seed))
            let ours = try forest.scores(test)
            let auc = try #require(ROC.auc(scores: ours, labels: labels))
            aucs.append(auc)
            // Spearman rank correlation with scikit-learn's scores on the same points.
            #expect(Self.pearson(Self.ranks(ours), Self.ranks(fixture.scores)) > 0.9)
            // Scores live on the same scale: the mean absolute difference is small.
            let meanDiff = zip(ours, fixture.scores).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(ours.count)
            #expect(meanDiff < 0.03)
            // Moving away from the centre never makes a point look more normal.
            let ladder = fixture.ladder.map { forest.score($0) }
            for i in 1..<ladder.count { #expect(ladder[i] >= ladder[i - 1] - 0.01) }
            #expect(ladder.first! < 0.5)
            #expect(ladder.last! > 0.55)
        }
        let meanAUC = aucs.reduce(0, +) / Double(aucs.count)
        #expect(abs(meanAUC - fixture.auc) <= 0.01)
    }
}
