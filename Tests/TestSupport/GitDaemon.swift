import Foundation

/// A real `git daemon` on 127.0.0.1 and a free port serving the bare repositories under a temp directory
/// (pushes enabled). It is started by a test and killed when the value is released.
public final class GitDaemon: Sendable {
    public let root: TemporaryDirectory
    /// The directory served (`--base-path`): `root`, or the subdirectory of it named at init.
    public let basePath: String
    public let port: Int
    private let process: ChildProcess

    /// Starts the daemon over a new temporary directory, serving it or its `servedSubdirectory` (retrying on
    /// another port if one is taken meanwhile).
    public init(servedSubdirectory: String? = nil) throws {
        let root = try TemporaryDirectory()
        self.root = root
        let basePath = servedSubdirectory.map { root.path + "/" + $0 } ?? root.path
        try FileManager.default.createDirectory(atPath: basePath, withIntermediateDirectories: true)
        self.basePath = basePath
        var lastError: Error?
        for _ in 0..<5 {
            let port = try LoopbackPort.unused()
            // git-daemon itself, not the `git` wrapper: one process to kill, no orphan listener behind it.
            let process = try ChildProcess.spawn(
                try Self.daemonExecutable(),
                [
                    "--reuseaddr", "--base-path=\(basePath)", "--export-all", "--enable=receive-pack",
                    "--listen=127.0.0.1", "--port=\(port)", basePath,
                ])
            if Self.waitUntilListening(port: port, process: process) {
                self.port = port
                self.process = process
                return
            }
            process.kill()
            lastError = TestFailure("git daemon did not start listening on port \(port)")
        }
        throw lastError ?? TestFailure("git daemon did not start")
    }

    private static func waitUntilListening(port: Int, process: ChildProcess) -> Bool {
        for _ in 0..<100 {
            guard process.isRunning() else { return false }
            if LoopbackPort.accepts(port) { return true }
            usleep(50_000)
        }
        return false
    }

    /// `git://127.0.0.1:port/<name>.git`.
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name).git" }

    private static func daemonExecutable() throws -> String {
        var path = "/usr/lib/git-core/git-daemon"
        if !FileManager.default.isExecutableFile(atPath: path) { path = try GitCLI.run(["--exec-path"]) + "/git-daemon" }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestFailure("git-daemon not found at \(path): install git's daemon support")
        }
        return path
    }

    deinit { process.kill() }
}
