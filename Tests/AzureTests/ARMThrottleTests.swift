import Azure
import CloudHTTP
import Foundation
import TestSupport
import Testing

/// The per-provider adaptive window: a throttled provider backs off, recovers additively, and leaves the others be.
@Suite struct ARMThrottleTests {
    static let sites = "/subscriptions/s-1/providers/Microsoft.Web/sites"
    static let caches = "/subscriptions/s-1/providers/Microsoft.Cache/redis"

    @Test func aThrottledProviderHalvesItsWindowAndRecovers() async throws {
        let throttled = TestCounter()
        let fixture = try ARMFixtureServer { request in
            if request.path == Self.sites, throttled.next() == 1 {
                return CannedResponse(
                    status: 429, headers: [("Retry-After", "0")],
                    text: #"{"error":{"code":"TooManyRequests","message":"throttled"}}"#)
            }
            return CannedResponse(text: #"{"value":[]}"#)
        }
        let client = fixture.client()
        _ = try await client.list(Self.sites, resourceType: "Microsoft.Web/sites")
        #expect(await client.throttle.window(for: "Microsoft.Web") == 4)
        #expect(await client.throttle.reductions == 1)
        _ = try await client.list(Self.caches, resourceType: "Microsoft.Cache/redis")
        #expect(await client.throttle.window(for: "Microsoft.Cache") == 8)
        for _ in 0..<3 { _ = try await client.list(Self.sites, resourceType: "Microsoft.Web/sites") }
        #expect(await client.throttle.window(for: "Microsoft.Web") == 4)
        _ = try await client.list(Self.sites, resourceType: "Microsoft.Web/sites")
        #expect(await client.throttle.window(for: "Microsoft.Web") == 5)
        let tally = try #require(await client.counter.byAPI["LIST Microsoft.Web/sites"])
        #expect(tally.calls == 5)
        #expect(tally.attempts == 6)
    }

    @Test func aWindowNeverShrinksBelowOneOrGrowsPastTheCap() async throws {
        let fixture = try ARMFixtureServer { _ in
            CannedResponse(status: 503, headers: [("Retry-After", "0")], text: #"{"error":{"code":"ServerBusy","message":"busy"}}"#)
        }
        let client = fixture.client(maxAttempts: 2)
        for _ in 0..<5 {
            await #expect(throws: AzureError.self) { _ = try await client.list(Self.sites, resourceType: "Microsoft.Web/sites") }
        }
        #expect(await client.throttle.window(for: "microsoft.web") == 1)
        #expect(await client.throttle.reductions == 5)
        let clean = try ARMFixtureServer { _ in CannedResponse(text: #"{"value":[]}"#) }
        let fresh = clean.client()
        for _ in 0..<20 { _ = try await fresh.list(Self.caches, resourceType: "Microsoft.Cache/redis") }
        #expect(await fresh.throttle.window(for: "microsoft.cache") == 8)
        #expect(await fresh.throttle.reductions == 0)
    }
}
