import AWS
import Anomaly
import Azure
import CloudHTTP
import ControllerConfig
import Foundation
import Logging
import Model
import Reconciler
import Store

/// The reconcile stage for a target's `activityLogs:`: each cycle reads the log objects (S3 CloudTrail, Azure
/// Activity Log REST, a local directory) past the cursors stored in the Store, scores them with the model (rules
/// always run), stores the alerts (deduplicated), posts the new ones to the webhook in the background, and only
/// then advances the cursors — a failed store write leaves them, so the next cycle reads the same objects again.
/// An object whose fetch fails (throttled, 5xx, denied) holds its folder's cursor before it and is retried next
/// cycle, up to `activityLogs.maxReadAttempts` cycles in a row; then it is skipped with an error-level warning.
public struct AnomalyStage: ReconcileStage {
    public let name = "anomaly"
    /// Where models trained by the stage are kept (`<controller cache>/anomaly-models/<target>.model.json`).
    public let modelDirectory: String
    /// The sensitive-action catalog; nil when none was found (the stage then fails for targets that need it).
    public let catalog: SensitiveActionCatalog?
    public let environment: [String: String]
    public var rules: RuleSet
    /// Limits of each webhook send (the sends run in the background and never hold up the cycle).
    public var webhookAttemptTimeout: Double = 5
    public var webhookDeadline: Double = 15

    /// A stage keeping trained models under `cacheDirectory`, with cloud credentials from `environment`.
    public init(
        cacheDirectory: String, catalog: SensitiveActionCatalog?,
        environment: [String: String] = ProcessInfo.processInfo.environment, rules: RuleSet = RuleSet()
    ) {
        self.modelDirectory = (cacheDirectory as NSString).appendingPathComponent("anomaly-models")
        self.catalog = catalog
        self.environment = environment
        self.rules = rules
    }

    /// Targets with an `activityLogs:` block.
    public func applies(to target: TargetConfig) -> Bool { target.activityLogs != nil }

    /// One cycle: read, detect, store alerts, notify, advance cursors.
    public func run(_ context: StageContext) async throws -> StageOutcome {
        let target = context.target
        guard let logs = target.activityLogs else { return StageOutcome(StageNote("no activity logs configured")) }
        guard let catalog else {
            throw ReconcileError(
                .invalidConfig,
                "the sensitive-action catalog (checks/anomaly/sensitive-actions.json) "
                    + "was not found beside the check library", target: target.name)
        }
        var warnings: [StageWarning] = []
        let cursors = StoreCursorStore(store: context.store, namespace: target.name)
        var events: [ActivityEvent] = []
        var report = IngestReport()
        var advanced: [(source: String, cursor: LogCursor)] = []
        for source in try sources(logs, target: target) {
            do {
                let cursor = try await cursors.load(source: source.name)
                let batch = try await LogIngestor(maxReadAttempts: logs.maxReadAttempts).readNew(from: source, after: cursor)
                events += batch.events
                report.files += batch.report.files
                if batch.cursor != cursor { advanced.append((source.name, batch.cursor)) }
            } catch {
                // A source that cannot be listed (denied, throttled, down) must not hide the others' alerts.
                warnings.append(StageWarning(.partial, "\(source.name): \(error)"))
            }
        }
        for file in report.files {
            guard let problem = file.problem else { continue }
            if file.gaveUp {
                // A poison object: its events are lost for good, which someone has to look at.
                context.logger.error(
                    "anomaly: gave up reading a log object",
                    metadata: [
                        "object": .string(file.location ?? file.key), "failures": .stringConvertible(file.readFailures),
                    ])
                warnings.append(StageWarning(.dataLost, problem))
            } else {
                warnings.append(StageWarning(.partial, problem))
            }
        }
        events.sort { $0.time < $1.time }

        // Training and scoring are seconds of CPU on a large first history: on Dispatch's threads, not the
        // cooperative pool that every other target's cycle shares.
        let (history, logger) = (events, context.logger)
        let (detection, notes) = await OffPool.run { [self] () -> (Result<DetectionBatch, any Error>, [String]) in
            var notes: [String] = []
            do {
                var detector = try detector(
                    logs, target: target, catalog: catalog, history: history, warnings: &notes,
                    logger: logger)
                var output = detector.process(history)
                output.merge(detector.flush())
                return (.success(output), notes)
            } catch {
                return (.failure(error), notes)
            }
        }
        warnings += notes.map { StageWarning(.partial, $0) }
        let output = try detection.get()

        let fresh: [Alert]
        do {
            fresh = try await StoreAlertSink(store: context.store).record(output.alerts)
        } catch {
            throw ReconcileError(.storeFailed, "storing anomaly alerts: \(error)", target: target.name, underlying: error)
        }
        if let variable = logs.webhookURLEnv, !fresh.isEmpty {
            if let text = environment[variable], let url = URL(string: text), url.scheme == "https" || url.scheme == "http" {
                let logger = context.logger
                let sender = WebhookSender(url: url, attemptTimeout: webhookAttemptTimeout, deadline: webhookDeadline)
                // Background sends with their own deadline: the cycle does not wait for the webhook.
                await WebhookAlertSink(sender: sender) { alert, outcome in
                    if case .delivered = outcome { return }
                    logger.warning(
                        "webhook delivery failed",
                        metadata: [
                            "alert": .string(alert.dedupeKey),
                            "outcome": .string("\(outcome)"),
                        ])
                }.deliver(fresh)
            } else {
                warnings.append(StageWarning(.partial, "webhook: environment variable \(variable) does not hold an http(s) URL"))
            }
        }
        for (source, cursor) in advanced {
            do { try await cursors.save(cursor, source: source) } catch {
                throw ReconcileError(
                    .storeFailed, "saving the cursor of \(source): \(error)", target: target.name,
                    underlying: error)
            }
        }
        let summary = AnomalyReport(
            logObjects: report.files.count, events: report.ingested, malformed: report.malformed,
            unreadable: report.failedFiles, toRetry: report.retriedFiles, alerts: output.alerts.count,
            newAlerts: fresh.count)
        var metadata: Logger.Metadata = [:]
        for count in summary.counts { metadata[count.key] = .stringConvertible(count.value) }
        context.logger.info("anomaly stage", metadata: metadata)
        return StageOutcome(summary, warnings: warnings)
    }

