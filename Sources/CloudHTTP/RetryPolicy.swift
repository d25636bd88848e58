import Foundation

/// Exponential backoff with full jitter, as cloud APIs recommend for throttling and transient failures.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; 1 means no retries.
    public var maxAttempts: Int
    /// The backoff ceiling of the first retry; it doubles per retry up to `maxDelay`.
    public var baseDelay: Duration
    /// The largest wait between two attempts, `Retry-After` included.
    public var maxDelay: Duration
    /// Draws the wait in `0...ceiling` seconds; replaced in tests to make the schedule deterministic.
    public var jitter: @Sendable (Double) -> Double

    /// The default for cloud APIs: 5 attempts, 100 ms base, 20 s cap.
    public static let standard = RetryPolicy()
    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Creates a policy.
    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20),
        jitter: @escaping @Sendable (Double) -> Double = { Double.random(in: 0...max(0, $0)) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// Statuses that mean "try again later" on every cloud API: throttled, or a transient server failure.
    public static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// Whether `response` is worth retrying by its status alone.
    public static func isRetryableStatus(_ response: HTTPResponse) -> Bool {
        retryableStatuses.contains(response.status)
    }

    /// The wait before retry number `retry` (1-based): full jitter over `min(cap, base·2^(retry-1))`, or the
    /// server's `Retry-After` when it gave one (never more than the cap, so a hostile header cannot stall us).
    public func delay(beforeRetry retry: Int, retryAfter: Duration?) -> Duration {
        let cap = maxDelay.seconds
        if let retryAfter { return .seconds(min(cap, max(0, retryAfter.seconds))) }
        let ceiling = min(cap, baseDelay.seconds * pow(2, Double(max(0, retry - 1))))
        return .seconds(min(ceiling, max(0, jitter(ceiling))))
    }

    /// Parses `Retry-After`: delta seconds or an HTTP date (relative to `now`); nil when absent or unreadable.
    public static func retryAfter(_ response: HTTPResponse, now: Date = Date()) -> Duration? {
        guard let raw = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return nil
        }
        if let seconds = Double(raw), seconds >= 0, seconds.isFinite { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: raw) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }

    /// Sends `request` through `transport`, retrying transient failures, retryable statuses and whatever
    /// `isRetryable` flags (protocol-level codes such as `Throttling` in a 400 body). Returns the final response
    /// (which may still be an error status when it is not retryable) and the number of attempts made.
    public func send(
        _ request: HTTPRequest, via transport: any HTTPTransport, timeout: Duration,
        isRetryable: @Sendable (HTTPResponse) -> Bool = { _ in false }
    ) async throws -> (HTTPResponse, Int) {
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let response: HTTPResponse
            do {
                response = try await transport.send(request, timeout: timeout)
            } catch let error as HTTPError where error.isTransient && attempt < maxAttempts {
                try await Task.sleep(for: delay(beforeRetry: attempt, retryAfter: nil))
                continue
            }
            let retryable = RetryPolicy.isRetryableStatus(response) || isRetryable(response)
            if !retryable || attempt >= maxAttempts { return (response, attempt) }
            try await Task.sleep(for: delay(beforeRetry: attempt, retryAfter: RetryPolicy.retryAfter(response)))
        }
    }
}

extension Duration {
    /// The duration in seconds as a double.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
