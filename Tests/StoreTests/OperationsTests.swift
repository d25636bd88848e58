import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("Drift, alerts, cursors, target status and leases")
    struct OperationsTests {
        @Test("drift items, deduplicated alerts and cursors", arguments: Backend.allCases)
        func driftAlertsCursors(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(Fixture.scan("d1", minute: 0, findings: []))
                let items = [
                    DriftRecord(
                        kind: "changed", resourceType: "aws_s3_bucket", address: "aws_s3_bucket.a", liveID: "a",
                        attribute: "versioning", desired: "{\"enabled\":true}", live: "{\"enabled\":false}"),
                    DriftRecord(kind: "unmanaged", resourceType: "aws_s3_bucket", address: "", liveID: "stray"),
                ]
                try await store.recordDrift(scanID: scan.scanID, items: items)
                #expect(try await store.drift(scanID: scan.scanID) == items)

                func alert(_ key: String, _ minute: Int) -> AlertRecord {
                    AlertRecord(
                        dedupeKey: key, createdAt: Fixture.base.addingTimeInterval(Double(minute * 60)),
                        severity: .high, principal: "arn:aws:iam::1:user/x", title: "Unusual \(key)",
                        detail: "{\"n\":1}", source: key == "m" ? "model" : "rule", score: key == "m" ? 0.93 : nil)
                }
                #expect(try await store.recordAlerts([alert("a", 0), alert("m", 5)]) == 2)
                #expect(try await store.recordAlerts([alert("a", 0), alert("b", 10)]) == 1)
                let all = try await store.alerts(since: nil, limit: 10)
                #expect(all.map(\.dedupeKey) == ["b", "m", "a"])
                #expect(all.allSatisfy { $0.id != nil } && all[1].score == 0.93 && all[1].source == "model")
                #expect(try await store.alerts(since: Fixture.base.addingTimeInterval(300), limit: 10).map(\.dedupeKey) == ["b", "m"])
                #expect(try await store.alerts(since: nil, limit: 1).map(\.dedupeKey) == ["b"])

                #expect(try await store.cursor("cloudtrail") == nil)
                try await store.setCursor("cloudtrail", "token-1")
                try await store.setCursor("cloudtrail", "token-2")
                #expect(try await store.cursor("cloudtrail") == "token-2")
            }
        }

        @Test("target status is saved and replaced", arguments: Backend.allCases)
        func targetStatus(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                var status = TargetStatusRecord(
                    target: "infra", ready: "Unknown", reason: "Reconciling",
                    message: "scanning", lastAttemptAt: Fixture.base)
                try await store.saveTargetStatus(status)
                status.ready = "True"
                status.reason = "Succeeded"
                status.lastObservedCommit = "main@sha1:abc"
                status.nextRunAt = Fixture.base.addingTimeInterval(300)
                status.failures = 0
                status.owner = "pod-1"
                try await store.saveTargetStatus(status)
                try await store.saveTargetStatus(
                    TargetStatusRecord(
                        target: "apps", ready: "False", reason: "Failed",
                        message: "boom", lastError: "clone failed",
                        lastAttemptAt: Fixture.base, failures: 3))
                let statuses = try await store.targetStatuses()
                #expect(statuses.map(\.target) == ["apps", "infra"])
                #expect(statuses[1] == status)
                #expect(statuses[0].failures == 3 && statuses[0].lastError == "clone failed")
            }
        }

        @Test("leases expire, refuse other owners, and renew for their owner", arguments: Backend.allCases)
        func leases(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let t0 = Fixture.base
                #expect(try await store.acquireLease(target: "infra", owner: "a", ttl: .seconds(60), now: t0))
                #expect(
                    try await store.acquireLease(target: "infra", owner: "b", ttl: .seconds(60), now: t0.addingTimeInterval(30)) == false)
                // Renewal by the owner extends the lease to t0+40+60.
                #expect(try await store.acquireLease(target: "infra", owner: "a", ttl: .seconds(60), now: t0.addingTimeInterval(40)))
                #expect(
                    try await store.acquireLease(target: "infra", owner: "b", ttl: .seconds(60), now: t0.addingTimeInterval(90)) == false)
                #expect(try await store.acquireLease(target: "infra", owner: "b", ttl: .seconds(60), now: t0.addingTimeInterval(100)))
                #expect(try await store.acquireLease(target: "other", owner: "a", ttl: .seconds(60), now: t0))
                try await store.releaseLease(target: "infra", owner: "a")  // not a's any more: no effect
                #expect(
                    try await store.acquireLease(target: "infra", owner: "a", ttl: .seconds(60), now: t0.addingTimeInterval(110)) == false)
                try await store.releaseLease(target: "infra", owner: "b")
                #expect(try await store.acquireLease(target: "infra", owner: "a", ttl: .seconds(60), now: t0.addingTimeInterval(110)))
            }
        }
    }
}
