import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// One `bulwark reconcile` replica of the scale-out test: the built executable as a child process, its output
/// in a log file. Killed when released, so a failing test leaves no process behind.
final class ReplicaProcess: Sendable {
    let name: String
    let logPath: String
    private let child: ChildProcess

    /// Starts `bulwark reconcile --config CONFIG --database URL --replica NAME`.
    init(name: String, config: String, database: String, directory: String) throws {
        self.name = name
        logPath = directory + "/\(name).log"
        let log = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard log >= 0 else { throw TestFailure("cannot create \(logPath): \(String(cString: strerror(errno)))") }
        defer { close(log) }
        child = try ChildProcess.spawn(
            try Self.executable(),
            ["reconcile", "--config", config, "--database", database, "--replica", name, "--log-level", "info"],
            stdout: log, stderr: log)
    }

    /// Whether the replica is still running.
    var isAlive: Bool { child.isAlive() }

    /// Sends `signal` to the replica.
    func signal(_ signal: Int32) { child.signal(signal) }

    /// Waits up to `timeout` for the replica to exit, polling without blocking a thread; nil if it still runs.
    func waitForExit(timeout: Duration) async -> ChildProcess.Termination? {
        let deadline = ContinuousClock.now + timeout
        while child.isAlive() {
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return child.waitForTermination()
    }

    /// The last `lines` lines of the replica's output, for failure messages.
    func logTail(_ lines: Int = 15) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).map { "  [\(name)] \($0)" }.joined(separator: "\n")
    }

    /// Kills the replica if it still runs.
    func stop() {
        if child.isAlive() { child.kill() }
    }

    deinit { stop() }

    /// The `bulwark` executable built next to the test bundle (or `$BULWARK_EXECUTABLE`).
    static func executable() throws -> String {
        try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
    }
}
