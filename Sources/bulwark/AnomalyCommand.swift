import Anomaly
import AnomalyEvaluation
import ArgumentParser
import Foundation
import Model
import Stages

/// `bulwark anomaly`: activity-log anomaly detection (CloudTrail, Azure Activity Log).
struct AnomalyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomaly",
        abstract: "Learn who does what in the cloud and alert on behaviour that does not fit.",
        subcommands: [
            AnomalyTrainCommand.self, AnomalyScoreCommand.self, AnomalyWatchCommand.self, AnomalyEvaluateCommand.self,
            AnomalyDetectionsCommand.self,
        ]
    )
}

/// Options every anomaly subcommand shares.
struct AnomalyCommonOptions: ParsableArguments {
    @Option(
        name: .customLong("catalog"),
        help: "The sensitive-action catalog (default: anomaly/sensitive-actions.json of $BULWARK_CHECKS_DIR, else the built-in one).")
    var catalogPath: String?

    @OptionGroup var detections: DetectionLibraryOptions

    /// Loads the catalog or fails with a usage error naming what was looked for.
    func catalog() throws -> SensitiveActionCatalog {
        if let catalogPath { return try SensitiveActionCatalog.load(from: URL(fileURLWithPath: catalogPath)) }
        let environment = ProcessInfo.processInfo.environment
        guard let file = CheckLibraryLocator.dataFile(StageCatalog.anomalyCatalogFile, explicit: nil, environment: environment) else {
            throw ValidationError("\(StageCatalog.anomalyCatalogFile) not found in the check library; pass --catalog FILE")
        }
        return try SensitiveActionCatalog.load(data: Data(file.text.utf8), location: file.file)
    }

    @Option(
        name: .customLong("max-object-size"),
        help: "Largest log object read, after decompression (bytes, or with K, M, G); larger ones are reported unread.")
    var maxObjectSize = ByteCount(bytes: LogParser.defaultMaxObjectBytes)

    /// The detections in force (see `DetectionLibraryOptions`).
    func rules() throws -> RuleSet { RuleSet(library: try detections.load()) }
}

/// How alerts are printed.
enum AlertOutputFormat: String, ExpressibleByArgument, Sendable {
    case text
    case json
}

func standardError(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

/// `bulwark anomaly train`.
struct AnomalyTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model (profiles, Isolation Forest, threshold) on log history.",
        discussion: """
            Reads CloudTrail files (gzip or plain) and Azure Activity Log exports from the files and directories given. \
            Exit status: 0, or 2 when no log file was found, a file could not be read, or no event was read.
            """)

    @OptionGroup var common: AnomalyCommonOptions

    @Argument(help: "Log files or directories (e.g. an AWSLogs/ tree).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Where to write the model.")
    var model: String

    @Option(help: "Window length in seconds.")
    var window: Double = 3600

    @Option(help: "Trees in the forest (t).")
    var trees: Int = 100

    @Option(name: .customLong("sample-size"), help: "Rows per tree (ψ).")
    var sampleSize: Int = 256

    @Option(help: "Random seed (same seed and data → same model).")
    var seed: UInt64 = 0x5EED

    @Option(name: .customLong("false-alert-rate"), help: "Share of training windows allowed above the threshold.")
    var falseAlertRate: Double = 0.005

    @Option(help: "Seconds of each principal's history used only to learn its profile.")
    var warmup: Double = 86_400

    func validate() throws {
        guard trees > 0, sampleSize > 1 else { throw ValidationError("--trees must be positive and --sample-size above 1") }
        guard falseAlertRate > 0, falseAlertRate < 1 else { throw ValidationError("--false-alert-rate must be between 0 and 1") }
    }

    func run() throws {
        let catalog = try common.catalog()
        var options = Trainer.Options()
        options.windowSeconds = window
        options.forest = .init(trees: trees, sampleSize: sampleSize, seed: seed)
        options.targetFalseAlertRate = falseAlertRate
        options.warmupSeconds = warmup
        var learner = try Trainer.learner(catalog: catalog, options: options)
        let report = streamLogs(paths, maxObjectBytes: common.maxObjectSize.bytes) { _ = learner.process($0) }
        guard report.ingested > 0 else { return try finish(report: report, alerts: [], failOn: nil) }
        let result = try Trainer.fit(learner, options: options)
        try result.model.write(to: URL(fileURLWithPath: model))
        print(
            String(
                format:
                    "trained on %d events, %d principals, %d windows; threshold %.4f calibrated on %d windows (target false-alert rate %.2f %%); model: %@",
                report.ingested, result.model.profiles.count, result.model.trainingWindows, result.model.threshold,
                result.calibrationWindows, falseAlertRate * 100, model))
        if result.calibrationWindows < Trainer.minimumCalibrationWindows {
            standardError(
                "warning: the threshold rests on \(result.calibrationWindows) windows, fewer than \(Trainer.minimumCalibrationWindows): "
                    + "expect more false alerts; train on more history")
        }
        try finish(report: report, alerts: [], failOn: nil)
    }
}

