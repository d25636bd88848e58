import AWS
import CloudHTTP
import Foundation
import TestSupport
import Testing

@testable import Anomaly

/// A failed fetch holds its folder's cursor and is retried; a poison object is passed after the attempt limit;
/// a content error is passed at once.
@Suite struct ReadRetryTests {
    /// Log objects in memory; `failing` keys throw their error for as many reads as their count says.
    final class ScriptedSource: LogObjectSource, @unchecked Sendable {
        // Unchecked: `failures` and `reads` are only touched under `lock`; `objects` is set once.
        let objects: [String: Data]
        private let lock = NSLock()
        private var failures: [String: (AnomalyError, Int)]
        private var readKeys: [String] = []

        init(objects: [String: Data], failing: [String: (AnomalyError.Code, Int)]) {
            self.objects = objects
            self.failures = failing.mapValues { (AnomalyError($0.0, "scripted failure"), $0.1) }
        }

        var name: String { "mem:/" }
        var reads: [String] { lock.withLock { readKeys } }

        func list(after cursor: LogCursor) async throws(AnomalyError) -> [LogObjectRef] {
            objects.keys.filter(cursor.isNew).sorted().map { LogObjectRef(key: $0, size: objects[$0]?.count ?? 0) }
        }

        func read(key: String) async throws(AnomalyError) -> Data {
            let failure = lock.withLock { () -> AnomalyError? in
                readKeys.append(key)
                guard let (error, left) = failures[key], left > 0 else { return nil }
                failures[key] = (error, left - 1)
                return error
            }
            if let failure { throw failure }
            guard let data = objects[key] else { throw AnomalyError(.io, "no such object", location: key) }
            return data
        }
    }

    static let east = "AWSLogs/1/CloudTrail/us-east-1/2026/03/02/"
    static let west = "AWSLogs/1/CloudTrail/eu-west-1/2026/03/02/"

    static func object(_ name: String, hour: Int = 1) -> Data {
        Data(#"{"Records":[\#(Support.cloudTrailRecord(time: "2026-03-02T0\(hour):00:00Z", name: name))]}"#.utf8)
    }

    static func objects() -> [String: Data] {
        [east + "a.json": object("A"), east + "b.json": object("B"), east + "c.json": object("C"), west + "x.json": object("X")]
    }

    @Test func aFailedFetchHoldsItsFolderAndIsReadNextCycle() async throws {
        let source = ScriptedSource(objects: Self.objects(), failing: [Self.east + "b.json": (.throttled, 1)])
        let first = try await LogIngestor().readNew(from: source, after: LogCursor())
        // The east folder stops before b (c waits), the west folder goes on.
        #expect(first.events.map(\.action).sorted() == ["A", "X"])
        #expect(first.report.files.map(\.key) == [Self.west + "x.json", Self.east + "a.json", Self.east + "b.json"])
        let held = try #require(first.report.files.first { $0.key == Self.east + "b.json" })
        #expect(held.retried && held.readFailures == 1 && held.error?.code == .throttled)
        #expect(held.problem?.contains("mem:/\(Self.east)b.json: read failed") == true)
        #expect(first.report.failedFiles == 0 && first.report.retriedFiles == 1)
        #expect(first.cursor.lastKeyByGroup[LogCursor.group(of: Self.east)] == Self.east + "a.json")
        #expect(first.cursor.pendingByGroup[LogCursor.group(of: Self.east)] == .init(key: Self.east + "b.json", failures: 1))

        let second = try await LogIngestor().readNew(from: source, after: first.cursor)
        #expect(second.events.map(\.action) == ["B", "C"])
        #expect(second.report.retriedFiles == 0 && second.report.failedFiles == 0)
        #expect(second.cursor.lastKeyByGroup[LogCursor.group(of: Self.east)] == Self.east + "c.json")
        #expect(second.cursor.pendingByGroup.isEmpty)
        // Every object was fetched successfully exactly once: nothing lost, nothing twice.
        #expect(
            source.reads.filter { $0 != Self.east + "b.json" }.sorted()
                == Self.objects().keys.sorted().filter { $0 != Self.east + "b.json" })
    }

