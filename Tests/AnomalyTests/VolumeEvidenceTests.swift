import Foundation
import Testing

@testable import Anomaly

/// Novelty of place or client alone never makes a model alert; volume far past the principal's own baseline
/// does, even from its usual IP, client and hour; explanations list each action's own resources.
@Suite struct VolumeEvidenceTests {
    let catalog: SensitiveActionCatalog
    let user = "arn:aws:iam::111122223333:user/dana"
    init() throws { catalog = try Support.catalog() }

    /// Two weeks of office hours: 20–40 calls an hour from one IP and client, one secret read a day.
    func history() -> [ActivityEvent] {
        var events: [ActivityEvent] = []
        for day in 0..<14 {
            for hour in 9..<17 {
                let start = Support.monday + Double(day * 86_400 + hour * 3600)
                for i in 0..<(20 + (day * 7 + hour) % 21) {
                    events.append(Support.event(start + Double(i * 60), "DescribeInstances", principal: user))
                }
                if hour == 10 {
                    events.append(
                        Support.event(
                            start + 30, "GetSecretValue", principal: user, service: "secretsmanager",
                            request: ["secretId": "app/db"]))
                }
            }
        }
        return events
    }

    /// A detector from a model trained on `history()`, its threshold at `threshold`.
    func detector(threshold: Double) throws -> Detector {
        var options = Trainer.Options()
        options.warmupSeconds = 0
        var model = try Trainer.train(history(), catalog: catalog, options: options).model
        model.threshold = threshold
        return Detector(model: model, catalog: catalog)
    }

    /// Day 15, 10:00–11:00: `count` calls built by `make`.
    func window(_ count: Int, _ make: (Double, Int) -> ActivityEvent) -> [ActivityEvent] {
        let start = Support.monday + Double(14 * 86_400 + 10 * 3600)
        return (0..<count).map { make(start + Double($0) * 3600 / Double(count), $0) }
    }

    func modelAlerts(_ events: [ActivityEvent], threshold: Double) throws -> [Alert] {
        var d = try detector(threshold: threshold)
        var batch = d.process(events)
        batch.merge(d.flush())
        return batch.alerts.filter { $0.source == .model }
    }

    @Test func aNewIPAndClientAloneNeverAlertEvenAtThresholdZero() throws {
        let laptop = window(30) { t, _ in
            Support.event(t, "DescribeInstances", principal: self.user, ip: "203.0.113.77", agent: "aws-cli/2.99 new-laptop")
        }
        #expect(try modelAlerts(laptop, threshold: 0).isEmpty)
        // The same window with new actions is more than novelty of place: the forest's score decides.
        let explore = laptop + window(5) { t, i in Support.event(t, "RunInstances\(i)", principal: self.user) }
        #expect(try modelAlerts(explore, threshold: 0).count == 1)
    }

    @Test func fiveThousandCallsFromTheUsualPlaceAlertWhateverTheScore() throws {
        let bulk = window(5000) { t, _ in Support.event(t, "DescribeInstances", principal: self.user) }
        let alerts = try modelAlerts(bulk, threshold: 10)
        #expect(alerts.count == 1)
        #expect(alerts.first?.severity == .high)
        #expect(alerts.first?.reasons.contains { $0.contains("5000 calls in the window") } == true)
        // An ordinary busy hour does not.
        let busy = window(45) { t, _ in Support.event(t, "DescribeInstances", principal: self.user) }
        #expect(try modelAlerts(busy, threshold: 10).isEmpty)
    }

    @Test func onehundredSixtySecretsAlertAndListOnlyTheirOwnResources() throws {
        let secrets = window(160) { t, i in
            var e = Support.event(t, "GetSecretValue", principal: self.user, service: "secretsmanager")
            e.resource = "prod/s\(i)"
            return e
        }
        let keys = window(3) { t, i in
            var e = Support.event(t, "CreateAccessKey", principal: self.user, service: "iam")
            e.resource = "b\(i)"
            return e
        }
        let alerts = try modelAlerts(secrets + keys, threshold: 10)
        let alert = try #require(alerts.first)
        let line = try #require(alert.reasons.first { $0.hasPrefix("GetSecretValue ×160") })
        #expect(line.contains("prod/s0") && line.contains("(160 distinct)"))
        #expect(!line.contains("b0"))
    }
}
