import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("Fix proposals")
    struct FixProposalTests {
        static func proposal(group: String, number: Int, state: String = "open") -> FixProposalRecord {
            FixProposalRecord(
                target: "infra", groupKey: group, provider: "github", repository: "acme/infra", number: number,
                url: "https://github.example/acme/infra/pull/\(number)", branch: "bulwark/fix/\(group)",
                state: state, fingerprints: ["bb", "aa"], baseCommit: "c1", fixCommit: "f1",
                createdAt: Fixture.base, updatedAt: Fixture.base)
        }

        @Test("one row per request: saving again updates it; lists newest first per group", arguments: Backend.allCases)
        func upsertAndList(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let first = try await store.saveFixProposal(Self.proposal(group: "imds", number: 1))
                #expect(first.id != nil)
                #expect(first.fingerprints == ["aa", "bb"], "stored sorted")
                var moved = Self.proposal(group: "imds", number: 1, state: "closed")
                moved.baseCommit = "c2"
                moved.fixCommit = "f2"
                moved.updatedAt = Fixture.base.addingTimeInterval(60)
                let again = try await store.saveFixProposal(moved)
                #expect(again.id == first.id)
                #expect(again.state == "closed" && again.baseCommit == "c2" && again.fixCommit == "f2")
                #expect(again.createdAt == Fixture.base, "creation time is kept")
                try await store.saveFixProposal(Self.proposal(group: "imds", number: 3))
                try await store.saveFixProposal(Self.proposal(group: "acl", number: 2))
                #expect(try await store.fixProposals(target: "infra", group: "imds").map(\.number) == [3, 1])
                #expect(try await store.fixProposals(target: "infra").count == 3)
                #expect(try await store.fixProposals(target: "other").isEmpty)
            }
        }
    }
}
