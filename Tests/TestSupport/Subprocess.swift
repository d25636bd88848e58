import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A long-running child (a tool, a server command) whose stdout and stderr go to a temp file, waited for
/// asynchronously; a `ChildProcess` underneath.
public final class Subprocess: Sendable {
    public let pid: pid_t
    public let command: String
    private let child: ChildProcess
    private let outputPath: String

    /// How a child ended.
    public struct Outcome: Sendable {
        public let exitCode: Int32?
        public let signal: Int32?
        public let output: String
        public var succeeded: Bool { exitCode == 0 }
    }

    /// Starts `executable` with `arguments`, inheriting the environment plus `environment`'s entries.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        command = ([executable] + arguments).joined(separator: " ")
        outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-out-\(UUID().uuidString)").path
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw TestFailure("cannot create \(outputPath): \(String(cString: strerror(errno)))") }
        defer { close(output) }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        child = try ChildProcess.spawn(executable, arguments, environment: merged, stdout: output, stderr: output)
        pid = child.pid
    }

    /// Sends a signal to the child.
    public func kill(_ signal: Int32) { child.signal(signal) }

    /// True until the child has exited (does not reap it).
    public var isRunning: Bool { child.isAlive() }

    /// What the child has written so far.
    public var outputSoFar: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Waits for the child on a dispatch thread (never blocking the cooperative pool) and collects its output.
    public func wait() async -> Outcome {
        let child = self.child
        let termination = await withCheckedContinuation { (continuation: CheckedContinuation<ChildProcess.Termination, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: child.waitForTermination()) }
        }
        let output = outputSoFar
        try? FileManager.default.removeItem(atPath: outputPath)
        switch termination {
        case .exited(let code): return Outcome(exitCode: code, signal: nil, output: output)
        case .signalled(let signal): return Outcome(exitCode: nil, signal: signal, output: output)
        }
    }

    /// Runs a command to completion; a non-zero exit is a failure carrying its output.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        let process = try Subprocess(executable, arguments)
        let outcome = await process.wait()
        guard outcome.succeeded else {
            throw TestFailure(
                "\(process.command) failed (exit \(outcome.exitCode.map(String.init) ?? "-"), "
                    + "signal \(outcome.signal.map(String.init) ?? "-")): \(outcome.output)")
        }
        return outcome.output
    }
}
