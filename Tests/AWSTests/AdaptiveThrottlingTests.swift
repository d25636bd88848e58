import AWS
import CloudHTTP
import Foundation
import Model
import TestSupport
import Testing

/// The adaptive client-side rate against a loopback service that throttles KMS above `limit` calls per second:
/// the client slows KMS to below the limit, every call eventually succeeds, and CloudWatch Logs on the same client
/// is not slowed.
@Suite("Adaptive throttling", .serialized)
struct AdaptiveThrottlingTests {
    static let limit = 20

    /// What the server saw: per request its time, service and whether it was throttled.
    final class Ledger: @unchecked Sendable {
        // Unchecked: `entries` is only touched under `lock`.
        struct Entry {
            var at: Date
            var service: String
            var throttled: Bool
        }
        private let lock = NSLock()
        private var entries: [Entry] = []
        private var accepted: [Date] = []

        /// Throttles KMS once `limit` calls were accepted within the last second (a sliding window).
        func answer(_ request: ReceivedRequest, limit: Int) -> CannedResponse {
            let service = (request.header("X-Amz-Target") ?? "").hasPrefix("TrentService") ? "kms" : "logs"
            let now = Date()
            let throttled: Bool = lock.withLock {
                var throttled = false
                if service == "kms" {
                    accepted.removeAll { now.timeIntervalSince($0) >= 1 }
                    throttled = accepted.count >= limit
                    if !throttled { accepted.append(now) }
                }
                entries.append(Entry(at: now, service: service, throttled: throttled))
                return throttled
            }
            if throttled {
                return CannedResponse(status: 400, text: #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
            }
            return CannedResponse(text: "{}")
        }

        var all: [Entry] { lock.withLock { entries } }
    }

    struct Run {
        var entries: [Ledger.Entry]
        var failures: Int
        var logsSeconds: Double
        var kmsSeconds: Double

        var kms: [Ledger.Entry] { entries.filter { $0.service == "kms" } }

        /// KMS attempts and the throttled share of them in the second half of its run.
        var secondHalf: (perSecond: Double, throttledShare: Double) {
            let kms = self.kms
            guard let first = kms.first?.at, let last = kms.last?.at else { return (0, 0) }
            let middle = first.addingTimeInterval(last.timeIntervalSince(first) / 2)
            let late = kms.filter { $0.at >= middle }
            let span = max(0.001, last.timeIntervalSince(middle))
            return (Double(late.count) / span, Double(late.filter(\.throttled).count) / Double(max(1, late.count)))
        }
    }

    /// 80 KMS calls and 40 Logs calls at once through one client.
    static func run(adaptive: AdaptiveRateLimiter?) async throws -> Run {
        let ledger = Ledger()
        let server = try LoopbackHTTPServer { ledger.answer($0, limit: limit) }
        defer { server.stop() }
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            region: "us-east-1", environment: ["AWS_ENDPOINT_URL": server.baseURL.absoluteString],
            retryPolicy: RetryPolicy(maxAttempts: 12, baseDelay: .milliseconds(50), maxDelay: .seconds(1)),
            maxConcurrentPerServiceRegion: 8, rateLimiter: adaptive)
        let start = Date()
        let outcome = await withTaskGroup(of: (String, Bool, Date).self) { group in
            for _ in 0..<80 {
                group.addTask {
                    let ok = (try? await client.json(service: .kms, target: "ListKeys")) != nil
                    return ("kms", ok, Date())
                }
            }
            for _ in 0..<40 {
                group.addTask {
                    let ok = (try? await client.json(service: .logs, target: "DescribeLogGroups")) != nil
                    return ("logs", ok, Date())
                }
            }
            var all: [(String, Bool, Date)] = []
            for await item in group { all.append(item) }
            return all
        }
        let end: (String) -> Double = { service in
            outcome.filter { $0.0 == service }.map { $0.2.timeIntervalSince(start) }.max() ?? 0
        }
        return Run(
            entries: ledger.all.sorted { $0.at < $1.at }, failures: outcome.filter { !$0.1 }.count,
            logsSeconds: end("logs"), kmsSeconds: end("kms"))
    }

    @Test func aThrottledServiceConvergesBelowTheLimitWithoutSlowingAnother() async throws {
        let limiter = AdaptiveRateLimiter()
        let adaptive = try await Self.run(adaptive: limiter)
        #expect(adaptive.failures == 0, "every call eventually succeeds")
        let late = adaptive.secondHalf
        #expect(late.perSecond <= Double(Self.limit) * 1.1, "KMS attempts per second late in the run: \(late.perSecond)")
        #expect(late.throttledShare <= 0.2, "throttled share of late KMS attempts: \(late.throttledShare)")
        // KMS cannot finish faster than the limit allows; Logs, never throttled, is not held back by it.
        #expect(adaptive.kmsSeconds >= 80.0 / Double(Self.limit) - 1)
        #expect(adaptive.logsSeconds < adaptive.kmsSeconds / 2, "logs \(adaptive.logsSeconds) s, kms \(adaptive.kmsSeconds) s")
        #expect(await limiter.rate(for: "logs/us-east-1") == nil)
        let kmsRate = try #require(await limiter.rate(for: "kms/us-east-1"))
        #expect(kmsRate < Double(Self.limit) * 1.5)
        #expect(await limiter.reductions >= 1)

        // The same load without the adaptive rate keeps hammering the throttled service.
        let fixed = try await Self.run(adaptive: nil)
        let fixedThrottles = fixed.kms.filter(\.throttled).count
        let adaptiveThrottles = adaptive.kms.filter(\.throttled).count
        #expect(adaptiveThrottles < fixedThrottles, "throttled attempts: adaptive \(adaptiveThrottles), fixed \(fixedThrottles)")
        #expect(late.throttledShare < fixed.secondHalf.throttledShare)
        print(
            "adaptive: \(adaptive.kms.count) KMS attempts (\(adaptiveThrottles) throttled) in \(adaptive.kmsSeconds) s, "
                + "late \(late.perSecond)/s \(late.throttledShare) throttled, logs done in \(adaptive.logsSeconds) s; "
                + "fixed: \(fixed.kms.count) attempts (\(fixedThrottles) throttled), late share \(fixed.secondHalf.throttledShare), "
                + "\(fixed.failures) failed")
    }

    @Test func theRateHalvesOnThrottlingOncePerCooldownAndGrowsBackOnSuccesses() async throws {
        let limiter = AdaptiveRateLimiter(minimumRate: 1, increase: 4, decrease: 0.5, cooldown: .seconds(10))
        #expect(await limiter.rate(for: "s/r") == nil)
        for _ in 0..<10 { _ = await limiter.reserve("s/r") }
        await limiter.throttled("s/r", sentAt: .now)
        let first = try #require(await limiter.rate(for: "s/r"))
        #expect(abs(first - 5) < 0.01, "half of the 10 sends of the last second: \(first)")
        // Within the cooldown a second throttle is the same signal.
        await limiter.throttled("s/r", sentAt: .now)
        #expect(await limiter.rate(for: "s/r") == first)
        for _ in 0..<5 { await limiter.succeeded("s/r") }
        let grown = try #require(await limiter.rate(for: "s/r"))
        #expect(grown > first && grown < first + 5)
        // Another key is untouched.
        #expect(await limiter.rate(for: "other/r") == nil)
        // Paced: the reservations of a limited key are 1/rate apart.
        let a = await limiter.reserve("s/r")
        let b = await limiter.reserve("s/r")
        #expect(abs((b - a) / .seconds(1) - 1 / grown) < 0.01)
    }
}
