import Anomaly

/// Ranking metrics for scored, labelled windows.
public enum ROC {
    /// The area under the ROC curve (the probability a random positive outscores a random negative,
    /// ties counting half), by the rank-sum formula; nil without both classes.
    public static func auc(scores: [Double], labels: [Bool]) -> Double? {
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0, scores.count == labels.count else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            // Tied scores share the mean of their ranks (1-based).
            let rank = Double(i + j + 2) / 2
            for k in i...j where labels[order[k]] { rankSum += rank }
            i = j + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}