    /// The sources of the block, in a fixed order (S3, Azure, local directory).
    func sources(_ logs: TargetConfig.ActivityLogs, target: TargetConfig) throws -> [any LogObjectSource] {
        var sources: [any LogObjectSource] = []
        if let aws = logs.aws {
            let client: AWSClient
            do { client = try AWSClient.fromEnvironment(environment, profile: target.clouds.aws?.profile) } catch {
                throw ReconcileError(
                    .missingSecret, "AWS credentials for s3://\(aws.bucket): \(error)", target: target.name,
                    underlying: error)
            }
            sources.append(
                S3LogObjectSource(
                    client: client, bucket: aws.bucket, prefix: aws.prefix, accounts: aws.accounts,
                    bucketRegion: aws.region))
        }
        if let subscription = logs.azureSubscription {
            let configuration: AzureConfiguration
            do { configuration = try AzureConfiguration.fromEnvironment(environment) } catch {
                throw ReconcileError(
                    .missingSecret, "Azure credentials for subscription \(subscription): \(error)",
                    target: target.name, underlying: error)
            }
            let client = ARMClient(configuration: configuration, transport: URLSessionTransport())
            sources.append(AzureActivityLogSource(client: client, subscriptionID: subscription))
        }
        if let directory = logs.localDirectory {
            sources.append(LocalDirectorySource(root: URL(fileURLWithPath: directory)))
        }
        return sources
    }

    /// The model-path the stage trains into when the target names none (or the named file is missing).
    public func cachedModelPath(target: String) -> String {
        (modelDirectory as NSString).appendingPathComponent("\(target).model.json")
    }

    /// A detector from the configured model, else the cached one, else one trained now on `history` and cached;
    /// rules only (with a warning) when the history is too short to train.
    func detector(
        _ logs: TargetConfig.ActivityLogs, target: TargetConfig, catalog: SensitiveActionCatalog,
        history: [ActivityEvent], warnings: inout [String], logger: Logger
    ) throws -> Detector {
        let window = Double(logs.window.components.seconds)
        let cached = cachedModelPath(target: target.name)
        let fm = FileManager.default
        var path: String?
        if let configured = logs.model {
            if fm.fileExists(atPath: configured) {
                path = configured
            } else {
                warnings.append("model \(configured) does not exist; using the stage's own model")
            }
        }
        if path == nil, fm.fileExists(atPath: cached) { path = cached }
        if let path {
            do {
                let model = try AnomalyModel.read(from: URL(fileURLWithPath: path))
                if model.windowSeconds != window {
                    warnings.append("model \(path) uses \(Int(model.windowSeconds)) s windows, not the configured \(Int(window)) s")
                }
                return Detector(model: model, catalog: catalog, rules: rules)
            } catch  where path == cached && error.code == .unsupportedVersion {
                // The stage's own model, written by an earlier build: it is the stage's to replace, so an upgrade
                // retrains it instead of failing every cycle.
                warnings.append("the stage's model \(cached) has an older format; retrained on this cycle's history")
            } catch {
                throw ReconcileError(.invalidConfig, "\(error)", target: target.name, underlying: error)
            }
        }
        var options = Trainer.Options()
        options.windowSeconds = window
        do {
            let result = try Trainer.train(history, catalog: catalog, options: options)
            try fm.createDirectory(atPath: modelDirectory, withIntermediateDirectories: true)
            try result.model.write(to: URL(fileURLWithPath: cached))
            logger.info(
                "trained an anomaly model on the first history",
                metadata: [
                    "events": .stringConvertible(history.count), "windows": .stringConvertible(result.model.trainingWindows),
                    "threshold": .stringConvertible(result.model.threshold), "model": .string(cached),
                ])
            return Detector(model: result.model, catalog: catalog, rules: rules)
        } catch let error as AnomalyError where error.code == .notTrained {
            warnings.append("not enough history to train a model yet (\(error.message)); rules only this cycle")
            return Detector(windowSeconds: window, catalog: catalog, rules: rules)
        } catch {
            throw ReconcileError(.stageFailed, "training the anomaly model: \(error)", target: target.name, underlying: error)
        }
    }
}
