import Foundation
import GitOps

/// Opens the repository named by `bulwark scan --repo`: a local repository in place, or a remote cloned (bare)
/// into the cache and fetched.
enum PullRequestSource {
    static func open(_ repo: String, environment: [String: String]) async throws -> GitRepository {
        var isDirectory: ObjCBool = false
        if !repo.contains("://"), FileManager.default.fileExists(atPath: repo, isDirectory: &isDirectory), isDirectory.boolValue {
            return try await GitRepository.open(path: repo)
        }
        let home =
            environment["BULWARK_HOME"].map { $0 + "/git" }
            ?? FileManager.default.currentDirectoryPath + "/.bulwark/git"
        var options = GitRemoteOptions()
        if let token = environment["BULWARK_GIT_TOKEN"], !token.isEmpty { options.credentials = .token(token) }
        let repository = try await GitRepository.openOrClone(url: repo, cacheDirectory: home + "/pull-requests", options: options)
        _ = try await repository.fetch(options: options)
        return repository
    }

    /// A readable target name for a repository URL or path (`acme/infra.git` → `infra`).
    static func name(of repo: String) -> String {
        var last = repo.split(separator: "/").last.map(String.init) ?? repo
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.isEmpty ? "repository" : last
    }

    /// The top directory of the Git repository containing `path`, if any (a `.git` entry found walking upwards).
    static func enclosingRepository(of path: String) -> String? {
        var dir = path
        while true {
            if FileManager.default.fileExists(atPath: dir + "/.git") { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }
}
