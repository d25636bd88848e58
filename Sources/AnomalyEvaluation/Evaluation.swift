import Anomaly
import Foundation

/// Runs the harness end to end: generate → write CloudTrail gzip objects and Azure exports → ingest them →
/// train on the training days → detect on the test days → measure against the injected attacks.
public enum Evaluation {
    /// Evaluation settings.
    public struct Options: Sendable {
        public var generator = ActivityGenerator.Config()
        public var training = Trainer.Options()
        /// Whether windows that alerted are learned into the profiles during the test period (see `Detector`).
        public var learnFromAlertedWindows = false
        /// The generator's and trainer's defaults.
        public init() {}
    }

    /// Per technique: was its window alerted, and by what.
    public struct TechniqueResult: Sendable, Hashable {
        public var technique: String
        public var principal: String
        public var detected: Bool
        public var sources: [String]
        public var score: Double?
    }

    /// Everything measured.
    public struct Report: Sendable {
        public var ingest: IngestReport
        public var objects: Int
        public var trainingWindows: Int
        public var threshold: Double
        public var testWindows: Int
        public var positiveWindows: Int
        /// ROC-AUC of the forest's score alone on the test windows.
        public var modelAUC: Double?
        /// ROC-AUC when a rule alert ranks a window above every model score.
        public var combinedAUC: Double?
        public var precision: Double
        public var recall: Double
        public var falseAlertWindows: Int
        /// Benign windows that alerted, per principal.
        public var falseAlertsByPrincipal: [String: Int]
        public var benignWindows: Int
        /// Benign windows of the hard-case principals, and those that alerted, per hard case.
        public var hardCaseWindows: [String: Int]
        public var hardCaseFalseAlerts: [String: Int]
        public var techniques: [TechniqueResult]
        public var alerts: [Alert]
        /// The matrices for the scikit-learn comparison.
        public var trainMatrix: FeatureMatrix
        public var testMatrix: FeatureMatrix
        public var testLabels: [Bool]
        public var model: AnomalyModel

        /// False alerts per active principal-hour of benign traffic.
        public var falseAlertRate: Double { benignWindows == 0 ? 0 : Double(falseAlertWindows) / Double(benignWindows) }
        public var allDetected: Bool { techniques.allSatisfy(\.detected) }
        /// The insider scenarios' results (`insider.…`), and the other techniques'.
        public var insiders: [TechniqueResult] { techniques.filter { $0.technique.hasPrefix("insider.") } }
        public var attacks: [TechniqueResult] { techniques.filter { !$0.technique.hasPrefix("insider.") } }

        /// False alerts per benign principal-hour of the hard cases alone.
        public var hardCaseFalseAlertRate: Double {
            let windows = hardCaseWindows.values.reduce(0, +)
            return windows == 0 ? 0 : Double(hardCaseFalseAlerts.values.reduce(0, +)) / Double(windows)
        }

        /// One line per hard case: benign principal-hours held out, false alerts, their share.
        public var hardCaseLines: [String] {
            hardCaseWindows.keys.sorted().map { name in
                let windows = hardCaseWindows[name] ?? 0
                let alerts = hardCaseFalseAlerts[name] ?? 0
                return String(
                    format: "  %@: %d false alerts of %d principal-hours (%.2f %%)", name, alerts, windows,
                    windows == 0 ? 0 : 100 * Double(alerts) / Double(windows))
            }
        }

