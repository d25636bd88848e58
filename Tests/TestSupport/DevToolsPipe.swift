import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The Chrome DevTools protocol over `--remote-debugging-pipe`: the browser reads NUL-terminated JSON commands on
/// its fd 3 and writes NUL-terminated replies and events on its fd 4. A reader thread (blocking reads stay off the
/// cooperative pool) matches replies to commands by id and keeps every event for `waitForEvent`.
public final class DevToolsPipe: @unchecked Sendable {
    /// A reply or event: the message's JSON object.
    public struct Message: @unchecked Sendable {
        public let object: [String: Any]
    }

    /// How long one command or awaited event may take before the harness gives up (a hang guard, not an assertion).
    public static let patience: TimeInterval = 60

    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let writer = DispatchQueue(label: "devtools-pipe-writer")
    private let lock = NSLock()
    private var nextID = 1
    private var replies: [Int: CheckedContinuation<Message, any Error>] = [:]
    private var events: [(sequence: Int, message: Message)] = []
    private var eventWaiters:
        [(id: Int, after: Int, method: String, session: String?, continuation: CheckedContinuation<Message, any Error>)] = []
    private var closedReason: String?

    /// Talks to a browser whose fd 3 is `toBrowser`'s other end and whose fd 4 is `fromBrowser`'s; starts reading.
    init(toBrowser: Int32, fromBrowser: Int32) {
        self.toBrowser = toBrowser
        self.fromBrowser = fromBrowser
        let thread = Thread { [self] in readLoop() }
        thread.name = "devtools-pipe-reader"
        thread.start()
    }

    /// Sends `method` with `params` (to a page when `session` is set) and returns the reply's `result`.
    public func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) async throws -> [String: Any] {
        let reply = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Message, any Error>) in
            lock.lock()
            if let closedReason {
                lock.unlock()
                continuation.resume(throwing: TestFailure("chromium: \(closedReason)"))
                return
            }
            let id = nextID
            nextID += 1
            replies[id] = continuation
            lock.unlock()
            var command: [String: Any] = ["id": id, "method": method, "params": params]
            if let session { command["sessionId"] = session }
            guard let json = try? JSONSerialization.data(withJSONObject: command) else {
                fail(id: id, TestFailure("chromium: \(method) parameters are not JSON"))
                return
            }
            let data = json + Data([0])
            writer.async { [self] in
                let written = data.withUnsafeBytes { buffer in Self.writeAll(toBrowser, buffer) }
                if !written { fail(id: id, TestFailure("chromium: cannot send \(method): the pipe is closed")) }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.patience) { [self] in
                fail(id: id, TestFailure("chromium: no reply to \(method) within \(Int(Self.patience)) s"))
            }
        }
        if let error = reply.object["error"] as? [String: Any] {
            throw TestFailure("chromium: \(method) failed: \(error["message"] ?? error)")
        }
        return reply.object["result"] as? [String: Any] ?? [:]
    }

    /// The position in the event log now: `waitForEvent(after:)` with it sees only events that come later.
    public func eventMark() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return events.last?.sequence ?? 0
    }

    /// The first event `method` (of `session`, when given) after `mark`, waiting for it if it has not come yet.
    public func waitForEvent(_ method: String, session: String? = nil, after mark: Int) async throws -> [String: Any] {
        let message = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Message, any Error>) in
            lock.lock()
            if let found = events.first(where: { $0.sequence > mark && Self.matches($0.message, method, session) }) {
                lock.unlock()
                continuation.resume(returning: found.message)
                return
            }
            if let closedReason {
                lock.unlock()
                continuation.resume(throwing: TestFailure("chromium: \(closedReason)"))
                return
            }
            let id = nextID
            nextID += 1
            eventWaiters.append((id, mark, method, session, continuation))
            lock.unlock()
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.patience) { [self] in
                lock.lock()
                let index = eventWaiters.firstIndex { $0.id == id }
                let waiter = index.map { eventWaiters.remove(at: $0) }
                lock.unlock()
                waiter?.continuation.resume(throwing: TestFailure("chromium: no \(method) within \(Int(Self.patience)) s"))
            }
        }
        return message.object["params"] as? [String: Any] ?? [:]
    }

    /// Closes our ends of the pipes (the reader thread ends when the browser's end closes).
    func close() {
        writer.sync { _ = Glibc.close(toBrowser) }
    }

    private static func matches(_ message: Message, _ method: String, _ session: String?) -> Bool {
        message.object["method"] as? String == method && (session == nil || message.object["sessionId"] as? String == session)
    }

    private func fail(id: Int, _ error: any Error) {
        lock.lock()
        let continuation = replies.removeValue(forKey: id)
        lock.unlock()
        continuation?.resume(throwing: error)
    }

    private func readLoop() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var sequence = 0
        while true {
            let count = read(fromBrowser, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let frame = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                guard let object = (try? JSONSerialization.jsonObject(with: frame)) as? [String: Any] else { continue }
                sequence += 1
                deliver(Message(object: object), sequence: sequence)
            }
        }
        Glibc.close(fromBrowser)
        lock.lock()
        closedReason = "the browser closed its DevTools pipe"
        let waiting = Array(replies.values) + eventWaiters.map(\.continuation)
        replies = [:]
        eventWaiters = []
        lock.unlock()
        for continuation in waiting { continuation.resume(throwing: TestFailure("chromium: the browser closed its DevTools pipe")) }
    }

    private func deliver(_ message: Message, sequence: Int) {
        lock.lock()
        if let id = message.object["id"] as? Int {
            let continuation = replies.removeValue(forKey: id)
            lock.unlock()
            continuation?.resume(returning: message)
            return
        }
        events.append((sequence, message))
        var ready: [CheckedContinuation<Message, any Error>] = []
        eventWaiters.removeAll { waiter in
            guard sequence > waiter.after, Self.matches(message, waiter.method, waiter.session) else { return false }
            ready.append(waiter.continuation)
            return true
        }
        lock.unlock()
        for continuation in ready { continuation.resume(returning: message) }
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
