import Foundation
import Store
import Testing

@testable import Server

extension ServerTests {
    @Suite("Per-scan response bodies kept in memory")
    struct ScanResponseCacheTests {
        @Test func boundsDropTheOldestBodies() {
            let cache = ScanResponseCache(byteLimit: 10, entryLimit: 2)
            let one = ScanResponseCache.Key.compliance(scanID: 1, framework: "cis-aws")
            let two = ScanResponseCache.Key.compliance(scanID: 2, framework: "cis-aws")
            let three = ScanResponseCache.Key.findings(scanID: 3, query: FindingQuery(limit: 100), page: nil)
            cache.remember([1, 2, 3], for: one)
            cache.remember([4, 5, 6], for: two)
            cache.remember([7], for: three)
            // Three entries are over the entry bound: the oldest goes.
            #expect(cache.body(for: one) == nil)
            #expect(cache.body(for: two) == [4, 5, 6])
            #expect(cache.body(for: three) == [7])
            // Ten more bytes are over the byte bound: both earlier bodies go.
            let big = ScanResponseCache.Key.compliance(scanID: 4, framework: "cis-aws")
            cache.remember(Array(repeating: 0, count: 10), for: big)
            #expect(cache.body(for: two) == nil && cache.body(for: three) == nil)
            #expect(cache.body(for: big)?.count == 10)
            // A body larger than the whole bound is never kept.
            let huge = ScanResponseCache.Key.compliance(scanID: 5, framework: "cis-aws")
            cache.remember(Array(repeating: 0, count: 11), for: huge)
            #expect(cache.body(for: huge) == nil && cache.body(for: big) != nil)
            #expect(cache.counts.hits == 4 && cache.counts.misses == 4)
        }

        @Test("a repeated findings page or compliance answer reads no store and is the same bytes", arguments: Backend.allCases)
        func repeatedRequestsAreAnsweredFromMemory(backend: Backend) async throws {
            try await withServer(backend) { server in
                let (_, second) = try await APITests.seed(server.store)
                let findings = "/api/v1/scans/\(second)/findings?severity=critical,low&limit=1"
                let first = try await server.request(.get, findings, role: .viewer)
                let again = try await server.request(.get, findings, role: .viewer)
                #expect(first.status == 200 && again.status == 200 && first.body == again.body)
                #expect(server.scanResponses.counts == (hits: 1, misses: 1))
                // Another page and another filter are other answers.
                let page2 = try await server.request(.get, findings + "&page=2", role: .viewer)
                #expect(page2.status == 200 && page2.body != first.body)
                #expect(server.scanResponses.counts.misses == 2)
                let compliance = "/api/v1/targets/infra/compliance/cis-aws"
                let c1 = try await server.request(.get, compliance, role: .viewer)
                let c2 = try await server.request(.get, compliance, role: .viewer)
                #expect(c1.status == 200 && c1.body == c2.body)
                #expect(server.scanResponses.counts == (hits: 2, misses: 3))
                // Validation still runs first: a bad parameter is a 400, not a kept body.
                let bad = try await server.request(.get, findings + "&verdict=maybe", role: .viewer)
                #expect(bad.status == 400)
                // A scan that is not there is still a 404.
                #expect(try await server.request(.get, "/api/v1/scans/999999/findings", role: .viewer).status == 404)
            }
        }
    }
}
