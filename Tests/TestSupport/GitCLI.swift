import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the `git` command-line tool for fixtures and for checking what a remote received.
public struct GitCLI {
    /// A git command that failed (the harness's failure type).
    public typealias Failure = TestFailure

    /// The git executable; a missing git is a test failure, not a skip.
    public static func executable() throws -> String {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let path = directory + "/git"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw Failure(description: "git is not installed (looked in /usr/bin, /usr/local/bin, /bin): install the git package")
    }

    /// Runs `git args` in `directory`; throws with stderr when it fails; returns stdout without surrounding whitespace.
    @discardableResult
    public static func run(_ args: [String], in directory: String? = nil) throws -> String {
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
