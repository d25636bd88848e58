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
