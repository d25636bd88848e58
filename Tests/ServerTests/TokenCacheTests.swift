import Foundation
import Model
import Store
import Synchronization
import Testing

@testable import Server

extension ServerTests {
    /// Verified tokens kept in memory: a known token reads no store, a revocation through the API takes effect at
    /// once, one made by another process after the recheck time.
    @Suite("Token cache")
    struct TokenCacheTests {
        /// A clock that moves only when told to.
        final class ManualClock: Sendable {
            private let start = ContinuousClock.now
            private let elapsed = Mutex(Duration.zero)
            func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
            func now() -> ContinuousClock.Instant { start + elapsed.withLock { $0 } }
        }

        @Test("a known token is read once; unknown ones every time; a revocation elsewhere counts after the recheck time")
        func lookups() async throws {
            let configuration = try await Backend.sqlite.freshConfiguration()
            let store = try await Store.open(configuration)
            defer { Task { await store.close() } }
            let token = try await TokenIssuer.issue(name: "ci", role: .operator, store: store).1
            let clock = ManualClock()
            let access = AccessControl(store: store, cache: TokenCache(lifetime: .seconds(5), now: { clock.now() }))

            for _ in 0..<10 { #expect(await access.holder(of: token)?.role == .operator) }
            #expect(access.storeReads == 1)
            let forged = TokenSecret.generate()
            #expect(await access.holder(of: forged) == nil)
            #expect(await access.holder(of: forged) == nil)
            #expect(access.storeReads == 3)

            // Revoked by another process (the CLI): believed until the entry is older than the recheck time.
            #expect(try await store.revokeToken(name: "ci", at: Date()))
            clock.advance(.seconds(4))
            #expect(await access.holder(of: token)?.name == "ci")
            #expect(access.storeReads == 3)
            clock.advance(.seconds(1))
            #expect(await access.holder(of: token) == nil)
            #expect(access.storeReads == 4)
        }

        @Test("a revocation told to the cache refuses the token at once; a lookup begun before it is not kept")
        func revokedHere() async throws {
            let configuration = try await Backend.sqlite.freshConfiguration()
            let store = try await Store.open(configuration)
            defer { Task { await store.close() } }
            let token = try await TokenIssuer.issue(name: "ci", role: .viewer, store: store).1
            let other = try await TokenIssuer.issue(name: "other", role: .admin, store: store).1
            // Entries outlive the test however slowly it runs: only the revocation may drop one.
            let access = AccessControl(store: store, recheckAfter: .seconds(3_600))
            #expect(await access.holder(of: token)?.name == "ci")
            #expect(await access.holder(of: other)?.name == "other")
            #expect(try await store.revokeToken(name: "ci", at: Date()))
            access.revoked(name: "ci")
            #expect(await access.holder(of: token) == nil)
            // The other token's entry stays.
            let reads = access.storeReads
            #expect(await access.holder(of: other)?.name == "other")
            #expect(access.storeReads == reads)

            // A read that started before a revocation does not put its (stale) answer back.
            let cache = TokenCache()
            let generation = cache.beginRead()
            cache.forget(name: "x")
            cache.remember(hash: "h", caller: Caller(name: "x", role: .admin), readAt: generation)
            #expect(cache.caller(hash: "h") == nil)
            cache.remember(hash: "h", caller: Caller(name: "x", role: .admin), readAt: cache.beginRead())
            #expect(cache.caller(hash: "h")?.role == .admin)
        }

        @Test("over HTTP: cached lookups read no store, the wrong role is still 403, revoked through the API is 401 at once")
        func overHTTP() async throws {
            // Ten minutes: the suite runs beside builds on two cores, where five requests can take longer than the
            // default five seconds, and an expired entry is rightly read again.
            try await withServer(.sqlite, adjust: { $0.tokenRecheck = .seconds(600) }) { server in
                #expect(try await server.request(.get, "/api/v1/targets", role: .viewer).status == 200)
                let reads = server.access.storeReads
                for _ in 0..<5 {
                    #expect(try await server.request(.get, "/api/v1/targets", role: .viewer).status == 200)
                }
                #expect(server.access.storeReads == reads)
                #expect(try await server.request(.post, "/api/v1/targets/infra/reconcile", role: .viewer).status == 403)
                #expect(try await server.request(.post, "/api/v1/targets/infra/reconcile", role: .viewer).status == 403)
                #expect(server.access.storeReads == reads)

                #expect(try await server.request(.delete, "/api/v1/tokens/viewer", role: .admin).status == 204)
                let revoked = try await server.request(.get, "/api/v1/targets", role: .viewer)
                #expect(revoked.status == 401 && revoked.errorCode == "unauthorized")
                #expect(try await server.request(.get, "/api/v1/targets", role: .admin).status == 200)
            }
        }
    }
}
