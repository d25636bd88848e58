import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on 127.0.0.1 that accepts every connection and never answers: the endpoint that hangs a client
/// without a response timeout. It counts the connections it accepted and closes them all on `stop`.
public final class SilentTCPListener: @unchecked Sendable {
    // Unchecked: `accepted` and `stopped` are only touched under `lock`; the socket is set once.
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []
    private var stopped = false

    /// Starts listening at once.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw TestServerError("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL {
        // The literal is well-formed for every port, so the fallback is never taken.
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Connections accepted so far.
    public var connections: Int { lock.withLock { accepted.count } }

    /// Stops accepting and closes every held connection.
    public func stop() {
        let held = lock.withLock { () -> [Int32]? in
            guard !stopped else { return nil }
            stopped = true
            return accepted
        }
        guard let held else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in held { close(fd) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let keep = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                accepted.append(client)
                return true
            }
            if !keep { close(client) }
        }
    }
}
