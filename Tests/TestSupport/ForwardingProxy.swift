import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A loopback HTTP server that forwards every request to an upstream server (moto) unless `intercept` answers it
/// first: the way to make one call of a real service fail (a 500 on one GetObject, a throttle) while the rest work.
public final class ForwardingProxy: Sendable {
    public let server: LoopbackHTTPServer
    public let upstream: URL

    /// Starts a proxy to `upstream`; `intercept` returns a response to send instead of forwarding, or nil.
    public init(upstream: URL, intercept: @escaping @Sendable (ReceivedRequest) -> CannedResponse? = { _ in nil }) throws {
        self.upstream = upstream
        self.server = try LoopbackHTTPServer { request in
            intercept(request) ?? ForwardingProxy.forward(request, to: upstream)
        }
    }

    /// `http://127.0.0.1:PORT` of the proxy.
    public var baseURL: URL { server.baseURL }

    /// Every request the proxy received (forwarded or intercepted), in arrival order.
    public var requests: [ReceivedRequest] { server.requests }

    /// Stops accepting connections.
    public func stop() { server.stop() }

    /// Headers that describe one hop's connection or encoding, never copied across the proxy.
    static let hopHeaders: Set<String> = [
        "host", "content-length", "connection", "expect", "transfer-encoding",
        "content-encoding",
    ]

    /// Sends `request` upstream and waits (on the proxy's connection thread) for the answer; a 502 when it fails.
    public static func forward(_ request: ReceivedRequest, to upstream: URL) -> CannedResponse {
        guard let url = URL(string: upstream.absoluteString + request.target) else {
            return CannedResponse(status: 502, text: "proxy: bad target \(request.target)")
        }
        var outgoing = URLRequest(url: url, timeoutInterval: 30)
        outgoing.httpMethod = request.method
        for (name, value) in request.headers where !hopHeaders.contains(name.lowercased()) {
            outgoing.addValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty { outgoing.httpBody = request.body }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: outgoing) { data, response, error in
            if let http = response as? HTTPURLResponse {
                var headers: [(String, String)] = []
                for case let (name as String, value as String) in http.allHeaderFields
                where !hopHeaders.contains(name.lowercased()) {
                    headers.append((name, value))
                }
                box.set(CannedResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            } else {
                box.set(CannedResponse(status: 502, text: "proxy: upstream failed: \(error.map { "\($0)" } ?? "no response")"))
            }
            done.signal()
        }.resume()
        done.wait()
        return box.get() ?? CannedResponse(status: 502, text: "proxy: no upstream answer")
    }

    /// The upstream answer handed from URLSession's callback to the waiting connection thread.
    final class ResultBox: @unchecked Sendable {
        // Unchecked: `value` is only touched under `lock`.
        private let lock = NSLock()
        private var value: CannedResponse?
        func set(_ response: CannedResponse) { lock.withLock { value = response } }
        func get() -> CannedResponse? { lock.withLock { value } }
    }
}
