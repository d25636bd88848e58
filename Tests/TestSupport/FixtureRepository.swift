import Foundation

/// A bare "remote" repository plus a working clone used to make commits in it.
public struct FixtureRepository: Sendable {
    public let bare: String
    public let work: String

    /// Creates `name.git` under `root` with a first commit on `branch` holding `files`, pushed; the work tree is
    /// `work`, by default `name-work` beside the bare repository.
    public static func create(
        in root: String, name: String = "infra", files: [String: String],
        branch: String = "main", work: String? = nil
    ) throws -> FixtureRepository {
        let bare = root + "/" + name + ".git"
        let work = work ?? root + "/" + name + "-work"
        try GitCLI.run(["init", "--quiet", "--bare", "--initial-branch=" + branch, bare])
        try GitCLI.run(["init", "--quiet", "--initial-branch=" + branch, work])
        try GitCLI.run(["remote", "add", "origin", bare], in: work)
        let fixture = FixtureRepository(bare: bare, work: work)
        try fixture.commit(files: files, message: "initial", branch: branch)
        return fixture
    }

    /// Writes/deletes files (nil content deletes), commits and pushes; returns the new SHA.
    @discardableResult
    public func commit(files: [String: String?], message: String, branch: String = "main") throws -> String {
        let sha = try Self.commit(in: work, files: files, message: message)
        try GitCLI.run(["push", "--quiet", "origin", "HEAD:refs/heads/" + branch], in: work)
        return sha
    }

    /// Writes/deletes files (nil content deletes) in the work tree `work` and commits them without pushing;
    /// returns the new SHA.
    @discardableResult
    public static func commit(in work: String, files: [String: String?], message: String) throws -> String {
        for (path, content) in files {
            let full = work + "/" + path
            if let content {
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try content.write(toFile: full, atomically: true, encoding: .utf8)
            } else if FileManager.default.fileExists(atPath: full) {
                try FileManager.default.removeItem(atPath: full)
            }
        }
        try GitCLI.run(["add", "--all"], in: work)
        try GitCLI.run(["commit", "--quiet", "-m", message], in: work)
        return try GitCLI.run(["rev-parse", "HEAD"], in: work)
    }

    /// `git <args>` against the bare remote.
    @discardableResult
    public func remote(_ args: [String]) throws -> String {
        try GitCLI.run(["--git-dir", bare] + args)
    }
}
