import CGit2
import Foundation

/// One network operation (clone, fetch, push, ls-remote): its deadline and stall limit, the sockets it opened,
/// credential attempts, and why it failed when a callback or the watchdog stopped it.
///
/// The deadline is enforced three ways, because libgit2 1.5 has no socket timeouts: progress callbacks return -1
/// once it has passed; our socket stream waits in short `poll` slices and gives up at the deadline; and a watchdog
/// timer shuts down the operation's sockets (which also wakes libssh2, which reads the descriptor directly).
final class GitOperation: @unchecked Sendable {
    let name: String
    /// The redacted remote URL, for errors.
    let url: String
    let options: GitRemoteOptions
    /// Port of the remote, for matching `[host]:port` known_hosts entries.
    let port: Int?

    private let lock = NSLock()
    private let deadline: UInt64
    private let stallLimit: UInt64
    private var lastProgress: UInt64
    private var abort: (code: GitError.Code, message: String)?
    private var sockets: Set<Int32> = []
    private var watchdog: (any DispatchSourceTimer)?

    // Only touched from libgit2 callbacks, which run on the repository's own thread.
    var credentialAttempts = 0
    var authenticationFailure: String?
    var certificateFailure: String?
    var updatedReferences: [String] = []
    var pushRejections: [String] = []
    var remoteMessages = ""

    /// An operation starting now.
    init(name: String, url: String, options: GitRemoteOptions, port: Int? = nil) {
        self.name = name
        self.url = redactGitURL(url)
        self.options = options
        self.port = port
        let now = MonotonicClock.now()
        deadline = now &+ MonotonicClock.nanoseconds(options.timeout)
        stallLimit = max(MonotonicClock.nanoseconds(options.stallTimeout), 1)
        lastProgress = now
    }

    /// Records that bytes moved or libgit2 reported progress (resets the stall timer).
    func noteProgress() {
        lock.lock()
        lastProgress = MonotonicClock.now()
        lock.unlock()
    }

    /// True once the deadline or stall limit has passed or the operation was cancelled; records why.
    func shouldAbort() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return checkLocked()
    }

    /// Nanoseconds left until the deadline (0 when past it).
    func remainingNanoseconds() -> UInt64 {
        let now = MonotonicClock.now()
        return deadline > now ? deadline - now : 0
    }

    private func checkLocked() -> Bool {
        if abort != nil { return true }
        let now = MonotonicClock.now()
        if now >= deadline {
            abort = (.timeout, "\(name) did not finish within \(options.timeout)")
        } else if now &- lastProgress >= stallLimit {
            abort = (.timeout, "\(name) made no progress for \(options.stallTimeout)")
        }
        return abort != nil
    }

    /// Stops the operation from outside (task cancellation).
    func cancel() {
        lock.lock()
        if abort == nil { abort = (.cancelled, "\(name) was cancelled") }
        let open = sockets
        lock.unlock()
        for socket in open { _ = shutdown(socket, Int32(SHUT_RDWR)) }
    }

    /// Tracks a socket so the watchdog can cut it.
    func register(socket: Int32) {
        lock.lock()
        sockets.insert(socket)
        lock.unlock()
    }

    /// Forgets a socket before it is closed (so the watchdog never touches a reused descriptor).
    func unregister(socket: Int32) {
        lock.lock()
        sockets.remove(socket)
        lock.unlock()
    }

    /// Starts the watchdog: every 200 ms it checks the limits and, once one is passed, shuts down the sockets.
    func startWatchdog() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.watchdogTick() }
        lock.lock()
        watchdog = timer
        lock.unlock()
        timer.resume()
    }

    /// Stops the watchdog; called when the libgit2 call has returned.
    func stopWatchdog() {
        lock.lock()
        let timer = watchdog
        watchdog = nil
        lock.unlock()
        timer?.cancel()
    }

    private func watchdogTick() {
        lock.lock()
        let expired = checkLocked()
        let open = expired ? sockets : []
        lock.unlock()
        for socket in open { _ = shutdown(socket, Int32(SHUT_RDWR)) }
    }

    /// The error for a failed libgit2 call: our own reason (deadline, credentials, host key) wins over libgit2's
    /// generic message, which is kept as detail. Reads `git_error_last()`, so call it right after the failure.
    func failure(_ result: Int32) -> GitError {
        var error = GitError.last(result, operation: name, url: url)
        lock.lock()
        let aborted = abort
        lock.unlock()
        if let aborted {
            error.code = aborted.code
            error.message = aborted.message + " (libgit2: \(error.message))"
        } else if let authenticationFailure {
            error.code = .authentication
            error.message = authenticationFailure
        } else if let certificateFailure {
            error.code = .certificate
            error.message = certificateFailure
        }
        if !remoteMessages.isEmpty, error.code == .push || error.code == .libgit2 {
            error.message += "; remote said: " + remoteMessages.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        error.message = scrubbed(error.message)
        return error
    }

    /// The refusal of an operation that would send credentials over plain `http://` without the explicit
    /// opt-in, nil when the operation may run. Checked before any connection, since libgit2 would answer the
    /// server's first 401 with the password in Basic auth.
    func cleartextCredentialRefusal() -> GitError? {
        guard options.credentials != .none, !options.allowInsecureHTTP,
            url.lowercased().hasPrefix("http://")
        else { return nil }
        return GitError(
            code: .insecureTransport,
            message:
                "refusing to send credentials to \(url) over plain http:// (unencrypted: anyone on the network path "
                + "could read them); use an https:// URL, or set 'insecure: true' on the target to allow it",
            operation: name, url: url)
    }

    /// The timeout error the async layer reports if the libgit2 call itself never returns.
    func hardDeadlineError() -> GitError {
        GitError(
            code: .timeout, message: "\(name) did not finish within \(options.timeout) (the libgit2 call is still blocked)",
            operation: name, url: url)
    }

    /// `text` with every configured secret replaced by `***`.
    func scrubbed(_ text: String) -> String {
        var text = redactGitURLs(in: text)
        for secret in options.credentials.secrets where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }

    /// Appends remote progress/rejection text, bounded so a chatty remote cannot grow memory.
    func appendRemoteMessage(_ text: String) {
        guard remoteMessages.utf8.count < 8192 else { return }
        remoteMessages += text
    }
}

/// The operation running on the current thread, so the socket stream (created deep inside libgit2) can find it.
enum CurrentGitOperation {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The operation set on this thread, if any.
    static var value: GitOperation? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<GitOperation>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with `operation` as this thread's current operation and its watchdog running.
    static func with<T, E: Error>(_ operation: GitOperation, _ body: () throws(E) -> T) throws(E) -> T {
        pthread_setspecific(key, Unmanaged.passUnretained(operation).toOpaque())
        operation.startWatchdog()
        defer {
            operation.stopWatchdog()
            pthread_setspecific(key, nil)
        }
        return try body()
    }
}
