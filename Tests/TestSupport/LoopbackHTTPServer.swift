import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request as the loopback server received it.
public struct ReceivedRequest: Sendable {
    public var method: String
    /// The request target as sent: path plus query string.
    public var target: String
    public var headers: [(String, String)]
    public var body: Data

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The path part of the target.
    public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A response the test's handler gives back.
public struct CannedResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    /// Creates a response with a binary body.
    public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response with a text body.
    public init(status: Int = 200, headers: [(String, String)] = [], text: String) {
        self.init(status: status, headers: headers, body: Data(text.utf8))
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, for tests of cloud clients: one thread per connection,
/// one request per connection (it answers `Connection: close`), every request recorded.
public final class LoopbackHTTPServer: @unchecked Sendable {
    // Unchecked: mutable state (`received`, `stopped`) is only touched under `lock`; the socket is set once.
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (ReceivedRequest) -> CannedResponse
    private let lock = NSLock()
    private var received: [ReceivedRequest] = []
    private var stopped = false

    /// Starts listening at once; `handler` runs on the connection's thread for every request.
    public init(handler: @escaping @Sendable (ReceivedRequest) -> CannedResponse) throws {
        self.handler = handler
        (self.listener, self.port) = try LoopbackPort.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL {
        // The literal is well-formed for every port, so the fallback is never taken.
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Every request received so far, in arrival order.
    public var requests: [ReceivedRequest] { lock.withLock { received } }

    /// Stops accepting; connections already accepted finish.
    public func stop() {
        let wasStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            guard let chunk = readChunk(client) else { return }
            buffer.append(chunk)
            headerEnd = buffer.range(of: separator)
            if buffer.count > 1 << 20 { return }
        }
        guard let end = headerEnd else { return }
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var request = ReceivedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: Data())
        if request.header("Expect")?.lowercased() == "100-continue" {
            write(client, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let length = Int(request.header("Content-Length") ?? "0") ?? 0
        var body = Data(buffer[end.upperBound...])
        while body.count < length {
            guard let chunk = readChunk(client) else { return }
            body.append(chunk)
        }
        request.body = body.prefix(length)
        lock.withLock { received.append(request) }
        let response = handler(request)
        var out = "HTTP/1.1 \(response.status) \(LoopbackHTTPServer.reason(response.status))\r\n"
        for (name, value) in response.headers { out += "\(name): \(value)\r\n" }
        if !response.headers.contains(where: { $0.0.lowercased() == "content-length" }) {
            out += "Content-Length: \(response.body.count)\r\n"
        }
        out += "Connection: close\r\n\r\n"
        write(client, Data(out.utf8) + response.body)
    }

    private func readChunk(_ client: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let n = bytes.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Data(bytes[0..<n])
    }

    private func write(_ client: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 302: return "Found"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

/// A failure of the test-support servers, with what went wrong.
public struct TestServerError: Error, CustomStringConvertible {
    public var description: String
    /// Creates an error with its message.
    public init(_ description: String) { self.description = description }
}

/// A thread-safe counter for handlers that must answer differently on the Nth call.
public final class TestCounter: @unchecked Sendable {
    // Unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0
    /// Creates a counter at zero.
    public init() {}
    /// Adds one and returns the new count.
    public func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
    /// The current count.
    public var count: Int { lock.withLock { value } }
}
