import CloudHTTP
import TestSupport

/// Passes every attempt to `base` and counts them, and the ones that failed in transport, so a test can assert
/// how many calls a client made without timing anything.
final class CountingTransport: HTTPTransport, Sendable {
    let base: any HTTPTransport
    /// Attempts sent.
    let attempts = TestCounter()
    /// Attempts that ended in a transport error (no HTTP response).
    let transportFailures = TestCounter()

    /// Wraps `base`.
    init(_ base: any HTTPTransport) { self.base = base }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        _ = attempts.next()
        do {
            return try await base.send(request, timeout: timeout)
        } catch let error as HTTPError {
            _ = transportFailures.next()
            throw error
        }
    }
}
