import Foundation

/// Bare repositories served by a real `git daemon` on 127.0.0.1 (a `GitDaemon`), and work trees to commit and push
/// from with the git CLI — the remote side of the reconcile tests.
public final class GitRemoteFixture: Sendable {
    /// The daemon, serving `root/srv`.
    public let daemon: GitDaemon

    /// The fixture's directory: bare repositories in `srv/NAME.git` (what the daemon serves), work trees in
    /// `work-NAME`; tests may put their own scratch directories here too.
    public var root: String { daemon.root.path }
    /// The daemon's port.
    public var port: Int { daemon.port }

    /// Starts `git daemon` over a new temporary directory.
    public init() throws {
        daemon = try GitDaemon(servedSubdirectory: "srv")
    }

    /// `git://127.0.0.1:PORT/NAME.git`
    public func url(_ name: String) -> String { daemon.url(name) }

    /// Creates the bare repository `name` with a first commit on `branch` (pushed); returns the work tree.
    @discardableResult
    public func createRepository(_ name: String, files: [String: String], branch: String = "main") throws -> String {
        try FixtureRepository.create(in: daemon.basePath, name: name, files: files, branch: branch, work: root + "/work-" + name).work
    }

    /// Writes `files` (nil content deletes) and commits them without pushing; returns the new SHA.
    @discardableResult
    public func commit(_ work: String, files: [String: String?], message: String) throws -> String {
        try FixtureRepository.commit(in: work, files: files, message: message)
    }

    /// Runs git; throws with its stderr on failure; returns stdout (trimmed).
    @discardableResult
    public func git(_ arguments: [String]) throws -> String {
        try GitCLI.run(arguments)
    }

    /// A TCP port nothing listens on right now.
    public static func freePort() throws -> Int { try LoopbackPort.unused() }
}

/// A fixture that could not be set up (the harness's failure type under its older name).
public typealias FixtureError = TestFailure
