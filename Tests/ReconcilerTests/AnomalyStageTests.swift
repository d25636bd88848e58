import AWS
import Anomaly
import CloudHTTP
import Foundation
import Scanner
import Store
import TestSupport
import Testing

@testable import AnomalyEvaluation
@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The anomaly stage end to end: harness CloudTrail objects in a moto S3 bucket (seeded through the S3 API), a
/// real bare repository, `Reconciler.runOnce`, alerts and cursors in SQLite, and a loopback webhook.
@Suite(.serialized) struct AnomalyStageTests {
    static let bucket = "trail-logs"
    static let account = "123456789012"

    /// A CloudTrail object holding one successful root console sign-in without MFA at 2026-03-06T23:10:00Z.
    static func rootLoginObject() throws -> Data {
        let record = """
            {"eventVersion":"1.09","userIdentity":{"type":"Root","arn":"arn:aws:iam::\(account):root","accountId":"\(account)"},\
            "eventTime":"2026-03-06T23:10:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",\
            "awsRegion":"us-east-1","sourceIPAddress":"185.220.101.4","userAgent":"Mozilla/5.0","requestParameters":null,\
            "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},\
            "eventType":"AwsConsoleSignIn","recipientAccountId":"\(account)"}
            """
        return try Gzip.compress(Data(#"{"Records":[\#(record)]}"#.utf8))
    }

    /// Writes the harness's CloudTrail objects (3 training days, 2 test days with the CloudTrail-stop attack), a
    /// root sign-in and a truncated gzip object into the bucket under `trail/`; returns every key written.
    static func seed(_ client: AWSClient) async throws -> [String] {
        _ = try await client.s3(method: "PUT", bucket: bucket, operation: "CreateBucket")
        var config = ActivityGenerator.Config()
        config.trainDays = 3
        config.testDays = 2
        // The cast the stage's expectations were written for; the hard cases are measured by the harness.
        config.hardCases = false
        config.techniques = AttackTechnique.all.filter { $0.name == "aws.defense-evasion.cloudtrail-stop" }
        let dataset = ActivityGenerator.generate(config)
        #expect(dataset.attacks.count == 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anomaly-stage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try CloudTrailWriter.write(dataset, to: directory)
        var objects: [(String, Data)] = []
        let root = directory.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) ?? .init()
        where url.lastPathComponent.hasSuffix(".json.gz") {
            objects.append(("trail/" + url.standardizedFileURL.path.dropFirst(root.count), try Data(contentsOf: url)))
        }
        let folder = "trail/AWSLogs/\(account)/CloudTrail/us-east-1/2026/03/06/"
        objects.append((folder + "\(account)_CloudTrail_us-east-1_20260306T2310Z_root.json.gz", try rootLoginObject()))
        let whole = try rootLoginObject()
        objects.append((folder + "\(account)_CloudTrail_us-east-1_20260306T2359Z_cut.json.gz", whole.prefix(whole.count / 2)))
        for (key, body) in objects {
            _ = try await client.s3(method: "PUT", bucket: bucket, key: key, body: body, operation: "PutObject")
        }
        return objects.map(\.0)
    }

    /// The anomaly stage (cache under the harness) and a reconciler running only it for `target`.
    static func reconciler(
        _ h: ReconcileLoopTests.Harness, target: TargetConfig, environment: [String: String]
    ) throws
        -> (AnomalyStage, Reconciler)
    {
        let catalog = try SensitiveActionCatalog.load(
            from: URL(fileURLWithPath: ReconcileLoopTests.checksDirectory)
                .appendingPathComponent("anomaly/sensitive-actions.json"))
        let stage = AnomalyStage(cacheDirectory: h.directory + "/git", catalog: catalog, environment: environment)
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let config = ReconcileConfig(file: h.directory + "/bulwark.yaml", cacheDirectory: h.directory + "/git", targets: [target])
        let reconciler = Reconciler(
            config: config, store: h.store, scanner: CommitScanner(options: options), stages: [stage],
            environment: [:], owner: "test-replica")
        return (stage, reconciler)
    }

    @Test(.timeLimit(.minutes(15))) func s3LogsBecomeStoredAlertsOnceAndTheWebhookHearsOfThem() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let hooks = try LoopbackHTTPServer { _ in CannedResponse(status: 200, text: "ok") }
        defer { hooks.stop() }
        let environment = moto.environment().merging(["ALERT_WEBHOOK": hooks.baseURL.absoluteString + "/hook"]) { $1 }
        let keys = try await Self.seed(try AWSClient.fromEnvironment(environment))

        let h = try await ReconcileLoopTests.Harness()
        try h.remote.createRepository("logs", files: ["main.tf": ReconcileLoopTests.fixed])
        var target = h.target("logs")
        target.activityLogs = TargetConfig.ActivityLogs(
            aws: .init(bucket: Self.bucket, prefix: "trail"), window: .seconds(3600), webhookURLEnv: "ALERT_WEBHOOK")
        let (stage, reconciler) = try Self.reconciler(h, target: target, environment: environment)

        // First cycle: every object read, the truncated one counted, alerts stored, a model trained and cached.
        let first = try #require(await reconciler.runOnce().first)
        #expect(first.ready == .true, "\(first)")
        #expect(first.message.contains("anomaly: \(keys.count) log objects"), "\(first.message)")
        #expect(first.message.contains("1 unreadable objects"), "\(first.message)")
        #expect(first.message.contains("truncated_gzip"), "\(first.message)")
        let alerts = try await h.store.alerts(since: nil, limit: 10_000)
        let stopped = alerts.filter { $0.dedupeKey.hasPrefix("rule:BLW-DET-AWS-CLOUDTRAIL-STOPPED|") }
        #expect(stopped.count == 1)
        #expect(stopped.first?.severity == .critical)
        #expect(stopped.first?.principal.contains("dev-bob") == true)
        let root = alerts.filter { $0.dedupeKey.hasPrefix("rule:BLW-DET-AWS-ROOT-CONSOLE-LOGIN|") }
        #expect(root.count == 1)
        #expect(root.first?.severity == .high)
        #expect(root.first?.detail.contains("arn:aws:iam::\(Self.account):root") == true)
        #expect(FileManager.default.fileExists(atPath: stage.cachedModelPath(target: "logs")))

        // The cursor stands at the last key of each account/region folder, the truncated object included.
        let cursor = try await StoreCursorStore(store: h.store, namespace: "logs").load(source: "s3://\(Self.bucket)/trail/")
        var expected: [String: String] = [:]
        for key in keys { expected[LogCursor.group(of: key)] = max(expected[LogCursor.group(of: key)] ?? "", key) }
        #expect(cursor.lastKeyByGroup == expected)
        #expect(cursor.lastKeyByGroup.values.contains { $0.hasSuffix("_cut.json.gz") })

        // Every new alert reaches the webhook as Slack-shaped JSON (sent in the background; wait for them).
        let deadline = Date().addingTimeInterval(30)
        while hooks.requests.count < alerts.count && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        let posts = hooks.requests
        #expect(posts.count == alerts.count)
        for post in posts {
            let body = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: Any])
            #expect((body["text"] as? String)?.isEmpty == false)
            #expect((body["blocks"] as? [Any])?.isEmpty == false)
        }
        #expect(posts.contains { $0.text.contains("BLW-DET-AWS-CLOUDTRAIL-STOPPED") || $0.text.contains("CloudTrail") })

        // Second cycle: nothing new to read, nothing stored twice, nothing posted again.
        let second = try #require(await reconciler.runOnce(force: true).first)
        #expect(second.ready == .true, "\(second)")
        #expect(second.message.contains("anomaly: 0 log objects, 0 events"), "\(second.message)")
        #expect(second.message.contains("(0 new)"), "\(second.message)")
        #expect(try await h.store.alerts(since: nil, limit: 10_000).count == alerts.count)
        #expect(hooks.requests.count == posts.count)

        // The stage's own model written by an earlier build is retrained (here too little new history: rules only),
        // not a failed cycle.
        let cachedPath = stage.cachedModelPath(target: "logs")
        let current = try String(contentsOfFile: cachedPath, encoding: .utf8)
        let older = current.replacingOccurrences(
            of: "\"formatVersion\":\(AnomalyModel.formatVersion)", with: "\"formatVersion\":1")
        #expect(older != current)
        try older.write(toFile: cachedPath, atomically: true, encoding: .utf8)
        let third = try #require(await reconciler.runOnce(force: true).first)
        #expect(third.ready == .true, "\(third)")
        #expect(third.message.contains("older format"), "\(third.message)")
    }

    /// GetObject of one object fails (HTTP 500 through every client retry) in the first cycle: the stage warns
    /// naming `s3://bucket/key`, holds that folder's cursor before it, and the next cycle reads it — its alert is
    /// stored once and no object is read twice.
    @Test(.timeLimit(.minutes(5))) func aFailedGetObjectIsRetriedNextCycleNotSkipped() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let keys = try await Self.seed(try AWSClient.fromEnvironment(moto.environment()))
        let rootKey = try #require(keys.first { $0.hasSuffix("_root.json.gz") })
        let failed = TestCounter()
        let failing = TestCounter()  // 0: fail every GetObject of rootKey; 1 or more: serve it
        let upstream = try #require(URL(string: moto.endpoint))
        let proxy = try ForwardingProxy(upstream: upstream) { request in
            guard request.method == "GET", request.path == "/\(Self.bucket)/\(rootKey)", failing.count == 0 else { return nil }
            _ = failed.next()
            return CannedResponse(
                status: 503, headers: [("Content-Type", "application/xml")],
                text: "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")
        }
        defer { proxy.stop() }
        let environment = moto.environment().merging(["AWS_ENDPOINT_URL": proxy.baseURL.absoluteString]) { $1 }

        let h = try await ReconcileLoopTests.Harness()
        try h.remote.createRepository("retry", files: ["main.tf": ReconcileLoopTests.fixed])
        var target = h.target("retry")
        target.activityLogs = TargetConfig.ActivityLogs(aws: .init(bucket: Self.bucket, prefix: "trail"), window: .seconds(3600))
        let (_, reconciler) = try Self.reconciler(h, target: target, environment: environment)
        let cursors = StoreCursorStore(store: h.store, namespace: "retry")
        let sourceName = "s3://\(Self.bucket)/trail/"
        let group = LogCursor.group(of: rootKey)

        // First cycle: the object fails after the client's retries; its folder stops just before it.
        let first = try #require(await reconciler.runOnce().first)
        #expect(first.ready == .true, "\(first)")
        #expect(failed.count == RetryPolicy.standard.maxAttempts)
        #expect(
            first.message.contains("s3://\(Self.bucket)/\(rootKey): read failed (1 cycle(s) in a row), retried next cycle"),
            "\(first.message)")
        #expect(first.message.contains("throttled"), "\(first.message)")
        #expect(first.message.contains("1 to retry"), "\(first.message)")
        // The truncated object sorts after it in the same folder, so it waits too.
        #expect(first.message.contains("0 unreadable objects"), "\(first.message)")
        var alerts = try await h.store.alerts(since: nil, limit: 10_000)
        #expect(!alerts.contains { $0.dedupeKey.hasPrefix("rule:BLW-DET-AWS-ROOT-CONSOLE-LOGIN|") })
        let held = try await cursors.load(source: sourceName)
        #expect(held.lastKeyByGroup[group].map { $0 < rootKey } == true)
        #expect(held.pendingByGroup[group] == .init(key: rootKey, failures: 1))

        // Second cycle: the object is served; it and the rest of its folder are read, the alert stored once.
        _ = failing.next()
        let second = try #require(await reconciler.runOnce(force: true).first)
        #expect(second.ready == .true, "\(second)")
        #expect(second.message.contains("0 to retry"), "\(second.message)")
        #expect(second.message.contains("1 unreadable objects"), "\(second.message)")
        alerts = try await h.store.alerts(since: nil, limit: 10_000)
        #expect(alerts.filter { $0.dedupeKey.hasPrefix("rule:BLW-DET-AWS-ROOT-CONSOLE-LOGIN|") }.count == 1)
        #expect(alerts.filter { $0.dedupeKey.hasPrefix("rule:BLW-DET-AWS-CLOUDTRAIL-STOPPED|") }.count == 1)
        let cursor = try await cursors.load(source: sourceName)
        var expected: [String: String] = [:]
        for key in keys { expected[LogCursor.group(of: key)] = max(expected[LogCursor.group(of: key)] ?? "", key) }
        #expect(cursor.lastKeyByGroup == expected)
        #expect(cursor.pendingByGroup.isEmpty)
        // Every object fetched successfully exactly once over both cycles.
        let gets = proxy.requests.filter { $0.method == "GET" && $0.path.hasSuffix(".json.gz") }.map(\.path)
        #expect(gets.count == keys.count + failed.count)
        #expect(Set(gets).count == keys.count)
    }

    @Test(.timeLimit(.minutes(10))) func azureActivityLogThroughTheStage() async throws {
        let subscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590"
        let values = TestCounter()
        let arm = try LoopbackHTTPServer { request in
            if request.path.hasSuffix("/oauth2/v2.0/token") {
                return CannedResponse(text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-1"}"#)
            }
            guard request.path.hasSuffix("/providers/Microsoft.Insights/eventtypes/management/values") else {
                return CannedResponse(status: 404, text: #"{"error":{"code":"NotFound","message":"no route"}}"#)
            }
            switch values.next() {
            case 1:
                return CannedResponse(
                    status: 429, headers: [("Retry-After", "1")], text: #"{"error":{"code":"TooManyRequests","message":"later"}}"#)
            case 2:
                let event =
                    #"{"eventTimestamp":"2026-03-02T10:05:00Z","caller":"ops@contoso.com","operationName":{"value":"Microsoft.Authorization/elevateAccess/action"},"status":{"value":"Succeeded"},"httpRequest":{"clientIpAddress":"185.220.101.4"},"subscriptionId":"\#(subscription)"}"#
                return CannedResponse(text: #"{"value":[\#(event)]}"#)
            default:
                return CannedResponse(text: #"{"value":[]}"#)
            }
        }
        defer { arm.stop() }
        let environment = [
            "AZURE_TENANT_ID": "tenant-a", "AZURE_CLIENT_ID": "client-1", "AZURE_CLIENT_SECRET": "azure-secret-value",
            "AZURE_AUTHORITY_HOST": arm.baseURL.absoluteString, "BULWARK_AZURE_ARM_ENDPOINT": arm.baseURL.absoluteString,
        ]
        let h = try await ReconcileLoopTests.Harness()
        try h.remote.createRepository("az", files: ["main.tf": ReconcileLoopTests.fixed])
        var target = h.target("az")
        target.activityLogs = TargetConfig.ActivityLogs(azureSubscription: subscription)
        let (_, reconciler) = try Self.reconciler(h, target: target, environment: environment)

        // 24 h of look-back in four 6-hour windows; the first request is throttled and retried.
        let first = try #require(await reconciler.runOnce().first)
        #expect(first.ready == .true, "\(first)")
        #expect(first.message.contains("anomaly: 4 log objects, 1 events"), "\(first.message)")
        #expect(first.message.contains("rules only"), "\(first.message)")
        #expect(!first.message.contains("azure-secret-value"))
        #expect(values.count == 5)
        let alerts = try await h.store.alerts(since: nil, limit: 100)
        #expect(alerts.map(\.dedupeKey).filter { $0.hasPrefix("rule:BLW-DET-AZURE-ELEVATE-ACCESS|ops@contoso.com|") }.count == 1)
        #expect(alerts.first?.severity == .critical)
        let cursor = try await StoreCursorStore(store: h.store, namespace: "az").load(
            source: "azure-activity:/subscriptions/\(subscription)")
        #expect(cursor.lastKeyByGroup.keys.sorted() == ["subscriptions/\(subscription)/activity-log"])

        // The next cycle continues after the stored window: no alert again.
        let second = try #require(await reconciler.runOnce(force: true).first)
        #expect(second.ready == .true, "\(second)")
        #expect(second.message.contains("(0 new)"), "\(second.message)")
        #expect(try await h.store.alerts(since: nil, limit: 100).count == alerts.count)
    }

    @Test func storeSinkNeverDuplicatesAndReturnsOnlyNewAlerts() async throws {
        let h = try await ReconcileLoopTests.Harness()
        let sink = StoreAlertSink(store: h.store)
        func alert(_ key: String) -> Alert {
            Alert(
                dedupeKey: key, severity: .high, principal: "arn:aws:iam::1:user/x", account: "1", windowStart: 0,
                windowEnd: 3600, title: "t", reasons: ["r"], score: 0.7, source: .model)
        }
        #expect(try await sink.record([alert("a"), alert("b")]).map(\.dedupeKey) == ["a", "b"])
        #expect(try await sink.record([alert("b"), alert("c")]).map(\.dedupeKey) == ["c"])
        let stored = try await h.store.alerts(since: nil, limit: 10)
        #expect(stored.count == 3)
        #expect(stored.first { $0.dedupeKey == "a" }?.source == "model")
        #expect(stored.first { $0.dedupeKey == "a" }?.score == 0.7)
    }
}
