import IAMPolicy
import Model
import Testing

@testable import Checks

/// A policy text is decoded once however many questions ask about it, and the answers do not change.
@Suite struct PolicyDocumentCacheTests {
    private let admin = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
    private let scoped = #"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#

    @Test func secondReadOfTheSameTextIsAHitWithTheSameDocument() throws {
        let cache = PolicyDocumentCache()
        let uncached = PolicyDocumentReader.read(.string(admin), cache: PolicyDocumentCache(maxTextBytes: 0))
        let first = PolicyDocumentReader.read(.string(admin), cache: cache)
        let second = PolicyDocumentReader.read(.string(admin), cache: cache)
        #expect(cache.statistics.misses == 1)
        #expect(cache.statistics.hits == 1)
        #expect(try first.get() == uncached.get())
        #expect(try second.get() == uncached.get())
        #expect(try PolicyAnalysis(second.get()).allowsFullAdmin().truth == .true)
    }

    @Test func differentTextsAreDecodedEachAndAnswerDifferently() throws {
        let cache = PolicyDocumentCache()
        let a = PolicyDocumentReader.read(.string(admin), cache: cache)
        let s = PolicyDocumentReader.read(.string(scoped), cache: cache)
        #expect(cache.statistics.misses == 2)
        #expect(cache.statistics.hits == 0)
        #expect(try PolicyAnalysis(a.get()).allowsFullAdmin().truth == .true)
        #expect(try PolicyAnalysis(s.get()).allowsFullAdmin().truth == .false)
    }

    @Test func invalidTextKeepsItsOutcomeWhenCached() {
        let cache = PolicyDocumentCache()
        for _ in 0..<2 {
            guard case .failure(let e) = PolicyDocumentReader.read(.string("{not json"), cache: cache) else {
                Issue.record("invalid JSON read as a document")
                return
            }
            #expect(e.outcome.truth == .false)
            #expect(e.outcome.evidence.hasPrefix("policy is not a valid document"))
        }
        #expect(cache.statistics.misses == 1)
        #expect(cache.statistics.hits == 1)
    }

    @Test func textsOverTheLimitAreNotKeptAndAFullCacheStartsOver() {
        let small = PolicyDocumentCache(maxTextBytes: 16)
        _ = PolicyDocumentReader.read(.string(admin), cache: small)
        _ = PolicyDocumentReader.read(.string(admin), cache: small)
        #expect(small.statistics.hits == 0)

        let one = PolicyDocumentCache(maxEntries: 1)
        _ = PolicyDocumentReader.read(.string(admin), cache: one)
        _ = PolicyDocumentReader.read(.string(scoped), cache: one)
        _ = PolicyDocumentReader.read(.string(admin), cache: one)
        #expect(one.statistics.misses == 3)
        _ = PolicyDocumentReader.read(.string(admin), cache: one)
        #expect(one.statistics.hits == 1)
    }
}
