import Foundation
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

    @Test func deliveredAfterTwoFailures() async throws {
        let server = try LoopbackHTTPServer(script: [503, 500, 200])
        defer { server.stop() }
        let sender = WebhookSender(url: server.url, maxAttempts: 4, initialBackoff: 0.05, attemptTimeout: 10, deadline: 30)
        let outcome = await sender.send(Self.alert)
        #expect(outcome == .delivered(attempts: 3))
        #expect(server.received.count == 3)
        #expect(server.received.allSatisfy { $0.contains("\"blocks\"") && $0.contains("\"text\"") })
    }

    @Test func clientErrorIsNotRetried() async throws {
        let server = try LoopbackHTTPServer(script: [404])
        defer { server.stop() }
        let outcome = await WebhookSender(url: server.url, initialBackoff: 0.05, deadline: 30).send(Self.alert)
        guard case .failed(let attempts, let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(attempts == 1)
        #expect(error.message.contains("HTTP 404"))
    }

    @Test func serverThatNeverAnswersCannotStallTheCaller() async throws {
        let server = try LoopbackHTTPServer(script: [nil])
        defer { server.stop() }
        // The attempt timeout is far beyond the deadline: only the deadline can end this send.
        let sender = WebhookSender(url: server.url, maxAttempts: 3, initialBackoff: 0.05, attemptTimeout: 600, deadline: 1)
        let outcome = await sender.send(Self.alert)
        #expect(outcome == .timedOut(attempts: 1))
    }

    @Test func unreachableEndpointFailsAfterRetries() async throws {
        // Bind then stop a server so the port is closed: connections are refused at once.
        let server = try LoopbackHTTPServer(script: [200])
        let url = server.url
        server.stop()
        let outcome = await WebhookSender(url: url, maxAttempts: 2, initialBackoff: 0.01, attemptTimeout: 5, deadline: 30).send(Self.alert)
        guard case .failed(let attempts, _) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(attempts == 2)
    }

    @Test func webhookSinkDeliversInTheBackgroundAndDrains() async throws {
        let server = try LoopbackHTTPServer(script: [500, 200])
        defer { server.stop() }
        let outcomes = LineCollector()
        let sink = WebhookAlertSink(sender: WebhookSender(url: server.url, initialBackoff: 0.01, deadline: 30)) { alert, outcome in
            outcomes.add("\(alert.dedupeKey) \(outcome)")
        }
        await sink.deliver([Self.alert])
        await sink.drain()
        #expect(outcomes.lines == ["\(Self.alert.dedupeKey) delivered(attempts: 2)"])
        #expect(server.received.count == 2)
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
    func add(_ s: String) { lock.lock(); stored.append(s); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
