import Dispatch
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The product transport: FoundationNetworking's URLSession (libcurl on Linux) with a total per-request timeout,
/// a response size limit, no cookies or caches, and redirects followed only within the same scheme, host and port
/// (a redirect elsewhere is returned as the 3xx response, so signed headers never travel to another host).
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // Unchecked: every stored property is immutable after init; the delegate guards its own state with a lock.
    private let session: URLSession
    private let delegate: TransportDelegate
    /// The largest body accepted; a larger one fails with `.responseTooLarge`.
    public let maxResponseBytes: Int
    /// Time allowed until the response starts (connect, send, the server's first bytes); nil = only the
    /// request's total timeout. A listener that accepts and never answers then fails fast, while a large body
    /// that is arriving still gets the whole timeout.
    public let connectTimeout: Duration?

    /// Creates a transport with its own URL session.
    public init(maxResponseBytes: Int = 64 << 20, maxConnectionsPerHost: Int = 16, connectTimeout: Duration? = nil) {
        self.maxResponseBytes = maxResponseBytes
        self.connectTimeout = connectTimeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        let delegate = TransportDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Sends `request`; the timeout covers the whole exchange, not just idle time.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let label = (api: request.api, url: request.redactedURL)
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            request.url.host != nil
        else {
            throw HTTPError(.invalidURL, "only http and https URLs with a host can be sent", api: label.api, url: label.url)
        }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = max(1, timeout.seconds)
        urlRequest.httpShouldHandleCookies = false
        for (name, value) in request.headers {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method.uppercased()) {
            urlRequest.httpBody = request.body
        }
        let task = session.dataTask(with: urlRequest)
        let id = task.taskIdentifier
        let delegate = self.delegate
        let limit = maxResponseBytes
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                delegate.register(
                    id,
                    TransportDelegate.TaskState(
                        continuation: continuation, api: label.api, url: label.url, limit: limit, origin: request.url))
                task.resume()
                if let connect = self.connectTimeout, connect < timeout {
                    DispatchQueue.global().asyncAfter(deadline: .now() + connect.seconds) {
                        if delegate.failWithoutResponse(
                            id,
                            HTTPError(
                                .timeout, "no response started within \(connect)", api: label.api, url: label.url))
                        {
                            task.cancel()
                        }
                    }
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) {
                    if delegate.fail(
                        id,
                        HTTPError(
                            .timeout, "no complete response within \(timeout)",
                            api: label.api, url: label.url))
                    {
                        task.cancel()
                    }
                }
            }
        } onCancel: {
            if delegate.fail(id, HTTPError(.cancelled, "request cancelled", api: label.api, url: label.url)) {
                task.cancel()
            }
        }
    }
}

/// Collects the body of each running task and resumes its continuation exactly once.
private final class TransportDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Unchecked: `states` is only touched under `lock`; URLSession calls the delegate on its own queue.
    struct TaskState {
        var continuation: CheckedContinuation<HTTPResponse, any Error>
        var api: String
        var url: String
        var limit: Int
        var origin: URL
        var data = Data()
        var response: HTTPURLResponse?
        var failure: HTTPError?
    }

    private let lock = NSLock()
    private var states: [Int: TaskState] = [:]

    func register(_ id: Int, _ state: TaskState) {
        lock.withLock { states[id] = state }
    }

    /// Records a failure that wins over whatever the task reports later; false when the task already finished.
    @discardableResult
    func fail(_ id: Int, _ error: HTTPError) -> Bool {
        lock.withLock {
            guard states[id] != nil else { return false }
            if states[id]?.failure == nil { states[id]?.failure = error }
            return true
        }
    }

    /// Like `fail`, but only while no response has started; false when one has or the task finished.
    func failWithoutResponse(_ id: Int, _ error: HTTPError) -> Bool {
        lock.withLock {
            guard let state = states[id], state.response == nil else { return false }
            if state.failure == nil { states[id]?.failure = error }
            return true
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge: Bool = lock.withLock {
            guard var state = states[dataTask.taskIdentifier] else { return false }
            state.response = response as? HTTPURLResponse
            let expected = response.expectedContentLength
            var over = false
            if expected > Int64(state.limit) {
                state.failure =
                    state.failure
                    ?? HTTPError(
                        .responseTooLarge,
                        "response of \(expected) bytes exceeds the \(state.limit)-byte limit", api: state.api, url: state.url)
                over = true
            }
            states[dataTask.taskIdentifier] = state
            return over
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge: Bool = lock.withLock {
            guard var state = states[dataTask.taskIdentifier] else { return false }
            guard state.failure == nil else { return true }
            if state.data.count + data.count > state.limit {
                state.failure = HTTPError(
                    .responseTooLarge, "response exceeds the \(state.limit)-byte limit",
                    api: state.api, url: state.url)
                states[dataTask.taskIdentifier] = state
                return true
            }
            state.data.append(data)
            states[dataTask.taskIdentifier] = state
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let origin = lock.withLock { states[task.taskIdentifier]?.origin }
        guard let origin, let target = request.url,
            origin.scheme?.lowercased() == target.scheme?.lowercased(),
            origin.host?.lowercased() == target.host?.lowercased(), origin.port == target.port
        else {
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let state = lock.withLock({ states.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = state.failure {
            state.continuation.resume(throwing: failure)
        } else if let error {
            let nsError = error as NSError
            state.continuation.resume(
                throwing: HTTPError(
                    .connection, TransportDelegate.describe(error), api: state.api, url: state.url,
                    underlying: NSError(domain: nsError.domain, code: nsError.code)))
        } else if let response = state.response ?? (task.response as? HTTPURLResponse) {
            var headers: [(String, String)] = []
            for (key, value) in response.allHeaderFields {
                headers.append(("\(key)", "\(value)"))
            }
            headers.sort { $0.0.lowercased() < $1.0.lowercased() }
            state.continuation.resume(returning: HTTPResponse(status: response.statusCode, headers: headers, body: state.data))
        } else {
            state.continuation.resume(
                throwing: HTTPError(
                    .connection, "the connection closed without an HTTP response", api: state.api, url: state.url))
        }
    }

    /// The error's description without the failing URL, which URLSession would otherwise echo (query included).
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        let reason: String
        switch nsError.code {
        case NSURLErrorCannotConnectToHost: reason = "connection refused"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: reason = "host not found"
        case NSURLErrorTimedOut: reason = "timed out"
        case NSURLErrorNetworkConnectionLost: reason = "connection lost"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted: reason = "TLS handshake failed"
        default: reason = "network error"
        }
        return "\(reason) (\(nsError.domain) \(nsError.code))"
    }
}
