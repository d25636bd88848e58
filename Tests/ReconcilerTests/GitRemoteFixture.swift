import Foundation
import Testing

/// Bare repositories served by a real `git daemon` on 127.0.0.1, and a work tree to commit and push from with the
/// git CLI — the remote side of the reconcile tests.
final class GitRemoteFixture: @unchecked Sendable {
    let root: String
    let port: Int
    private let daemon: Process

    /// Starts `git daemon` over a new temporary directory.
    init() throws {
        root = NSTemporaryDirectory() + "bulwark-rec-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root + "/srv", withIntermediateDirectories: true)
        port = try Self.freePort()
        daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        daemon.arguments = ["git", "daemon", "--reuseaddr", "--base-path=\(root)/srv", "--export-all", "--enable=receive-pack",
                            "--listen=127.0.0.1", "--port=\(port)", "\(root)/srv"]
        daemon.standardError = FileHandle.nullDevice
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        // Ready when the port accepts connections.
        for _ in 0..<100 {
            if Self.canConnect(port: port) { return }
            usleep(50_000)
        }
        throw FixtureError("git daemon did not start on port \(port)")
    }

    deinit {
        // Foundation's waitUntilExit spins on a run loop off the main thread; reap the daemon directly.
        let pid = daemon.processIdentifier
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `git://127.0.0.1:PORT/NAME.git`
    func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name).git" }

    /// Creates the bare repository `name` and a work tree cloned from it; returns the work tree.
    @discardableResult
    func createRepository(_ name: String, files: [String: String], branch: String = "main") throws -> String {
        let bare = "\(root)/srv/\(name).git"
        try git(["init", "-q", "--bare", "-b", branch, bare])
        let work = "\(root)/work-\(name)"
        try git(["init", "-q", "-b", branch, work])
        try git(["-C", work, "remote", "add", "origin", bare])
        try commit(work, files: files, message: "initial")
        try git(["-C", work, "push", "-q", "origin", branch])
        return work
    }

    /// Writes `files` (nil content deletes) and commits them; returns the new SHA.
    @discardableResult
    func commit(_ work: String, files: [String: String?], message: String) throws -> String {
        for (path, content) in files {
            let full = work + "/" + path
            if let content {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try content.write(toFile: full, atomically: true, encoding: .utf8)
            } else {
                try? FileManager.default.removeItem(atPath: full)
            }
        }
        try git(["-C", work, "add", "-A"])
        try git(["-C", work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message])
        return try git(["-C", work, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git; throws with its stderr on failure; returns stdout.
    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A TCP port nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw FixtureError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A fixture that could not be set up.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
