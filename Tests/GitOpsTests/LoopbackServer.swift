import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 and a free port, handling each connection with `handler` on its own thread.
final class LoopbackServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var connections: [Int32] = []
    private var stopped = false
    private var handled = 0

    /// What the server does with an accepted connection (it may keep it open by returning false).
    typealias Handler = @Sendable (Int32) -> Bool

    init(handler: @escaping Handler) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            throw GitCLI.Failure(description: "cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                lock.lock()
                if stopped {
                    lock.unlock()
                    Glibc.close(client)
                    return
                }
                connections.append(client)
                handled += 1
                lock.unlock()
                Thread.detachNewThread {
                    if handler(client) { self.closeConnection(client) }
                }
            }
        }
        thread.start()
    }

    /// Connections accepted so far.
    var acceptedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return handled
    }

    /// Closes `fd` unless `stop()` already did (a descriptor closed twice may be someone else's by then).
    private func closeConnection(_ fd: Int32) {
        lock.lock()
        let owned = connections.contains(fd)
        connections.removeAll { $0 == fd }
        lock.unlock()
        if owned { Glibc.close(fd) }
    }

    /// Stops accepting and closes every open connection.
    func stop() {
        lock.lock()
        guard !stopped else {
            lock.unlock()
            return
        }
        stopped = true
        let open = connections
        connections = []
        lock.unlock()
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        for fd in open {
            Glibc.shutdown(fd, Int32(SHUT_RDWR))
            Glibc.close(fd)
        }
    }

    deinit { stop() }

    /// A port nothing listens on (bound, then released).
    static func unusedPort() throws -> Int { try LoopbackPort.unused() }

    /// An http:// server that answers every request with 401 and a Basic challenge, so libgit2 keeps asking
    /// the credential callback for new credentials.
    static func alwaysUnauthorized() throws -> LoopbackServer {
        try LoopbackServer { fd in
            while readRequestHead(fd) {
                let response = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"git\"\r\nContent-Length: 0\r\n\r\n"
                _ = response.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            }
            return true
        }
    }

    /// Reads an HTTP request head (up to the blank line); false on EOF.
    static func readRequestHead(_ fd: Int32) -> Bool {
        var received = [UInt8]()
        var byte: UInt8 = 0
        while received.count < 65536 {
            guard recv(fd, &byte, 1, 0) == 1 else { return false }
            received.append(byte)
            if received.suffix(4) == [13, 10, 13, 10] { return true }
        }
        return false
    }
}
