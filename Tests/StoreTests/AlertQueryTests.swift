import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Alert queries and scan pages")
    struct AlertQueryTests {
        static func alert(_ key: String, minute: Int, severity: Severity = .high, principal: String = "alice") -> AlertRecord {
            AlertRecord(
                dedupeKey: key, createdAt: Fixture.base.addingTimeInterval(Double(minute * 60)), severity: severity,
                principal: principal, title: "alert \(key)", detail: "{}", source: minute % 2 == 0 ? "rule" : "model")
        }

        @Test("filters by severity, principal, source and time; pages by id; acknowledges once", arguments: Backend.allCases)
        func alerts(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                _ = try await store.recordAlerts([
                    Self.alert("a", minute: 0), Self.alert("b", minute: 1, severity: .low),
                    Self.alert("c", minute: 2, principal: "bob"), Self.alert("d", minute: 3),
                ])
                #expect(try await store.alerts(AlertQuery()).map(\.alert.dedupeKey) == ["d", "c", "b", "a"])
                var query = AlertQuery()
                query.severities = [.high]
                query.principal = "alice"
                #expect(try await store.alerts(query).map(\.alert.dedupeKey) == ["d", "a"])
                query = AlertQuery()
                query.source = "model"
                #expect(try await store.alerts(query).map(\.alert.dedupeKey) == ["d", "b"])
                query = AlertQuery()
                query.since = Fixture.base.addingTimeInterval(60)
                query.until = Fixture.base.addingTimeInterval(180)
                #expect(try await store.alerts(query).map(\.alert.dedupeKey) == ["c", "b"])
                query = AlertQuery(limit: 2)
                let first = try await store.alerts(query)
                query.beforeID = first.last?.alert.id
                #expect(try await store.alerts(query).map(\.alert.dedupeKey) == ["b", "a"])

                let id = try #require(first.first?.alert.id)
                let acked = try await store.acknowledgeAlert(id: id, by: "ops", at: Fixture.base)
                #expect(acked?.acknowledgedBy == "ops" && acked?.acknowledgedAt == Fixture.base)
                let again = try await store.acknowledgeAlert(id: id, by: "other", at: Fixture.base.addingTimeInterval(5))
                #expect(again?.acknowledgedBy == "ops")
                #expect(try await store.acknowledgeAlert(id: 999_999, by: "ops", at: Fixture.base) == nil)
            }
        }

        @Test("scan pages walk a target's scans newest first; a scan is found by id", arguments: Backend.allCases)
        func scanPages(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                var ids: [Int64] = []
                for minute in 0..<5 {
                    ids.append(try await store.recordScan(Fixture.scan("c\(minute)", minute: minute, findings: [])).scanID)
                }
                _ = try await store.recordScan(Fixture.scan("other", target: "other", minute: 9, findings: []))
                let first = try await store.scans(target: "infra", beforeID: nil, limit: 3)
                #expect(first.map(\.commit) == ["c4", "c3", "c2"])
                let rest = try await store.scans(target: "infra", beforeID: first.last?.id, limit: 3)
                #expect(rest.map(\.commit) == ["c1", "c0"])
                #expect(try await store.scan(id: ids[2])?.commit == "c2")
                #expect(try await store.scan(id: 999_999) == nil)
            }
        }
    }
}
