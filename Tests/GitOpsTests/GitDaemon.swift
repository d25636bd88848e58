import Foundation

/// A real `git daemon` on 127.0.0.1 and a free port serving the bare repositories under a temp directory
/// (pushes enabled). It is started by a test and stopped when the test ends.
final class GitDaemon {
    let root: TemporaryDirectory
    let port: Int
    private let process: ChildProcess

    init() throws {
        root = try TemporaryDirectory()
        var lastError: Error?
        for _ in 0..<5 {
            let port = try LoopbackServer.unusedPort()
            // git-daemon itself, not the `git` wrapper: one process to kill, no orphan listener behind it.
            let process = try ChildProcess.spawn(try Self.daemonExecutable(), [
                "--reuseaddr", "--base-path=\(root.path)", "--export-all", "--enable=receive-pack",
                "--listen=127.0.0.1", "--port=\(port)", root.path,
            ])
            if Self.waitUntilListening(port: port, process: process) {
                self.port = port
                self.process = process
                return
            }
            process.kill()
            lastError = GitCLI.Failure(description: "git daemon did not start listening on port \(port)")
        }
        throw lastError ?? GitCLI.Failure(description: "git daemon did not start")
    }

    private static func waitUntilListening(port: Int, process: ChildProcess) -> Bool {
        for _ in 0..<100 {
            guard process.isRunning() else { return false }
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return true }
            usleep(50_000)
        }
        return false
    }

    /// `git://127.0.0.1:port/<name>.git`.
    func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name).git" }

    private static func daemonExecutable() throws -> String {
        var path = "/usr/lib/git-core/git-daemon"
        if !FileManager.default.isExecutableFile(atPath: path) { path = try GitCLI.run(["--exec-path"]) + "/git-daemon" }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw GitCLI.Failure(description: "git-daemon not found at \(path): install git's daemon support")
        }
        return path
    }

    deinit { process.kill() }
}
