import Foundation
import TestSupport
import Testing

@testable import Anomaly

@Suite struct AlertDeliveryTests {
    static let alert = Alert(
        dedupeKey: "model|arn:aws:iam::1:user/dev|1772409600", severity: .high, principal: "arn:aws:iam::1:user/dev",
        account: "1", windowStart: Support.monday, windowEnd: Support.monday + 3600, title: "Unusual activity",
        reasons: ["GetSecretValue ×37 in the window (usual 0–1)"], score: 0.71, source: .model)

    @Test func payloadIsSlackCompatible() throws {
        let object = try JSONSerialization.jsonObject(with: WebhookSender.payload(Self.alert)) as? [String: Any]
        let text = try #require(object?["text"] as? String)
        #expect(text.contains("HIGH") && text.contains("arn:aws:iam::1:user/dev"))
        let blocks = try #require(object?["blocks"] as? [[String: Any]])
        #expect(blocks.count == 3)
        #expect(blocks.allSatisfy { $0["type"] is String })
        let reasons = (blocks[1]["text"] as? [String: Any])?["text"] as? String
        #expect(reasons?.contains("GetSecretValue ×37") == true)
    }

    /// A server answering the Nth request with `statuses[N-1]` (the last one repeats).
    static func scripted(_ statuses: [Int]) throws -> LoopbackHTTPServer {
        let counter = TestCounter()
        return try LoopbackHTTPServer { _ in
            CannedResponse(status: statuses[min(counter.next(), statuses.count) - 1], text: "ok")
        }
    }

    @Test func deliveredAfterTwoFailures() async throws {
        let server = try Self.scripted([503, 500, 200])
        defer { server.stop() }
        let sender = WebhookSender(
            url: server.baseURL.appendingPathComponent("hook"), maxAttempts: 4, initialBackoff: 0.05, attemptTimeout: 120,
            deadline: 300)
        // Generous bounds: on a machine running the whole suite an attempt can wait seconds for a thread; the
        // deadline is not what this test is about (serverThatNeverAnswersCannotStallTheCaller is).
        let outcome = await sender.send(Self.alert)
        #expect(outcome == .delivered(attempts: 3))
        #expect(server.requests.count == 3)
        #expect(server.requests.allSatisfy { $0.method == "POST" && $0.text.contains("\"blocks\"") && $0.text.contains("\"text\"") })
        #expect(server.requests.first?.header("Content-Type") == "application/json")
    }

    @Test func clientErrorIsNotRetried() async throws {
        let server = try Self.scripted([404])
        defer { server.stop() }
        // A Slack webhook's path is its secret: errors name the host only.
        let url = server.baseURL.appendingPathComponent("services/T0001/B0002/hook-secret-x")
        let outcome = await WebhookSender(url: url, initialBackoff: 0.05, attemptTimeout: 120, deadline: 300).send(Self.alert)
        guard case .failed(let attempts, let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(attempts == 1)
        #expect(error.message.contains("HTTP 404"))
        #expect(error.location == "http://127.0.0.1:\(server.port)/…")
        #expect(!"\(outcome)".contains("hook-secret-x"))
    }

    @Test func serverThatNeverAnswersCannotStallTheCaller() async throws {
        // The handler holds the request far past the sender's deadline, even on a machine so busy that the
        // deadline's timer runs seconds late (stopping the server does not wait for its handlers).
        let server = try LoopbackHTTPServer { _ in
            Thread.sleep(forTimeInterval: 60)
            return CannedResponse(status: 200)
        }
        defer { server.stop() }
        // The attempt timeout is far beyond the deadline: only the deadline can end this send.
        let sender = WebhookSender(url: server.baseURL, maxAttempts: 3, initialBackoff: 0.05, attemptTimeout: 600, deadline: 1)
        let outcome = await sender.send(Self.alert)
        #expect(outcome == .timedOut(attempts: 1))
    }

    @Test func unreachableEndpointFailsAfterRetries() async throws {
        // A port that was listening and is closed now: connections are refused at once.
        let server = try Self.scripted([200])
        let url = server.baseURL
        try await Task.sleep(nanoseconds: 200_000_000)  // let the accept thread reach accept() before the socket closes
        server.stop()
        let outcome = await WebhookSender(url: url, maxAttempts: 2, initialBackoff: 0.01, attemptTimeout: 60, deadline: 300).send(
            Self.alert)
        guard case .failed(let attempts, _) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(attempts == 2)
    }

    @Test func webhookSinkDeliversInTheBackgroundAndDrains() async throws {
        let server = try Self.scripted([500, 200])
        defer { server.stop() }
        let outcomes = LineCollector()
        let sink = WebhookAlertSink(sender: WebhookSender(url: server.baseURL, initialBackoff: 0.01, attemptTimeout: 120, deadline: 300)) {
            alert, outcome in
            outcomes.add("\(alert.dedupeKey) \(outcome)")
        }
        await sink.deliver([Self.alert])
        await sink.drain()
        #expect(outcomes.lines == ["\(Self.alert.dedupeKey) delivered(attempts: 2)"])
        #expect(server.requests.count == 2)
    }

    @Test func printSinkWritesTextAndJSON() async throws {
        let lines = LineCollector()
        await PrintAlertSink(json: false, write: { lines.add($0) }).deliver([Self.alert])
        await PrintAlertSink(json: true, write: { lines.add($0) }).deliver([Self.alert])
        #expect(lines.lines[0].hasPrefix("[HIGH] Unusual activity"))
        #expect(lines.lines[0].contains("- GetSecretValue ×37"))
        let decoded = try JSONDecoder().decode(Alert.self, from: Data(lines.lines[1].utf8))
        #expect(decoded == Self.alert)
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ s: String) {
        lock.lock()
        stored.append(s)
        lock.unlock()
    }
    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
