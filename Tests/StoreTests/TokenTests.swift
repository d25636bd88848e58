import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("API tokens and audit")
    struct TokenTests {
        static func token(_ name: String, _ role: AccessRole = .viewer, hash: String? = nil) -> TokenRecord {
            TokenRecord(name: name, role: role, hash: hash ?? "hash-\(name)", createdAt: Fixture.base)
        }

        @Test("a token is found by its hash; names are unique; revocation is kept", arguments: Backend.allCases)
        func lifecycle(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                try await store.createToken(Self.token("ci", .operator))
                try await store.createToken(Self.token("alice", .admin))
                #expect(try await store.token(hash: "hash-ci") == Self.token("ci", .operator))
                #expect(try await store.token(hash: "hash-unknown") == nil)
                #expect(try await store.tokens().map(\.name) == ["alice", "ci"])

                let duplicate = await #expect(throws: StoreError.self) {
                    try await store.createToken(Self.token("ci", .viewer, hash: "other"))
                }
                #expect(duplicate?.code == .constraint)
                let sameHash = await #expect(throws: StoreError.self) {
                    try await store.createToken(Self.token("bob", .viewer, hash: "hash-ci"))
                }
                #expect(sameHash?.code == .constraint)

                #expect(try await store.revokeToken(name: "ci", at: Fixture.base.addingTimeInterval(60)))
                #expect(try await !store.revokeToken(name: "ci", at: Fixture.base))
                #expect(try await !store.revokeToken(name: "nobody", at: Fixture.base))
                let revoked = try #require(try await store.token(hash: "hash-ci"))
                #expect(revoked.revokedAt == Fixture.base.addingTimeInterval(60))
                #expect(try await store.token(hash: "hash-alice")?.revokedAt == nil)
            }
        }

        @Test("an unknown stored role is an error, never a guess", arguments: Backend.allCases)
        func unknownRole(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                try await store.createToken(Self.token("x"))
                _ = try await store.withTransaction { try $0.execute("UPDATE api_tokens SET role = 'root'") }
                let error = await #expect(throws: StoreError.self) { try await store.token(hash: "hash-x") }
                #expect(error?.code == .invalidData)
            }
        }

        @Test("API audit events keep actor, action and subject, newest last", arguments: Backend.allCases)
        func audit(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                for minute in 0..<3 {
                    try await store.recordAPIAudit(
                        APIAuditEvent(
                            at: Fixture.base.addingTimeInterval(Double(minute * 60)), actor: "ci",
                            action: "reconcile", subject: "infra-\(minute)", detail: ""))
                }
                let events = try await store.apiAuditEvents(limit: 2)
                #expect(events.map(\.subject) == ["infra-1", "infra-2"])
                #expect(events.allSatisfy { $0.actor == "ci" && $0.action == "reconcile" })
            }
        }
    }
}
