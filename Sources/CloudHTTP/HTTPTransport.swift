/// Sends one HTTP request and returns the whole response; cloud clients depend on this, never on a concrete client.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, failing with `HTTPError` after `timeout` in total (connect, send, receive).
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}