/// `bulwark anomaly score`.
struct AnomalyScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score log files against a model, or run the detections alone without one; print alerts.",
        discussion: """
            Exit status: 2 when no log file was found, a file could not be read (each is named), or no event was read; \
            else 1 when an alert reaches --fail-on; else 0.
            """)

    @OptionGroup var common: AnomalyCommonOptions

    @OptionGroup var cloud: AnomalySourceOptions

    @Argument(help: "Log files or directories.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The model from `bulwark anomaly train` (default: none, the detections alone).")
    var model: String?

    @Option(name: [.short, .customLong("output")], help: "Alert format: text or json (one object per line).")
    var output: AlertOutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when an alert of this severity or worse is raised (low, medium, high, critical).")
    var failOn: Severity?

    @Flag(name: .customLong("learn-alerted"), help: "Learn windows that alerted into the profiles while scoring.")
    var learnAlerted = false

    func validate() throws {
        guard !paths.isEmpty || cloud.any else { throw ValidationError("give log files or directories, --s3 or --azure-subscription") }
    }

    func run() throws {
        let catalog = try common.catalog()
        let rules = try common.rules()
        let loaded = try model.map { try AnomalyModel.read(from: URL(fileURLWithPath: $0)) }
        var detector: Detector
        if let loaded {
            detector = Detector(model: loaded, catalog: catalog, rules: rules)
        } else {
            // Rules only: a team's first day has no model; no training rows are collected either.
            detector = Detector(windowSeconds: 3600, catalog: catalog, rules: rules)
            detector.warmupSeconds = .infinity
            standardError("no --model: running the \(rules.detections.count) detections alone")
        }
        detector.learnFromAlertedWindows = learnAlerted
        var found: [Alert] = []
        var windows = 0
        func take(_ batch: DetectionBatch) {
            found += batch.alerts
            windows += batch.closed.count
        }
        var report = IngestReport()
        if !paths.isEmpty {
            report = streamLogs(paths, maxObjectBytes: common.maxObjectSize.bytes) { take(detector.process($0)) }
        }
        // Cloud sources are read from the beginning (no cursor): scoring is a one-off look at everything there.
        let ingestor = LogIngestor(parser: LogParser(maxObjectBytes: common.maxObjectSize.bytes), maxReadAttempts: 1)
        for source in try cloud.sources() {
            let batch = try BlockingRun.run { try await ingestor.readNew(from: source, after: LogCursor()) }
            take(detector.process(batch.events))
            report.files += batch.report.files
            standardError(batch.report.summary)
        }
        take(detector.flush())
        let alerts = found.sorted { ($0.windowStart, $0.principal) < ($1.windowStart, $1.principal) }
        for alert in alerts { print(output == .json ? PrintAlertSink.jsonLine(alert) : alert.text + "\n") }
        standardError("\(alerts.count) alerts in \(windows) windows")
        try finish(report: report, alerts: alerts, failOn: failOn)
    }
}

extension Severity: ExpressibleByArgument {
    /// Listed from the least to the most urgent, as `--fail-on`'s help gives them.
    public static var allValueStrings: [String] { ["low", "medium", "high", "critical"] }
}

