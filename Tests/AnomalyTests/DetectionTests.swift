import Foundation
import Testing

@testable import Anomaly

@Suite struct DetectionTests {
    let catalog: SensitiveActionCatalog
    init() throws { catalog = try Support.catalog() }

    @Test func catalogFileLoadsAndMatches() throws {
        #expect(catalog.entries.count > 30)
        #expect(catalog.match(Support.event(0, "StopLogging")) != nil)
        #expect(catalog.match(Support.event(0, "DescribeInstances")) == nil)
        // Console sign-in counts only without MFA.
        #expect(catalog.match(Support.event(0, "ConsoleLogin", mfa: true)) == nil)
        #expect(catalog.match(Support.event(0, "ConsoleLogin", mfa: false)) != nil)
        var azure = Support.event(0, "Microsoft.Storage/storageAccounts/listKeys/action")
        azure.cloud = .azure
        #expect(catalog.match(azure) != nil)

        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.json")
        try Data("{\"version\":2,\"actions\":[]}".utf8).write(to: file)
        #expect(throws: AnomalyError.self) { try SensitiveActionCatalog.load(from: file) }
        try Data("{\"version\":1,\"actions\":[{\"cloud\":\"gcp\",\"action\":\"x\",\"why\":\"y\"}]}".utf8).write(to: file)
        #expect(throws: AnomalyError.self) { try SensitiveActionCatalog.load(from: file) }
    }

    @Test func windowFeatures() {
        let t = Support.monday + 10 * 3600
        let events = [
            Support.event(t + 1, "DescribeInstances"),
            Support.event(t + 2, "DescribeInstances", error: "AccessDenied"),
            Support.event(t + 3, "GetSecretValue", service: "secretsmanager", ip: "203.0.113.99"),
            Support.event(t + 4, "GetSecretValue", service: "secretsmanager", region: "ap-south-1"),
            Support.event(t + 5, "StartInstances", error: "Throttling"),
            Support.event(t + 6, "ConsoleLogin", service: "signin", mfa: false),
        ]
        var w = ActivityWindow(principal: events[0].principal, start: t, end: t + 3600, first: events[0])
        for e in events { w.add(e, catalog: catalog) }
        var profile = PrincipalProfile(principal: events[0].principal, firstSeen: t - 86_400)
        var past = ActivityWindow(principal: events[0].principal, start: t - 3600, end: t, first: events[0])
        past.add(Support.event(t - 100, "DescribeInstances"), catalog: catalog)
        past.add(Support.event(t - 90, "GetSecretValue", service: "secretsmanager"), catalog: catalog)
        profile.learn(past, features: FeatureExtractor.row(past, profile: nil).values)

        let row = FeatureExtractor.row(w, profile: profile)
        #expect(row[.events] == 6)
        #expect(row[.writes] == 2)  // StartInstances, ConsoleLogin
        #expect(row[.distinctActions] == 4)
        #expect(row[.distinctServices] == 3)
        #expect(row[.errorRatio] == 2.0 / 6)
        #expect(row[.accessDeniedRatio] == 1.0 / 6)
        #expect(row[.sensitive] == 3)  // 2× GetSecretValue, ConsoleLogin without MFA
        #expect(row[.sensitiveDistinct] == 2)
        // GetSecretValue 2 is within a known action's allowance (2 × usual 1 + 1); ConsoleLogin was never made.
        #expect(row[.sensitiveExcess] == 1)
        #expect(FeatureExtractor.sensitiveAllowance(0, known: false) == 0)
        #expect(FeatureExtractor.sensitiveAllowance(0, known: true) == 1)
        #expect(FeatureExtractor.sensitiveAllowance(2, known: true) == 5)
        #expect(row.newActions == ["ConsoleLogin", "StartInstances"])
        #expect(row.newRegions == ["ap-south-1"])
        #expect(row.newSourceIPs == ["203.0.113.99"])
        #expect(row[.newSensitiveActions] == 1)
        #expect(row[.consoleWithoutMFA] == 1)
        #expect(row[.rootUse] == 0)
        // Active only at 09:00 before: 10:00 has never been seen.
        #expect(row[.hourRarity] == 1)
        #expect(row[.weekdayRarity] == 0)
        #expect(row[.noveltySurprise] > 0)
        #expect(row.modelRow.count == Feature.allCases.count)
        #expect(row.modelRow[Feature.events.rawValue] == Float(log1p(6.0)))

        let reasons = AlertExplainer.reasons(w, row: row, profile: profile, catalog: catalog, limit: 10)
        #expect(reasons.contains { $0.hasPrefix("GetSecretValue ×2 in the window (usual 0–1)") })
        #expect(reasons.contains { $0.hasPrefix("first-seen actions: ConsoleLogin, StartInstances") })
        #expect(reasons.contains { $0.contains("events 6 (usual 2–2)") })
    }

