/// Trains an `AnomalyModel` from history: windows every principal's events, builds profiles, fits the
/// forest on the windows after each principal's warm-up, and sets the threshold so that a target share
/// of the later half of the training windows would alert: early windows are scored against young profiles,
/// full of novelty that deployment no longer sees, and would set the threshold too high.
public enum Trainer {
    /// Training settings.
    public struct Options: Sendable {
        public var windowSeconds: Double = 3600
        public var forest = IsolationForest.Parameters()
        /// Share of the later half of training windows allowed above the threshold (the expected false-alert rate).
        public var targetFalseAlertRate = 0.005
        /// A principal's first windows build its profile only; they are all novelty and no evidence.
        public var warmupSeconds: Double = 86_400
        /// The defaults: 1 h windows, t = 100, ψ = 256, 0.5 % false alerts, one day of warm-up.
        public init() {}
    }

    /// The outcome: the model and the training matrix with its scores (for export and benchmarks).
    public struct Result: Sendable {
        public var model: AnomalyModel
        public var matrix: FeatureMatrix
        public var scores: [Double]
        /// Windows the threshold was calibrated on (the later half of the training windows).
        public var calibrationWindows: Int
    }

    /// Fewer calibration windows than this leave the threshold a guess: at a 0.5 % target, 200 windows put one
    /// window above it.
    public static let minimumCalibrationWindows = 200

    /// Trains on `events` (any order).
    public static func train(
        _ events: [ActivityEvent], catalog: SensitiveActionCatalog, options: Options = Options()
    ) throws(AnomalyError) -> Result {
        var detector = try learner(catalog: catalog, options: options)
        _ = detector.process(events)
        return try fit(detector, options: options)
    }

    /// A detector that only learns, for history fed to it in pieces (`process`) before `fit`.
    public static func learner(catalog: SensitiveActionCatalog, options: Options = Options()) throws(AnomalyError) -> Detector {
        guard options.windowSeconds >= 60, options.windowSeconds <= 7 * 86_400 else {
            throw AnomalyError(.invalidData, "window must be between 60 s and 7 days (got \(options.windowSeconds))")
        }
        var detector = Detector(windowSeconds: options.windowSeconds, catalog: catalog)
        detector.warmupSeconds = options.warmupSeconds
        return detector
    }

    /// Fits the forest and threshold on what `learner` learned (its open windows are closed first).
    public static func fit(_ learner: Detector, options: Options = Options()) throws(AnomalyError) -> Result {
        var detector = learner
        _ = detector.flush()
        let matrix = detector.trainingRows
        guard matrix.rows >= 2 else {
            throw AnomalyError(
                .notTrained,
                "only \(matrix.rows) windows after warm-up; train on more history (or a shorter --warmup)")
        }
        let forest = try IsolationForest.fit(matrix, parameters: options.forest)
        let scores = try forest.scores(matrix)
        let times = detector.trainingRowTimes
        let middle = times.sorted()[times.count / 2]
        let mature = zip(scores, times).filter { $0.1 >= middle }.map(\.0)
        let threshold = calibrate(mature, falseAlertRate: options.targetFalseAlertRate)
        let model = AnomalyModel(
            windowSeconds: options.windowSeconds, forest: forest, threshold: threshold,
            targetFalseAlertRate: options.targetFalseAlertRate, profiles: detector.profiles,
            trainingWindows: matrix.rows)
        return Result(model: model, matrix: matrix, scores: scores, calibrationWindows: mature.count)
    }

    /// The threshold above which `falseAlertRate` of `scores` lie (an empirical upper quantile).
    public static func calibrate(_ scores: [Double], falseAlertRate: Double) -> Double {
        guard !scores.isEmpty else { return 1 }
        let sorted = scores.sorted()
        let rate = min(max(falseAlertRate, 0), 1)
        let index = Int((Double(sorted.count) * (1 - rate)).rounded(.up)) - 1
        return sorted[min(max(index, 0), sorted.count - 1)]
    }
}
