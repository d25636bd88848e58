import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for webhook tests: answers each request with the
/// next scripted status, or — for a `nil` entry — accepts the connection and never answers.
final class LoopbackHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var script: [Int?]
    private var bodies: [String] = []
    private var held: [Int32] = []
    private var thread: Thread?
    private let acceptEnded = DispatchSemaphore(value: 0)

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts listening; `script` gives the status per request in order (the last one repeats).
    init(script: [Int?]) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw StartError(description: "bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        self.thread = thread
        thread.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/hook")! }

    /// Request bodies received so far.
    var received: [String] {
        lock.lock()
        defer { lock.unlock() }
        return bodies
    }

    /// Stops accepting and closes every connection.
    func stop() {
        // Close only after the accept thread has left accept(): a closed descriptor number is reused at once,
        // and a late accept() would serve another test's socket.
        shutdown(listener, Int32(SHUT_RDWR))
        acceptEnded.wait()
        close(listener)
        lock.lock()
        let connections = held
        held = []
        lock.unlock()
        for c in connections { close(c) }
    }

    private func acceptLoop() {
        defer { acceptEnded.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 { return }
            // A client that connects and sends nothing must not keep this thread (and stop()) waiting.
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            handle(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Read the head, then Content-Length bytes of body (bounded: test requests are small).
        while data.count < 1 << 20 {
            let n = read(connection, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[0..<n]
            if let headEnd = Self.find(data, Array("\r\n\r\n".utf8)) {
                let head = String(decoding: data[0..<headEnd], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count >= headEnd + 4 + length {
                    lock.lock()
                    bodies.append(String(decoding: data[(headEnd + 4)..<(headEnd + 4 + length)], as: UTF8.self))
                    let status = script.count > 1 ? script.removeFirst() : script.first ?? 200
                    lock.unlock()
                    guard let status else {
                        lock.lock()
                        held.append(connection)
                        lock.unlock()
                        return
                    }
                    let response = "HTTP/1.1 \(status) Scripted\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    _ = response.withCString { write(connection, $0, strlen($0)) }
                    break
                }
            }
        }
        close(connection)
    }

    private static func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }
}
