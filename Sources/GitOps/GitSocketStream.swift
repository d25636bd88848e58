import CGit2
import CGitShim
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// libgit2's standard (plain TCP) stream, replaced so every wait is bounded by the current operation's deadline.
///
/// libgit2 1.5 creates all TCP connections through the registered standard stream: git:// and http:// use it
/// directly, https:// wraps it in mbedTLS, and ssh:// hands its descriptor to libssh2. Connect, read and write
/// wait with `poll` in slices of at most 200 ms and give up when the operation's deadline or stall limit passes.
enum GitSocketStream {
    private static let slice: Int32 = 200

    /// Registers the stream with libgit2 (once, from `GitRuntime`).
    static func register() -> Int32 {
        var registration = git_stream_registration()
        registration.version = 1  // GIT_STREAM_VERSION
        registration.`init` = { out, host, port in GitSocketStream.create(out, host, port) }
        registration.wrap = nil
        return git_stream_register(GIT_STREAM_STANDARD, &registration)
    }

    fileprivate static func create(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_stream>?>?, _ host: UnsafePointer<CChar>?,
        _ port: UnsafePointer<CChar>?
    ) -> Int32 {
        guard let out, let host, let port else { return -1 }
        let stream = UnsafeMutablePointer<bulwark_socket_stream>.allocate(capacity: 1)
        stream.initialize(to: bulwark_socket_stream())
        stream.pointee.parent.version = 1
        stream.pointee.parent.encrypted = 0
        stream.pointee.parent.proxy_support = 0
        stream.pointee.parent.connect = { GitSocketStream.connect(GitSocketStream.cast($0)) }
        stream.pointee.parent.read = { GitSocketStream.read(GitSocketStream.cast($0), $1, $2) }
        stream.pointee.parent.write = { stream, data, length, _ in
            GitSocketStream.write(GitSocketStream.cast(stream), data, length)
        }
        stream.pointee.parent.close = { GitSocketStream.close(GitSocketStream.cast($0)) }
        stream.pointee.parent.free = { GitSocketStream.free(GitSocketStream.cast($0)) }
        stream.pointee.host = strdup(host)
        stream.pointee.port = strdup(port)
        stream.pointee.s = -1
        // Without an operation (a libgit2 call made outside our API) the stream still bounds waits by the defaults.
        let operation =
            CurrentGitOperation.value
            ?? GitOperation(name: "network", url: String(cString: host), options: GitRemoteOptions())
        stream.pointee.context = Unmanaged.passRetained(operation).toOpaque()
        out.pointee = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: git_stream.self)
        return 0
    }

    fileprivate static func cast(_ stream: UnsafeMutablePointer<git_stream>?) -> UnsafeMutablePointer<bulwark_socket_stream> {
        // libgit2 hands back the pointer `create` returned; `parent` is the first field.
        UnsafeMutableRawPointer(stream!).assumingMemoryBound(to: bulwark_socket_stream.self)
    }

    private static func operation(_ stream: UnsafeMutablePointer<bulwark_socket_stream>) -> GitOperation {
        Unmanaged<GitOperation>.fromOpaque(stream.pointee.context).takeUnretainedValue()
    }

    private static func fail(_ message: String) -> Int32 {
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
        return -1
    }

    private enum Wait { case ready, aborted, failed(Int32) }

    /// Waits for `events` on `fd` in short slices until ready or the operation must stop.
    private static func wait(_ fd: Int32, _ events: Int32, _ operation: GitOperation) -> Wait {
        while true {
            if operation.shouldAbort() { return .aborted }
            var descriptor = pollfd(fd: fd, events: Int16(events), revents: 0)
            let remainingMs = Int32(clamping: operation.remainingNanoseconds() / 1_000_000 + 1)
            let result = poll(&descriptor, 1, min(slice, remainingMs))
            if result > 0 { return .ready }
            if result < 0 && errno != EINTR { return .failed(errno) }
        }
    }

    private static func abortMessage(_ operation: GitOperation, _ what: String) -> Int32 {
        fail("\(operation.name): \(what) stopped at the deadline or stall limit")
    }

    fileprivate static func connect(_ stream: UnsafeMutablePointer<bulwark_socket_stream>) -> Int32 {
        let operation = operation(stream)
        let host = String(cString: stream.pointee.host)
        let port = String(cString: stream.pointee.port)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var addresses: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(stream.pointee.host, stream.pointee.port, &hints, &addresses)
        guard resolved == 0 else {
            return fail("failed to resolve address for \(host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(addresses) }
        var lastError: Int32 = ECONNREFUSED
        var candidate = addresses
        while let address = candidate {
            candidate = address.pointee.ai_next
            let flags = Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype | flags, address.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = errno
                continue
            }
            operation.register(socket: fd)
            var connected = Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
            if !connected && errno == EINPROGRESS {
                switch wait(fd, Int32(POLLOUT), operation) {
                case .ready:
                    var socketError: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
                    connected = socketError == 0
                    lastError = socketError
                case .aborted:
                    operation.unregister(socket: fd)
                    Glibc.close(fd)
                    return abortMessage(operation, "connecting to \(host):\(port)")
                case .failed(let code):
                    lastError = code
                }
            } else if !connected {
                lastError = errno
            }
            if connected {
                stream.pointee.s = fd
                operation.noteProgress()
                return 0
            }
            operation.unregister(socket: fd)
            Glibc.close(fd)
        }
        return fail("failed to connect to \(host):\(port): \(String(cString: strerror(lastError)))")
    }

    fileprivate static func read(
        _ stream: UnsafeMutablePointer<bulwark_socket_stream>, _ buffer: UnsafeMutableRawPointer?, _ length: Int
    ) -> Int {
        let operation = operation(stream)
        let fd = stream.pointee.s
        while true {
            switch wait(fd, Int32(POLLIN), operation) {
            case .aborted: return Int(abortMessage(operation, "reading"))
            case .failed(let code): return Int(fail("socket poll failed: \(String(cString: strerror(code)))"))
            case .ready: break
            }
            let count = recv(fd, buffer, length, 0)
            if count > 0 {
                operation.noteProgress()
                return count
            }
            if count == 0 {
                // A watchdog shutdown looks like end-of-file; report the deadline rather than a short read.
                return operation.shouldAbort() ? Int(abortMessage(operation, "reading")) : 0
            }
            if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
            return Int(fail("could not read from socket: \(String(cString: strerror(errno)))"))
        }
    }

    fileprivate static func write(
        _ stream: UnsafeMutablePointer<bulwark_socket_stream>, _ data: UnsafePointer<CChar>?, _ length: Int
    ) -> Int {
        let operation = operation(stream)
        let fd = stream.pointee.s
        while true {
            switch wait(fd, Int32(POLLOUT), operation) {
            case .aborted: return Int(abortMessage(operation, "writing"))
            case .failed(let code): return Int(fail("socket poll failed: \(String(cString: strerror(code)))"))
            case .ready: break
            }
            let count = send(fd, data, length, Int32(MSG_NOSIGNAL))
            if count >= 0 {
                if count > 0 { operation.noteProgress() }
                return count
            }
            if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
            return Int(fail("could not write to socket: \(String(cString: strerror(errno)))"))
        }
    }

    fileprivate static func close(_ stream: UnsafeMutablePointer<bulwark_socket_stream>) -> Int32 {
        let fd = stream.pointee.s
        guard fd >= 0 else { return 0 }
        operation(stream).unregister(socket: fd)
        stream.pointee.s = -1
        return Glibc.close(fd) == 0 ? 0 : -1
    }

    fileprivate static func free(_ stream: UnsafeMutablePointer<bulwark_socket_stream>) {
        _ = close(stream)
        Glibc.free(stream.pointee.host)
        Glibc.free(stream.pointee.port)
        Unmanaged<GitOperation>.fromOpaque(stream.pointee.context).release()
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}
