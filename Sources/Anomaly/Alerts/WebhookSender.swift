import Foundation
import Model

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends an alert to a Slack-compatible webhook (`{"text": …, "blocks": […]}`), retrying failures with
/// exponential backoff, under a hard deadline: the HTTP work runs in its own task, and `send` returns when
/// the deadline passes even if that task is stuck in a connection that never answers.
public struct WebhookSender: Sendable {
    /// How a send ended.
    public enum Outcome: Sendable, Hashable {
        case delivered(attempts: Int)
        case failed(attempts: Int, AnomalyError)
        case timedOut(attempts: Int)
    }

    public var url: URL
    public var maxAttempts: Int
    /// Delay before the second attempt; doubled for each further attempt.
    public var initialBackoff: Double
    /// Limit for one HTTP attempt.
    public var attemptTimeout: Double
    /// Limit for the whole send, retries included.
    public var deadline: Double

    /// A sender for `url`; times in seconds.
    public init(url: URL, maxAttempts: Int = 4, initialBackoff: Double = 0.25, attemptTimeout: Double = 5, deadline: Double = 15) {
        self.url = url
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.attemptTimeout = attemptTimeout
        self.deadline = deadline
    }

    /// The URL without path, query or user-info: a Slack webhook's path is its secret, so errors and logs name
    /// only the host.
    public var redactedURL: String {
        var text = "\(url.scheme ?? "https")://\(url.host ?? "?")"
        if let port = url.port { text += ":\(port)" }
        return text + "/…"
    }

    /// The Slack-compatible body: a plain `text` fallback and a section block with the reasons.
    public static func payload(_ alert: Alert) -> Data {
        let head = "*[\(alert.severity.displayName)] \(alert.title)*"
        var detail = "Principal: `\(alert.principal)`"
        if !alert.account.isEmpty { detail += " · account \(alert.account)" }
        detail += "\nWindow: \(Timestamp.format(alert.windowStart)) – \(Timestamp.format(alert.windowEnd)) · \(alert.source)"
        if let score = alert.score { detail += String(format: " · score %.3f", score) }
        let reasons = alert.reasons.map { "• \($0)" }.joined(separator: "\n")
        let body: [String: Any] = [
            "text": "[\(alert.severity.displayName)] \(alert.title) — \(alert.principal)",
            "blocks": [
                ["type": "section", "text": ["type": "mrkdwn", "text": head + "\n" + detail]],
                ["type": "section", "text": ["type": "mrkdwn", "text": reasons.isEmpty ? "(no details)" : reasons]],
                ["type": "context", "elements": [["type": "mrkdwn", "text": "dedupe key: \(alert.dedupeKey)"]]],
            ],
        ]
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// Sends one alert; returns by `deadline` whatever the server does.
    public func send(_ alert: Alert) async -> Outcome {
        let body = Self.payload(alert)
        let gate = OnceGate<Outcome>()
        let progress = AttemptCounter()
        let work = Task.detached { [self] in
            let outcome = await self.attempts(body: body, progress: progress)
            gate.resolve(outcome)
        }
        let timer = Task.detached { [deadline] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, deadline) * 1e9))
            gate.resolve(.timedOut(attempts: progress.value))
        }
        let outcome = await gate.wait()
        work.cancel()
        timer.cancel()
        return outcome
    }

    func attempts(body: Data, progress: AttemptCounter) async -> Outcome {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = attemptTimeout
        configuration.timeoutIntervalForResource = attemptTimeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, timeoutInterval: attemptTimeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        var lastError = AnomalyError(.webhook, "not attempted", location: redactedURL)
        for attempt in 1...maxAttempts {
            if Task.isCancelled { break }
            progress.set(attempt)
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return .delivered(attempts: attempt) }
                let snippet = String(decoding: data.prefix(200), as: UTF8.self)
                lastError = AnomalyError(.webhook, "HTTP \(status): \(snippet)", location: redactedURL)
                // Client errors other than rate limiting will not improve on retry.
                if (400..<500).contains(status) && status != 429 { return .failed(attempts: attempt, lastError) }
            } catch {
                lastError = AnomalyError(.webhook, "request failed: \(error.localizedDescription)", location: redactedURL)
            }
            if attempt < maxAttempts {
                let delay = initialBackoff * Double(1 << (attempt - 1))
                try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            }
        }
        return .failed(attempts: progress.value, lastError)
    }
}

/// The first of several racers to finish sets the result; a waiter gets it exactly once.
final class OnceGate<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    private var waiter: CheckedContinuation<T, Never>?

    func resolve(_ v: T) {
        lock.lock()
        guard value == nil else {
            lock.unlock()
            return
        }
        value = v
        let w = waiter
        waiter = nil
        lock.unlock()
        w?.resume(returning: v)
    }

    func wait() async -> T {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let value {
                lock.unlock()
                continuation.resume(returning: value)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}

/// How many attempts a send has started, readable from the deadline task.
final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
    func set(_ v: Int) {
        lock.lock()
        count = v
        lock.unlock()
    }
}