    @Test func aPoisonObjectIsSkippedAfterTheAttemptLimitAndTheCountSurvivesRestarts() async throws {
        let source = ScriptedSource(objects: Self.objects(), failing: [Self.east + "b.json": (.cloudAPI, .max)])
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = JSONFileCursorStore(url: dir.appendingPathComponent("cursor.json"))
        let ingestor = LogIngestor(maxReadAttempts: 3)
        var reports: [IngestReport] = []
        for _ in 0..<3 {
            // A fresh load each cycle: the failure count lives in the persisted cursor, not in memory.
            let batch = try await ingestor.readNew(from: source, after: try store.load(source: source.name))
            try store.save(batch.cursor, source: source.name)
            reports.append(batch.report)
        }
        let b = Self.east + "b.json"
        for cycle in 0..<2 {
            let held = try #require(reports[cycle].files.first { $0.key == b })
            #expect(held.retried && held.readFailures == cycle + 1)
            #expect(
                reports[cycle].files.map(\.key)
                    == [Self.west + "x.json", Self.east + "a.json", b].filter {
                        cycle == 0 || $0 == b
                    })
        }
        let given = try #require(reports[2].files.first { $0.key == b })
        #expect(given.gaveUp && !given.retried && given.readFailures == 3)
        #expect(given.problem?.contains("gave up after 3 cycles") == true)
        #expect(reports[2].failedFiles == 1)
        #expect(reports[2].files.map(\.key) == [b, Self.east + "c.json"])
        let cursor = try store.load(source: source.name)
        #expect(cursor.lastKeyByGroup[LogCursor.group(of: b)] == Self.east + "c.json")
        #expect(cursor.pendingByGroup.isEmpty)
        #expect(source.reads.filter { $0 == b }.count == 3)
    }

    @Test func contentErrorsAreSkippedAtOnce() async throws {
        var objects = Self.objects()
        let whole = try Gzip.compress(Self.object("B"))
        objects[Self.east + "b.json"] = whole.prefix(whole.count / 2)
        let source = ScriptedSource(objects: objects, failing: [Self.east + "c.json": (.tooLarge, 1)])
        let batch = try await LogIngestor().readNew(from: source, after: LogCursor())
        #expect(batch.events.map(\.action).sorted() == ["A", "X"])
        #expect(batch.report.failedFiles == 2 && batch.report.retriedFiles == 0)
        #expect(batch.report.files.filter { $0.error != nil }.allSatisfy { $0.readFailures == 0 && !$0.gaveUp })
        #expect(batch.cursor.lastKeyByGroup[LogCursor.group(of: Self.east)] == Self.east + "c.json")
        #expect(batch.cursor.pendingByGroup.isEmpty)
    }

    @Test func cursorsSavedBeforePendingReadsStillLoad() throws {
        let old = Data(#"{"lastKeyByGroup":{"AWSLogs/1/CloudTrail/us-east-1":"k"}}"#.utf8)
        let cursor = try JSONDecoder().decode(LogCursor.self, from: old)
        #expect(cursor.lastKeyByGroup == ["AWSLogs/1/CloudTrail/us-east-1": "k"] && cursor.pendingByGroup.isEmpty)
        #expect(!String(decoding: try JSONEncoder().encode(cursor), as: UTF8.self).contains("pending"))
        var failing = cursor
        #expect(failing.recordReadFailure(of: "AWSLogs/1/CloudTrail/us-east-1/2026/03/02/z") == 1)
        #expect(try JSONDecoder().decode(LogCursor.self, from: JSONEncoder().encode(failing)) == failing)
    }

    /// `bulwark anomaly watch` over a real S3 API (moto behind a proxy that fails one GetObject with 500s on the
    /// first poll): the object is read on the next poll, its alert raised once, no object read twice.
    @Test(.timeLimit(.minutes(10))) func watcherRetriesAFailedS3ObjectWithoutLosingOrRepeatingAlerts() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let seeder = try AWSClient.fromEnvironment(moto.environment())
        _ = try await seeder.s3(method: "PUT", bucket: "logs", operation: "CreateBucket")
        let east = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/"
        let west = "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/02/"
        func put(_ key: String, _ name: String, hour: Int) async throws {
            let record = Support.cloudTrailRecord(
                time: "2026-03-02T0\(hour):00:00Z", name: name, user: "ops",
                source: "cloudtrail.amazonaws.com")
            _ = try await seeder.s3(
                method: "PUT", bucket: "logs", key: key, body: try Gzip.compress(Data(#"{"Records":[\#(record)]}"#.utf8)),
                operation: "PutObject")
        }
        try await put(east + "1.json.gz", "DescribeTrails", hour: 1)
        try await put(east + "2.json.gz", "StopLogging", hour: 2)
        try await put(east + "3.json.gz", "ListBuckets", hour: 3)
        try await put(west + "1.json.gz", "DescribeInstances", hour: 1)

        let failing = "/logs/" + east + "2.json.gz"
        let failed = TestCounter()
        let attemptsPerCall = 2
        let upstream = try #require(URL(string: moto.endpoint))
        let proxy = try ForwardingProxy(upstream: upstream) { request in
            guard request.method == "GET", request.path == failing, failed.count < attemptsPerCall else { return nil }
            _ = failed.next()
            return CannedResponse(
                status: 500, headers: [("Content-Type", "application/xml")],
                text: "<Error><Code>InternalError</Code><Message>scripted</Message></Error>")
        }
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL"] = proxy.baseURL.absoluteString
        let client = try AWSClient.fromEnvironment(
            environment, retryPolicy: RetryPolicy(maxAttempts: attemptsPerCall, baseDelay: .milliseconds(1)))
        let source = S3LogObjectSource(client: client, bucket: "logs")
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = JSONFileCursorStore(url: dir.appendingPathComponent("cursor.json"))
        let sink = CollectingSink()
        let reports = ReportLog()
        let watcher = LogWatcher(source: source, cursors: store, sinks: [sink], interval: 0.05)
        _ = try await watcher.run(
            detector: Detector(windowSeconds: 3600, catalog: try Support.catalog()), maxPolls: 2,
            onPoll: { report, _ in reports.append(report) })

        let polls = reports.all
        #expect(polls.count == 2)
        #expect(failed.count == attemptsPerCall)
        #expect(polls[0].files.map(\.key) == [west + "1.json.gz", east + "1.json.gz", east + "2.json.gz"].sorted())
        #expect(polls[0].retriedFiles == 1)
        let problem = polls[0].files.first { $0.retried }?.problem ?? ""
        #expect(problem.contains("s3://logs/\(east)2.json.gz"), "\(problem)")
        #expect(problem.contains("InternalError"), "\(problem)")
        #expect(polls[1].files.map(\.key) == [east + "2.json.gz", east + "3.json.gz"])
        #expect(polls[1].retriedFiles == 0 && polls[1].failedFiles == 0)
        // Every event once across both polls; the StopLogging alert raised exactly once.
        #expect(polls.reduce(0) { $0 + $1.ingested } == 4)
        #expect(sink.alerts.filter { $0.source == .rule("BLW-DET-AWS-CLOUDTRAIL-STOPPED") }.count == 1)
        let cursor = try store.load(source: source.name)
        #expect(cursor.lastKeyByGroup[LogCursor.group(of: east)] == east + "3.json.gz")
        #expect(cursor.pendingByGroup.isEmpty)
        // No object fetched twice successfully: GetObject requests = 4 objects + the failed attempts.
        #expect(proxy.requests.filter { $0.method == "GET" && $0.path.hasSuffix(".json.gz") }.count == 4 + attemptsPerCall)
    }
}

/// Ingest reports collected from the watcher's callback.
final class ReportLog: @unchecked Sendable {
    // Unchecked: `reports` is only touched under `lock`.
    private let lock = NSLock()
    private var reports: [IngestReport] = []
    func append(_ report: IngestReport) { lock.withLock { reports.append(report) } }
    var all: [IngestReport] { lock.withLock { reports } }
}
