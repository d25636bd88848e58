import CloudHTTP
import Foundation
import TestSupport
import Testing

/// The circuit breaker, the run deadline and the time-to-first-response bound, against loopback endpoints.
@Suite("CallGuard")
struct CallGuardTests {
    static let fast = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), jitter: { $0 })

    /// A port nothing listens on: every connection is refused.
    static func deadURL() throws -> URL {
        try #require(URL(string: "http://127.0.0.1:\(try LoopbackPort.unused())"))
    }

    @Test func threeRefusedAttemptsOpenTheKeyAndLaterCallsAreNotSent() async throws {
        let callGuard = CallGuard(breakerThreshold: 3)
        let transport = callGuard.transport(URLSessionTransport(), key: "ec2/us-east-1")
        let request = HTTPRequest(method: "GET", url: try Self.deadURL(), api: "ec2:DescribeInstances us-east-1")
        var codes: [HTTPError.Code] = []
        for _ in 0..<4 {
            do {
                _ = try await Self.fast.send(request, via: transport, timeout: .seconds(5))
            } catch let error as HTTPError {
                codes.append(error.code)
            }
        }
        // The first call's 5 attempts stop at the third failure; every later call is refused before it is sent.
        #expect(codes == [.circuitOpen, .circuitOpen, .circuitOpen, .circuitOpen])
        #expect(await callGuard.breaker.attempts()["ec2/us-east-1"] == 3)
        #expect(await callGuard.breaker.openKeys().map(\.key) == ["ec2/us-east-1"])
    }

    @Test func anAnsweringEndpointResetsTheCountAndOtherKeysStayClosed() async throws {
        let calls = TestCounter()
        let server = try LoopbackHTTPServer { _ in
            _ = calls.next()
            return CannedResponse(status: 403, text: "denied")
        }
        defer { server.stop() }
        let callGuard = CallGuard(breakerThreshold: 3)
        let dead = callGuard.transport(URLSessionTransport(), key: "rds/us-east-1")
        let live = callGuard.transport(URLSessionTransport(), key: "s3/us-east-1")
        let deadRequest = HTTPRequest(method: "GET", url: try Self.deadURL())
        for _ in 0..<2 { _ = try? await dead.send(deadRequest, timeout: .seconds(5)) }
        // A 4xx is an answer: the endpoint is up, so it never counts towards opening.
        for _ in 0..<5 {
            let response = try await live.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(5))
            #expect(response.status == 403)
        }
        #expect(calls.count == 5)
        #expect(await callGuard.breaker.openKeys().isEmpty)
        _ = try? await dead.send(deadRequest, timeout: .seconds(5))
        #expect(await callGuard.breaker.openKeys().map(\.key) == ["rds/us-east-1"])
    }

    @Test func aPassedDeadlineRefusesEveryAttemptUnsent() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(text: "ok") }
        defer { server.stop() }
        let callGuard = CallGuard(breakerThreshold: 3, deadline: .zero)
        let transport = callGuard.transport(URLSessionTransport(), key: "kms/us-east-1")
        await #expect(throws: HTTPError.self) {
            _ = try await Self.fast.send(HTTPRequest(method: "GET", url: server.baseURL), via: transport, timeout: .seconds(5))
        }
        #expect(server.requests.isEmpty)
        #expect(callGuard.isExpired)
    }

    @Test func aListenerThatNeverAnswersFailsAtTheConnectTimeoutNotTheRequestTimeout() async throws {
        let silent = try SilentTCPListener()
        defer { silent.stop() }
        let transport = URLSessionTransport(connectTimeout: .milliseconds(200))
        var failure: HTTPError?
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: silent.baseURL), timeout: .seconds(600))
        } catch let error as HTTPError {
            failure = error
        }
        #expect(failure?.code == .timeout)
        #expect(failure?.message.contains("no response started") == true)
        #expect(silent.connections == 1)
    }
}
