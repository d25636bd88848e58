import Foundation
import TestSupport
import Testing

@testable import Anomaly
@testable import AnomalyEvaluation

@Suite struct WatchAndHarnessTests {
    @Test func watcherAlertsOnANewObjectAndReadsEachOnce() async throws {
        let catalog = try Support.catalog()
        var options = Trainer.Options()
        options.forest.trees = 30
        let model = try Trainer.train(DetectionTests.history(days: 10), catalog: catalog, options: options).model
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = dir.appendingPathComponent("logs/AWSLogs/1/CloudTrail/us-east-1/2026/03/20")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let sink = CollectingSink()
        let store = JSONFileCursorStore(url: dir.appendingPathComponent("cursor.json"))
        let watcher = LogWatcher(
            source: LocalDirectorySource(root: dir.appendingPathComponent("logs")), cursors: store, sinks: [sink], interval: 0.05)
        let record = Support.cloudTrailRecord(
            time: "2026-03-20T03:00:00Z", name: "StopLogging", user: "dev-a", source: "cloudtrail.amazonaws.com")
        let object = try Gzip.compress(Data("{\"Records\":[\(record)]}".utf8))
        let polls = TestCounter()
        // The object arrives after the first (empty) poll.
        _ = try await watcher.run(
            detector: Detector(model: model, catalog: catalog), maxPolls: 3,
            onPoll: { _, _ in
                if polls.next() == 1 { try? object.write(to: logs.appendingPathComponent("a.json.gz")) }
            })
        // The rule fires; the model may flag the same night-time window too.
        #expect(sink.alerts.contains { $0.source == .rule("BLW-DET-AWS-CLOUDTRAIL-STOPPED") })
        #expect(sink.alerts.allSatisfy { $0.principal == "arn:aws:iam::111122223333:user/dev-a" })
        #expect(try store.load(source: "dir:" + dir.appendingPathComponent("logs").standardizedFileURL.path).lastKeyByGroup.count == 1)

        // A second watcher with the same cursor does not read the object again.
        let second = CollectingSink()
        let again = LogWatcher(source: watcher.source, cursors: store, sinks: [second], interval: 0.05)
        _ = try await again.run(detector: Detector(model: model, catalog: catalog), maxPolls: 1)
        #expect(second.alerts.isEmpty)
    }

    @Test func harnessEndToEndAlertsEveryTechnique() async throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = Evaluation.Options()
        options.generator.seed = 3
        options.generator.trainDays = 10
        let report = try await Evaluation.run(options, directory: dir, catalog: try Support.catalog())
        #expect(report.techniques.count == AttackTechnique.all.count + AttackTechnique.insiders.count)
        #expect(report.insiders.count == 5)
        for t in report.techniques { #expect(t.detected, "\(t.technique) not alerted") }
        // Held out from training, the hard cases included, and those alone.
        #expect(report.falseAlertRate <= 0.01)
        #expect(Set(report.hardCaseWindows.keys).count == 8)
        #expect(report.hardCaseFalseAlertRate <= 0.02, "\(report.hardCaseLines)")
        #expect(report.ingest.malformed == 0 && report.ingest.failedFiles == 0)
        #expect(Set(report.ingest.files.compactMap(\.format)) == [.cloudTrail, .azureExport])
        // Azure's "Start" halves are read and skipped, not counted as events or errors.
        #expect(report.ingest.skipped > 0)
        let auc = try #require(report.modelAUC)
        #expect(auc > 0.95)
        // Every model alert explains itself.
        #expect(report.alerts.allSatisfy { !$0.reasons.isEmpty })
    }

    @Test func generatorIsDeterministic() throws {
        let a = ActivityGenerator.generate(.init())
        let b = ActivityGenerator.generate(.init())
        #expect(a.callCount == b.callCount)
        #expect(a.attacks == b.attacks)
        var other = ActivityGenerator.Config()
        other.seed = 8
        #expect(ActivityGenerator.generate(other).callCount != a.callCount)
    }
}