/// `bulwark anomaly watch`.
struct AnomalyWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a log directory, an S3 bucket or an Azure subscription; alert within seconds of new log objects arriving.",
        discussion: """
            Polls at most every second, reads each object once (the cursor file, or with --store the database, \
            remembers), prints alerts and posts them to --webhook. With --store alerts are also recorded in the \
            database (deduplicated, so a restart never records one twice).
            """)

    @OptionGroup var common: AnomalyCommonOptions

    @OptionGroup var cloud: AnomalySourceOptions

    @Option(name: .shortAndLong, help: "The model from `bulwark anomaly train`.")
    var model: String

    @Option(help: "The directory to follow (e.g. the local copy of an AWSLogs/ tree).")
    var logs: String?

    @Option(help: "Cursor file (JSON); created when missing. Not needed with --store.")
    var cursor: String?

    @Flag(name: .customLong("store"), help: "Keep the cursor and record alerts in the database (see --database).")
    var useStore = false

    @OptionGroup var store: StoreOption

    @Option(help: "Seconds between polls (at most 1).")
    var interval: Double = 1

    @Option(help: "Slack-compatible webhook URL to post alerts to.")
    var webhook: String?

    @Option(name: .customLong("max-polls"), help: "Stop after this many polls (default: run until interrupted).")
    var maxPolls: Int?

    @Flag(
        help: """
            Poll once and exit: 2 when nothing was found or an object could not be read, else 1 when an alert \
            reaches --fail-on, else 0.
            """)
    var once = false

    @Option(name: .customLong("fail-on"), help: "With --once: exit 1 when an alert of this severity or worse is raised.")
    var failOn: Severity?

    @Option(
        name: .customLong("max-read-attempts"),
        help: "Polls in a row that may fail to fetch one log object (throttled, 5xx, denied) before it is skipped.")
    var maxReadAttempts: Int = LogIngestor.defaultMaxReadAttempts

    @Option(name: [.short, .customLong("output")], help: "Alert format: text or json.")
    var output: AlertOutputFormat = .text

    @Flag(
        name: .customLong("learn-alerted"),
        help: "Learn windows that alerted into the profiles (fewer repeats of a benign novelty; an attack may become normal).")
    var learnAlerted = false

    func validate() throws {
        let count = (logs == nil ? 0 : 1) + (cloud.s3 == nil ? 0 : 1) + (cloud.azureSubscription == nil ? 0 : 1)
        guard count == 1 else { throw ValidationError("follow exactly one of --logs, --s3 or --azure-subscription") }
        guard cursor != nil || useStore else { throw ValidationError("give --cursor FILE or --store") }
        guard maxReadAttempts >= 1 else { throw ValidationError("--max-read-attempts must be at least 1") }
    }

    func run() throws {
        let catalog = try common.catalog()
        let loaded = try AnomalyModel.read(from: URL(fileURLWithPath: model))
        let source: any LogObjectSource =
            try logs.map { LocalDirectorySource(root: URL(fileURLWithPath: $0), maxFileBytes: common.maxObjectSize.bytes) }
            ?? { () throws -> any LogObjectSource in
                guard let first = try cloud.sources().first else { throw ValidationError("no log source given") }
                return first
            }()
        var sinks: [any AlertSink] = [PrintAlertSink(json: output == .json)]
        if let webhook {
            guard let url = URL(string: webhook), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--webhook must be an http(s) URL")
            }
            sinks.append(
                WebhookAlertSink(sender: WebhookSender(url: url)) { alert, outcome in
                    if case .delivered = outcome { return }
                    standardError("webhook: \(alert.dedupeKey): \(outcome)")
                })
        }
        var detector = Detector(model: loaded, catalog: catalog, rules: try common.rules())
        detector.learnFromAlertedWindows = learnAlerted
        let polls = once ? 1 : maxPolls
        let seen = PollRecord()
        let configured = detector
        let (storeOption, useStore, cursorFile, interval, baseSinks) = (store, useStore, cursor, interval, sinks)
        let attempts = maxReadAttempts
        let maxObject = common.maxObjectSize.bytes
        _ = try BlockingRun.run {
            var sinks = baseSinks
            let cursors: any CursorStore
            let opened = useStore ? try await storeOption.open() : nil
            if let opened {
                // The database sink first: an alert is recorded before anyone is told about it.
                sinks.insert(StoreAlertSink(store: opened) { standardError("cannot record alerts: \($0)") }, at: 0)
                cursors = StoreCursorStore(store: opened, namespace: "cli")
            } else {
                cursors = JSONFileCursorStore(url: URL(fileURLWithPath: cursorFile ?? "cursor.json"))
            }
            var watcher = LogWatcher(source: source, cursors: cursors, sinks: sinks, interval: interval)
            watcher.ingestor.maxReadAttempts = attempts
            watcher.ingestor.parser.maxObjectBytes = maxObject
            let result: Result<Detector, any Error>
            do {
                result = .success(
                    try await watcher.run(
                        detector: configured, maxPolls: polls,
                        onPoll: { report, alerts in
                            seen.add(report, alerts)
                            if !report.files.isEmpty { standardError(report.summary) }
                        }))
            } catch {
                result = .failure(error)
            }
            await opened?.close()
            return try result.get()
        }
        if once {
            let (report, alerts) = seen.snapshot()
            // A poll that finds nothing new past the cursor is normal; only unreadable objects fail it.
            try finish(report: report, alerts: alerts, failOn: failOn, requireEvents: false)
        }
    }
}

/// `bulwark anomaly evaluate`.
struct AnomalyEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Run the evaluation harness: synthetic AWS and Azure activity plus 13 attack techniques, end to end.",
        discussion: "Exit status: 0 when every technique is alerted and false alerts stay ≤ 1 % of benign principal-hours, else 1.")

    @OptionGroup var common: AnomalyCommonOptions

    @Option(help: "Generator seed.")
    var seed: UInt64 = 7

    @Option(help: "Write the generated CloudTrail objects here and keep them (default: a temporary directory, removed).")
    var logs: String?

    @Option(name: .customLong("train-days"), help: "Days of training history.")
    var trainDays: Int = 14

    @Option(name: .customLong("test-days"), help: "Days of test traffic with the attacks (at least 7 for all techniques).")
    var testDays: Int = 7

    @Flag(
        name: .customLong("learn-alerted"),
        help: "Learn windows that alerted into the profiles (default: never, so an attack cannot become normal).")
    var learnAlerted = false

    func run() throws {
        let catalog = try common.catalog()
        var options = Evaluation.Options()
        options.generator.seed = seed
        options.generator.trainDays = trainDays
        options.generator.testDays = testDays
        options.learnFromAlertedWindows = learnAlerted
        let directory =
            logs.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "bulwark-evaluate-\(ProcessInfo.processInfo.processIdentifier)")
        defer { if logs == nil { try? FileManager.default.removeItem(at: directory) } }
        let opts = options
        let report = try BlockingRun.run { try await Evaluation.run(opts, directory: directory, catalog: catalog) }
        print(report.text)
        if !report.allDetected || report.falseAlertRate > 0.01 { throw ExitCode(1) }
    }
}
