import Foundation
import Testing

/// Runs the `git` command-line tool for fixtures and for checking what a remote received.
struct GitCLI {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The git executable; a missing git is a test failure, not a skip.
    static func executable() throws -> String {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let path = directory + "/git"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw Failure(description: "git is not installed (looked in /usr/bin, /usr/local/bin, /bin): install the git package")
    }

    /// Runs `git args` in `directory`; throws with stderr when it fails.
    @discardableResult
    static func run(_ args: [String], in directory: String? = nil) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Fixture Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.com"
        environment["GIT_COMMITTER_NAME"] = "Fixture Committer"
        environment["GIT_COMMITTER_EMAIL"] = "committer@example.com"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = directory ?? NSTemporaryDirectory()
        environment["GIT_TERMINAL_PROMPT"] = "0"
        let out = try ChildProcess.pipe()
        let err = try ChildProcess.pipe()
        let child: ChildProcess
        do {
            let arguments = (directory.map { ["-C", $0] } ?? []) + args
            child = try ChildProcess.spawn(try executable(), arguments, environment: environment, stdout: out.write, stderr: err.write)
        } catch {
            [out.read, out.write, err.read, err.write].forEach { close($0) }
            throw error
        }
        close(out.write)
        close(err.write)
        let (output, errors) = ChildProcess.drain(out.read, err.read)
        let status = child.wait()
        guard status == 0 else {
            throw Failure(description: "git \(args.joined(separator: " ")) failed (\(status)): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = NSTemporaryDirectory() + "bulwark-gitops-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = (base as NSString).resolvingSymlinksInPath
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A bare "remote" repository plus a working clone used to make commits in it.
struct FixtureRepository {
    let bare: String
    let work: String

    /// Creates `name.git` under `root` with a first commit on `main` holding `files`.
    static func create(in root: String, name: String = "infra", files: [String: String]) throws -> FixtureRepository {
        let bare = root + "/" + name + ".git"
        let work = root + "/" + name + "-work"
        try GitCLI.run(["init", "--quiet", "--bare", "--initial-branch=main", bare])
        try GitCLI.run(["init", "--quiet", "--initial-branch=main", work])
        try GitCLI.run(["remote", "add", "origin", bare], in: work)
        let fixture = FixtureRepository(bare: bare, work: work)
        try fixture.commit(files: files, message: "initial")
        return fixture
    }

    /// Writes/deletes files (nil content deletes), commits and pushes; returns the new SHA.
    @discardableResult
    func commit(files: [String: String?], message: String, branch: String = "main") throws -> String {
        for (path, content) in files {
            let full = work + "/" + path
            if let content {
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try content.write(toFile: full, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(atPath: full)
            }
        }
        try GitCLI.run(["add", "--all"], in: work)
        try GitCLI.run(["commit", "--quiet", "-m", message], in: work)
        try GitCLI.run(["push", "--quiet", "origin", "HEAD:refs/heads/" + branch], in: work)
        return try GitCLI.run(["rev-parse", "HEAD"], in: work)
    }

    /// `git <args>` against the bare remote.
    @discardableResult
    func remote(_ args: [String]) throws -> String {
        try GitCLI.run(["--git-dir", bare] + args)
    }
}
