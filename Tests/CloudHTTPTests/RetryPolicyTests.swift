import CloudHTTP
import Foundation
import TestSupport
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    /// Fast retries with a deterministic jitter (always the full ceiling).
    static let fast = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(20), jitter: { $0 })

    @Test func retriesThrottlingStatusUntilSuccess() async throws {
        let calls = TestCounter()
        let server = try LoopbackHTTPServer { _ in
            calls.next() <= 2 ? CannedResponse(status: 429, text: "slow down") : CannedResponse(text: "ok")
        }
        defer { server.stop() }
        let (response, attempts) = try await Self.fast.send(
            HTTPRequest(method: "GET", url: server.baseURL), via: URLSessionTransport(), timeout: .seconds(10))
        #expect(response.status == 200)
        #expect(attempts == 3)
        #expect(server.requests.count == 3)
    }

    @Test func retriesAProtocolLevelCodeThroughTheCallersClassifier() async throws {
        let calls = TestCounter()
        let server = try LoopbackHTTPServer { _ in
            calls.next() == 1
                ? CannedResponse(status: 400, text: "<Response><Errors><Error><Code>Throttling</Code></Error></Errors></Response>")
                : CannedResponse(text: "ok")
        }
        defer { server.stop() }
        let (response, attempts) = try await Self.fast.send(
            HTTPRequest(method: "GET", url: server.baseURL), via: URLSessionTransport(), timeout: .seconds(10),
            isRetryable: { String(decoding: $0.body, as: UTF8.self).contains("<Code>Throttling</Code>") })
        #expect(response.status == 200)
        #expect(attempts == 2)
    }

    @Test func doesNotRetryAClientError() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(status: 403, text: "denied") }
        defer { server.stop() }
        let (response, attempts) = try await Self.fast.send(
            HTTPRequest(method: "GET", url: server.baseURL), via: URLSessionTransport(), timeout: .seconds(10))
        #expect(response.status == 403)
        #expect(attempts == 1)
        #expect(server.requests.count == 1)
    }

    @Test func stopsAfterMaxAttemptsAndReturnsTheLastResponse() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(status: 503, text: "busy") }
        defer { server.stop() }
        let (response, attempts) = try await Self.fast.send(
            HTTPRequest(method: "GET", url: server.baseURL), via: URLSessionTransport(), timeout: .seconds(10))
        #expect(response.status == 503)
        #expect(attempts == 4)
        #expect(server.requests.count == 4)
    }

    @Test func retriesConnectionErrorsThenGivesUp() async throws {
        let port = try MotoServer.freePort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let error = await #expect(throws: HTTPError.self) {
            _ = try await Self.fast.send(HTTPRequest(method: "GET", url: url), via: URLSessionTransport(), timeout: .seconds(5))
        }
        #expect(error?.code == .connection)
    }

    @Test func backoffDoublesUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: { $0 })
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil) == .milliseconds(400))
        #expect(policy.delay(beforeRetry: 8, retryAfter: nil) == .seconds(1))
    }

    @Test func fullJitterStaysWithinTheCeiling() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        for retry in 1...6 {
            let d = policy.delay(beforeRetry: retry, retryAfter: nil)
            #expect(d >= .zero && d <= .seconds(1))
        }
    }

    @Test func retryAfterSecondsAndHTTPDateAreHonouredButCapped() throws {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(30), jitter: { $0 })
        let seconds = HTTPResponse(status: 429, headers: [("Retry-After", "7")])
        #expect(RetryPolicy.retryAfter(seconds) == .seconds(7))
        let now = try #require(ISO8601DateFormatter().date(from: "2015-10-21T07:28:00Z"))
        let dated = HTTPResponse(status: 503, headers: [("retry-after", "Wed, 21 Oct 2015 07:28:12 GMT")])
        #expect(RetryPolicy.retryAfter(dated, now: now) == .seconds(12))
        #expect(RetryPolicy.retryAfter(HTTPResponse(status: 503, headers: [("Retry-After", "soon")])) == nil)
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(3600)) == .seconds(30))
    }
}
