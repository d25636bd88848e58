import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("Remediations")
    struct RemediationTests {
        static func request(_ key: String) -> RemediationRecord {
            RemediationRecord(
                idempotencyKey: key, target: "infra", checkID: "CKV_AWS_20",
                resourceAddress: "aws_s3_bucket.a", liveID: "a", kind: "live", plan: "{\"op\":\"block\"}",
                detectedAt: Fixture.base, createdAt: Fixture.base, updatedAt: Fixture.base)
        }

        @Test("creation is idempotent by key; filters by status and target", arguments: Backend.allCases)
        func idempotentCreate(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let first = try await store.createRemediation(Self.request("k1"))
                #expect(first.created && first.record.id != nil && first.record.status == .proposed)
                var changed = Self.request("k1")
                changed.plan = "{}"
                let again = try await store.createRemediation(changed)
                #expect(!again.created && again.record.id == first.record.id && again.record.plan == "{\"op\":\"block\"}")
                _ = try await store.createRemediation(Self.request("k2"))
                #expect(try await store.remediations(status: .proposed, target: "infra").count == 2)
                #expect(try await store.remediations(status: .approved, target: nil).isEmpty)
                #expect(try await store.remediation(id: try #require(first.record.id)) == first.record)
                #expect(try await store.remediation(id: 999_999) == nil)
            }
        }

        @Test("two concurrent approvals make exactly one transition, audited", arguments: Backend.allCases)
        func compareAndSet(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                // Many rounds of several racing approvers, so the transactions really overlap.
                for round in 0..<8 {
                    let rid = try #require(try await store.createRemediation(Self.request("race-\(round)")).record.id)
                    let outcomes = try await withThrowingTaskGroup(of: RemediationRecord?.self) { group in
                        for approver in 0..<6 {
                            group.addTask {
                                try await store.transitionRemediation(
                                    id: rid, from: [.proposed], to: .approved,
                                    actor: "approver-\(approver)", detail: "", at: Fixture.base)
                            }
                        }
                        return try await group.reduce(into: []) { $0.append($1) }
                    }
                    #expect(outcomes.compactMap { $0 }.count == 1, "round \(round)")
                    #expect(try await store.auditEvents(remediationID: rid).count == 2, "round \(round)")
                }

                let id = try #require(try await store.createRemediation(Self.request("cas")).record.id)
                let outcomes = try await withThrowingTaskGroup(of: RemediationRecord?.self) { group in
                    for actor in ["alice", "bob"] {
                        group.addTask {
                            try await store.transitionRemediation(
                                id: id, from: [.proposed], to: .approved, actor: actor,
                                detail: "approved by \(actor)", at: Fixture.base)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.compactMap { $0 }.count == 1)
                #expect(outcomes.compactMap { $0 }.first?.status == .approved)
                let at = Fixture.base.addingTimeInterval(60)
                _ = try #require(
                    try await store.transitionRemediation(
                        id: id, from: [.approved], to: .applying,
                        actor: "bulwark", detail: "applying", at: at))
                _ = try #require(
                    try await store.transitionRemediation(
                        id: id, from: [.applying], to: .applied,
                        actor: "bulwark", detail: "done", at: at))
                let verified = try #require(
                    try await store.transitionRemediation(
                        id: id, from: [.applied], to: .verified, actor: "bulwark", detail: "rescan clean", at: at))
                #expect(verified.verifiedAt == at && verified.updatedAt == at)
                #expect(
                    try await store.transitionRemediation(
                        id: id, from: [.proposed], to: .rejected, actor: "x",
                        detail: "", at: at) == nil)
                await #expect(throws: StoreError.self) {
                    try await store.transitionRemediation(
                        id: 424_242, from: [.proposed], to: .approved, actor: "x",
                        detail: "", at: at)
                }
                let events = try await store.auditEvents(remediationID: id)
                #expect(events.map(\.toStatus) == [.proposed, .approved, .applying, .applied, .verified])
                #expect(events.map(\.fromStatus) == [nil, .proposed, .approved, .applying, .applied])
                #expect(["alice", "bob"].contains(events[1].actor) && events[1].detail == "approved by \(events[1].actor)")
            }
        }
    }
}