    /// A small history: two developers working weekday hours, then one of them bursts secrets at night.
    static func history(days: Int) -> [ActivityEvent] {
        var rng = Xoshiro256(seed: 11)
        var events: [ActivityEvent] = []
        for day in 0..<days where day % 7 < 5 {
            for hour in 9..<17 {
                for dev in ["arn:aws:iam::1:user/dev-a", "arn:aws:iam::1:user/dev-b"] {
                    for _ in 0..<(5 + rng.below(10)) {
                        let action = ["DescribeInstances", "ListBuckets", "GetMetricData", "FilterLogEvents"][rng.below(4)]
                        events.append(
                            Support.event(Support.monday + Double(day * 86_400 + hour * 3600) + rng.unit() * 3500, action, principal: dev))
                    }
                }
            }
        }
        return events
    }

    @Test func trainPersistScoreAndExplain() throws {
        let training = Self.history(days: 14)
        var options = Trainer.Options()
        options.forest.trees = 50
        options.targetFalseAlertRate = 0.01
        let result = try Trainer.train(training, catalog: catalog, options: options)
        #expect(result.model.profiles.count == 2)
        #expect(result.matrix.rows == result.model.trainingWindows)

        // The model survives a round trip through its file format.
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("model.json")
        try result.model.write(to: file)
        let model = try AnomalyModel.read(from: file)
        #expect(model.forest == result.model.forest)
        #expect(model.threshold == result.model.threshold)
        #expect(model.profiles == result.model.profiles)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"formatVersion\":\(AnomalyModel.formatVersion)", with: "\"formatVersion\":7")
        do {
            _ = try AnomalyModel.decode(Data(text.utf8))
            Issue.record("format version 7 was accepted")
        } catch {
            #expect(error.code == .unsupportedVersion)
        }

        let night = Support.monday + Double(15 * 86_400 + 3 * 3600)
        var attack = (0..<37).map {
            Support.event(
                night + Double($0 * 30), "GetSecretValue", principal: "arn:aws:iam::1:user/dev-a", service: "secretsmanager",
                ip: "45.137.21.9")
        }
        attack.append(
            Support.event(night + 1200, "StopLogging", principal: "arn:aws:iam::1:user/dev-a", service: "cloudtrail", ip: "45.137.21.9"))
        var detector = Detector(model: model, catalog: catalog)
        var batch = detector.process(attack)
        batch.merge(detector.flush())
        let modelAlert = try #require(batch.alerts.first { $0.source == .model })
        #expect(modelAlert.principal == "arn:aws:iam::1:user/dev-a")
        #expect(modelAlert.severity == .high)
        #expect(modelAlert.reasons.first?.hasPrefix("GetSecretValue ×37 in the window (usual 0–0)") == true)
        #expect(modelAlert.reasons.contains { $0.contains("first-seen source IPs: 45.137.21.9") })
        #expect(batch.alerts.contains { $0.source == .rule("BLW-DET-AWS-CLOUDTRAIL-STOPPED") && $0.severity == .critical })
        // Processing the same events again raises nothing new (dedupe). The alerted window's novelties are
        // remembered (reported once), its volumes are not: the burst did not become normal.
        #expect(detector.process(attack).alerts.isEmpty)
        let learned = try #require(detector.profiles["arn:aws:iam::1:user/dev-a"])
        #expect(learned.sourceIPs.contains("45.137.21.9"))
        #expect(learned.actions.contains("GetSecretValue"))
        #expect(learned.sensitiveMax["GetSecretValue"] == nil)
        #expect(learned.windows == model.profiles["arn:aws:iam::1:user/dev-a"]?.windows)
    }

    @Test func provisionalScoringAlertsBeforeTheWindowEnds() throws {
        var options = Trainer.Options()
        options.forest.trees = 50
        let model = try Trainer.train(Self.history(days: 14), catalog: catalog, options: options).model
        var detector = Detector(model: model, catalog: catalog)
        let t = Support.monday + Double(15 * 86_400 + 2 * 3600)
        let burst = (0..<30).map {
            Support.event(
                t + Double($0), "GetSecretValue", principal: "arn:aws:iam::1:user/dev-b", service: "secretsmanager", ip: "45.137.21.9")
        }
        #expect(detector.process(burst, provisional: false).alerts.isEmpty)
        let early = detector.process([], provisional: true)
        #expect(early.alerts.isEmpty)  // nothing touched in this call
        var second = Detector(model: model, catalog: catalog)
        let alerts = second.process(burst, provisional: true).alerts
        #expect(alerts.contains { $0.source == .model })
        // The final score of the same window does not alert twice.
        #expect(second.flush().alerts.isEmpty)
    }
}