        /// A human-readable summary.
        public var text: String {
            func pct(_ x: Double) -> String { String(format: "%.2f %%", x * 100) }
            func f(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "n/a" }
            var lines =
                [
                    ingest.summary,
                    "objects written: \(objects)   training windows: \(trainingWindows)   threshold: \(String(format: "%.4f", threshold))",
                    "test windows: \(testWindows) (\(positiveWindows) with attack activity)",
                    "ROC-AUC (model score): \(f(modelAUC))   ROC-AUC (model + rules): \(f(combinedAUC))",
                    "at the threshold: precision \(pct(precision)), recall \(pct(recall))",
                    "false alerts: \(falseAlertWindows) of \(benignWindows) benign principal-hours = \(pct(falseAlertRate)) (target ≤ 1 %)"
                        + (falseAlertsByPrincipal.isEmpty
                            ? ""
                            : " — "
                                + falseAlertsByPrincipal.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")),
                    "hard cases: \(hardCaseFalseAlerts.values.reduce(0, +)) of \(hardCaseWindows.values.reduce(0, +)) principal-hours = "
                        + pct(hardCaseFalseAlertRate),
                ] + hardCaseLines + [
                    "attacks detected: \(attacks.filter(\.detected).count) of \(attacks.count)   "
                        + "insiders detected: \(insiders.filter(\.detected).count) of \(insiders.count)",
                    "techniques detected: \(techniques.filter(\.detected).count) of \(techniques.count)",
                ]
            for t in techniques {
                let score = t.score.map { String(format: " score %.3f", $0) } ?? ""
                lines.append("  \(t.detected ? "yes" : "NO ") \(t.technique) (\(t.principal))\(score) \(t.sources.joined(separator: ", "))")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Runs the evaluation, writing the generated logs under `directory`.
    public static func run(_ options: Options, directory: URL, catalog: SensitiveActionCatalog) async throws(AnomalyError) -> Report {
        let dataset = ActivityGenerator.generate(options.generator)
        let objects = try CloudTrailWriter.write(dataset, to: directory) + AzureActivityWriter.write(dataset, to: directory)
        let batch = try await LogIngestor(maxReadAttempts: 1).readNew(from: LocalDirectorySource(root: directory), after: LogCursor())
        let training = batch.events.filter { $0.time < dataset.trainEnd }
        let test = batch.events.filter { $0.time >= dataset.trainEnd }
        let trained = try Trainer.train(training, catalog: catalog, options: options.training)
        var detector = Detector(model: trained.model, catalog: catalog)
        detector.learnFromAlertedWindows = options.learnFromAlertedWindows
        var output = detector.process(test)
        output.merge(detector.flush())

        let w = options.training.windowSeconds
        func key(_ principal: String, _ start: Double) -> String { "\(principal)|\(Int(start))" }
        var attackWindows: [String: String] = [:]
        for attack in dataset.attacks {
            for t in attack.callTimes { attackWindows[key(attack.principal, (t / w).rounded(.down) * w)] = attack.technique }
        }
        var alertSources: [String: [String]] = [:]
        for alert in output.alerts { alertSources[key(alert.principal, alert.windowStart), default: []].append("\(alert.source)") }
        var scores: [Double] = []
        var combined: [Double] = []
        var labels: [Bool] = []
        var testMatrix = FeatureMatrix(columns: Feature.allCases.count)
        var windowScores: [String: Double] = [:]
        var truePositives = 0
        var falsePositives = 0
        var benign = 0
        var falseByPrincipal: [String: Int] = [:]
        var hardWindows: [String: Int] = [:]
        var hardFalse: [String: Int] = [:]
        for closed in output.closed {
            let k = key(closed.window.principal, closed.window.start)
            let positive = attackWindows[k] != nil
            let score = closed.score ?? 0
            windowScores[k] = score
            let alerted = alertSources[k] != nil
            scores.append(score)
            combined.append(score + (alertSources[k]?.contains { $0.hasPrefix("rule") } == true ? 1 : 0))
            labels.append(positive)
            try testMatrix.append(closed.row.modelRow)
            if positive {
                if alerted { truePositives += 1 }
            } else {
                benign += 1
                let hardCase = dataset.hardCases[closed.window.principal]
                if let hardCase { hardWindows[hardCase, default: 0] += 1 }
                if alerted {
                    falsePositives += 1
                    falseByPrincipal[closed.window.principal, default: 0] += 1
                    if let hardCase { hardFalse[hardCase, default: 0] += 1 }
                }
            }
        }
        let positives = labels.filter { $0 }.count
        let techniques = dataset.attacks.map { attack -> TechniqueResult in
            let keys = Set(attack.callTimes.map { key(attack.principal, ($0 / w).rounded(.down) * w) })
            let sources = keys.sorted().flatMap { alertSources[$0] ?? [] }
            return TechniqueResult(
                technique: attack.technique, principal: attack.principal, detected: !sources.isEmpty,
                sources: Array(Set(sources)).sorted(), score: keys.compactMap { windowScores[$0] }.max())
        }
        return Report(
            ingest: batch.report, objects: objects, trainingWindows: trained.model.trainingWindows,
            threshold: trained.model.threshold, testWindows: output.closed.count, positiveWindows: positives,
            modelAUC: ROC.auc(scores: scores, labels: labels), combinedAUC: ROC.auc(scores: combined, labels: labels),
            precision: truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives),
            recall: positives == 0 ? 0 : Double(truePositives) / Double(positives),
            falseAlertWindows: falsePositives, falseAlertsByPrincipal: falseByPrincipal, benignWindows: benign,
            hardCaseWindows: hardWindows, hardCaseFalseAlerts: hardFalse, techniques: techniques,
            alerts: output.alerts,
            trainMatrix: trained.matrix, testMatrix: testMatrix, testLabels: labels, model: trained.model)
    }
}
