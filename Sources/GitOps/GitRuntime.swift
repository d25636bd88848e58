import CGit2
import CGitShim
import Foundation

/// Process-wide libgit2 state: initialised exactly once, plus the one CA bundle libgit2 can hold.
enum GitRuntime {
    private static let initialization: Result<Void, GitError> = {
        let count = git_libgit2_init()
        guard count >= 0 else {
            return .failure(GitError.last(count, operation: "git_libgit2_init"))
        }
        // Every TCP connection (git://, http://, and the socket under https:// and ssh://) goes through our
        // stream, which enforces the operation's deadline and lets the watchdog cut a silent connection.
        let registered = GitSocketStream.register()
        guard registered == 0 else {
            return .failure(GitError.last(registered, operation: "git_stream_register"))
        }
        return .success(())
    }()

    private static let caLock = NSLock()
    nonisolated(unsafe) private static var caBundle: String?

    /// Initialises libgit2 once per process; later calls return the first outcome.
    static func ensureInitialized() throws(GitError) {
        try initialization.get()
    }

    /// Points libgit2's TLS trust store at `path`, only when it differs from what is set (libgit2 holds one store).
    static func useCABundle(_ path: String?, operation: String) throws(GitError) {
        guard let path else { return }
        caLock.lock()
        defer { caLock.unlock() }
        guard caBundle != path else { return }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw GitError(code: .certificate, message: "CA bundle \(path) is not a readable file", operation: operation)
        }
        let result = bulwark_git_set_ssl_cert_locations(path, nil)
        guard result == 0 else { throw GitError.last(result, operation: operation) }
        caBundle = path
    }
}
