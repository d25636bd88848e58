import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn and reaped with waitpid (Foundation's Process can miss a child's
/// exit on Linux and hang the test); its output goes to a temp file.
final class Subprocess: Sendable {
    let pid: pid_t
    let command: String
    private let outputPath: String

    /// How a child ended.
    struct Outcome: Sendable {
        let exitCode: Int32?
        let signal: Int32?
        let output: String
        var succeeded: Bool { exitCode == 0 }
    }

    /// Starts `executable` with `arguments`, inheriting the environment plus `environment`'s entries.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        command = ([executable] + arguments).joined(separator: " ")
        outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-out-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var child: pid_t = 0
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for entry in envp { free(entry) } }
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw TestFailure("cannot start \(executable): \(String(cString: strerror(rc)))") }
        pid = child
    }

    /// Sends a signal to the child.
    func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    /// True until the child has exited (does not reap it).
    var isRunning: Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._kill.si_pid == 0
    }

    /// Waits for the child on a dispatch thread (never blocking the cooperative pool) and collects its output.
    func wait() async -> Outcome {
        let pid = self.pid
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            DispatchQueue.global().async {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                continuation.resume(returning: status)
            }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        let low = status & 0x7f
        return low == 0 ? Outcome(exitCode: (status >> 8) & 0xff, signal: nil, output: output)
                        : Outcome(exitCode: nil, signal: low, output: output)
    }

    /// Runs a command to completion; a non-zero exit is a failure carrying its output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        let process = try Subprocess(executable, arguments)
        let outcome = await process.wait()
        guard outcome.succeeded else {
            throw TestFailure("\(process.command) failed (exit \(outcome.exitCode.map(String.init) ?? "-"), "
                              + "signal \(outcome.signal.map(String.init) ?? "-")): \(outcome.output)")
        }
        return outcome.output
    }
}
