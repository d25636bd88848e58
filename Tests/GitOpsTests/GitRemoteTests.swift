import Foundation
import TestSupport
import Testing

@testable import GitOps

/// Pushing, remote history rewrites and failing remotes, against a real `git daemon` and loopback servers.
@Suite("Remotes")
struct GitRemoteTests {
    static let author = GitSignature(name: "Bulwark Bot", email: "bot@bulwark.example", time: Date(timeIntervalSince1970: 1_700_000_000))

    private func cloned(_ daemon: GitDaemon, _ fixture: FixtureRepository) async throws -> (GitRepository, TemporaryDirectory) {
        let cache = try TemporaryDirectory()
        let repo = try await GitRepository.openOrClone(url: daemon.url("infra"), cacheDirectory: cache.path, options: GitRemoteOptions())
        return (repo, cache)
    }

    @Test("createCommit without a working tree, then push over git://; the daemon's repository has it")
    func createCommitAndPush() async throws {
        let daemon = try GitDaemon()
        let fixture = try FixtureRepository.create(in: daemon.root.path, files: ["main.tf": "a = 1\n", "gone.tf": "g = 1\n"])
        let (repo, cache) = try await cloned(daemon, fixture)
        _ = cache
        let parent = try await repo.resolve("main")
        let sha = try await repo.createCommit(
            branch: "bulwark/fix-1", parent: parent,
            changes: ["main.tf": .write(Data("a = 2\n".utf8)), "new/dir/file.tf": .write(Data("n = 1\n".utf8)), "gone.tf": .delete],
            message: "Fix findings\n\nAutomated.", author: Self.author, committer: Self.author)
        #expect(try await repo.resolve("refs/heads/bulwark/fix-1") == sha)
        try await repo.push(branch: "bulwark/fix-1", force: false, options: GitRemoteOptions())

        #expect(try fixture.remote(["rev-parse", "refs/heads/bulwark/fix-1"]) == sha)
        #expect(try fixture.remote(["show", "bulwark/fix-1:main.tf"]) == "a = 2")
        #expect(try fixture.remote(["show", "bulwark/fix-1:new/dir/file.tf"]) == "n = 1")
        #expect(try fixture.remote(["ls-tree", "--name-only", "bulwark/fix-1"]) == "main.tf\nnew")
        #expect(
            try fixture.remote(["log", "-1", "--format=%an <%ae>|%P|%s", "bulwark/fix-1"])
                == "Bulwark Bot <bot@bulwark.example>|\(parent)|Fix findings")
        #expect(try fixture.remote(["fsck", "--strict"]).isEmpty)
    }

    @Test("non-fast-forward push without force is a .push error; with force it lands")
    func nonFastForward() async throws {
        let daemon = try GitDaemon()
        let fixture = try FixtureRepository.create(in: daemon.root.path, files: ["main.tf": "a = 1\n"])
        let (repo, cache) = try await cloned(daemon, fixture)
        _ = cache
        let parent = try await repo.resolve("main")
        _ = try await repo.createCommit(
            branch: "fix", parent: parent, changes: ["x.tf": .write(Data("x\n".utf8))], message: "one", author: Self.author,
            committer: Self.author)
        try await repo.push(branch: "fix", force: false, options: GitRemoteOptions())
        let rewritten = try await repo.createCommit(
            branch: "fix", parent: parent, changes: ["y.tf": .write(Data("y\n".utf8))], message: "two", author: Self.author,
            committer: Self.author)
        let rejected = await #expect(throws: GitError.self) {
            try await repo.push(branch: "fix", force: false, options: GitRemoteOptions())
        }
        #expect(rejected?.code == .push)
        #expect(rejected?.message.isEmpty == false)
        #expect(rejected?.operation == "push")
        try await repo.push(branch: "fix", force: true, options: GitRemoteOptions())
        #expect(try fixture.remote(["rev-parse", "fix"]) == rewritten)
    }

    @Test("a push the remote's hook refuses is a .push error carrying the remote's message")
    func hookRejection() async throws {
        let daemon = try GitDaemon()
        let fixture = try FixtureRepository.create(in: daemon.root.path, files: ["main.tf": "a = 1\n"])
        let hook = fixture.bare + "/hooks/pre-receive"
        try "#!/bin/sh\necho 'policy: pushes to this repository are frozen' >&2\nexit 1\n".write(
            toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let (repo, cache) = try await cloned(daemon, fixture)
        _ = cache
        _ = try await repo.createCommit(
            branch: "frozen", parent: "main", changes: ["x.tf": .write(Data("x\n".utf8))], message: "x", author: Self.author,
            committer: Self.author)
        let rejected = await #expect(throws: GitError.self) {
            try await repo.push(branch: "frozen", force: false, options: GitRemoteOptions())
        }
        #expect(rejected?.code == .push)
        #expect(rejected?.message.contains("refs/heads/frozen") == true)
        #expect(rejected?.message.contains("pushes to this repository are frozen") == true)
        #expect((try? fixture.remote(["rev-parse", "--verify", "--quiet", "refs/heads/frozen"])) == nil)
    }

    @Test("a force-push on the remote is followed by fetch; a deleted branch no longer resolves")
    func remoteRewritesAndDeletes() async throws {
        let daemon = try GitDaemon()
        let fixture = try FixtureRepository.create(in: daemon.root.path, files: ["main.tf": "a = 1\n"])
        try fixture.commit(files: ["f.tf": "f = 1\n"], message: "feature", branch: "feature")
        let old = try fixture.commit(files: ["main.tf": "a = 2\n"], message: "second")
        let (repo, cache) = try await cloned(daemon, fixture)
        _ = cache
        #expect(try await repo.resolve("main") == old)
        #expect(Set(try await repo.remoteBranches().keys) == ["main", "feature"])

        try GitCLI.run(["reset", "--quiet", "--hard", "HEAD~1"], in: fixture.work)
        try "a = 3\n".write(toFile: fixture.work + "/main.tf", atomically: true, encoding: .utf8)
        try GitCLI.run(["commit", "--quiet", "-am", "rewritten"], in: fixture.work)
        try GitCLI.run(["push", "--quiet", "--force", "origin", "HEAD:refs/heads/main"], in: fixture.work)
        try GitCLI.run(["push", "--quiet", "origin", ":refs/heads/feature"], in: fixture.work)
        let rewritten = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)

        let updated = try await repo.fetch(options: GitRemoteOptions())
        #expect(updated.contains("refs/remotes/origin/main"))
        #expect(try await repo.resolve("main") == rewritten)
        #expect(try await repo.remoteBranches().keys.sorted() == ["main"])
        let gone = await #expect(throws: GitError.self) { try await repo.resolve("feature") }
        #expect(gone?.code == .notFound)
        #expect(gone?.message.contains("'feature'") == true)
    }

    @Test("deleteRemoteBranch removes the branch on the daemon")
    func deleteRemoteBranch() async throws {
        let daemon = try GitDaemon()
        let fixture = try FixtureRepository.create(in: daemon.root.path, files: ["main.tf": "a = 1\n"])
        try fixture.commit(files: ["f.tf": "f\n"], message: "tmp", branch: "tmp")
        let (repo, cache) = try await cloned(daemon, fixture)
        _ = cache
        try await repo.deleteRemoteBranch("tmp", options: GitRemoteOptions())
        #expect(try fixture.remote(["branch", "--list"]).contains("tmp") == false)
        let invalid = await #expect(throws: GitError.self) {
            try await repo.deleteRemoteBranch("bad..name", options: GitRemoteOptions())
        }
        #expect(invalid?.code == .invalidReference)
    }

    @Test("an unreachable port is a .network error and leaves no cache entry")
    func unreachablePort() async throws {
        let port = try LoopbackServer.unusedPort()
        let cache = try TemporaryDirectory()
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: "git://127.0.0.1:\(port)/x.git", cacheDirectory: cache.path, options: GitRemoteOptions())
        }
        #expect(error?.code == .network)
        #expect(error?.message.contains("127.0.0.1") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
    }

    @Test("a server that accepts and never answers ends in .timeout at the deadline", .timeLimit(.minutes(10)))
    func silentServerDeadline() async throws {
        let server = try LoopbackServer { _ in false }  // keep the connection open, send nothing
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        var options = GitRemoteOptions()
        options.timeout = .seconds(2)
        options.stallTimeout = .seconds(30)
        let started = ContinuousClock.now
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(url: "git://127.0.0.1:\(server.port)/x.git", cacheDirectory: cache.path, options: options)
        }
        let elapsed = ContinuousClock.now - started
        #expect(error?.code == .timeout)
        #expect(error?.message.contains("did not finish within") == true)
        #expect(server.acceptedCount >= 1)
        // Never a hang: the deadline ends it (the bound is loose because a loaded CI machine is slow, not because
        // the deadline is; the exact figure belongs to benchmarks, not tests).
        #expect(elapsed < .seconds(90))
    }

    @Test("a silent server trips the stall limit long before the deadline", .timeLimit(.minutes(10)))
    func silentServerStall() async throws {
        let server = try LoopbackServer { _ in false }
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        var options = GitRemoteOptions()
        options.timeout = .seconds(600)
        options.stallTimeout = .seconds(1)
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(url: "http://127.0.0.1:\(server.port)/x.git", cacheDirectory: cache.path, options: options)
        }
        #expect(error?.code == .timeout)
        #expect(error?.message.contains("made no progress") == true)
    }

    @Test("credentials rejected forever: .authentication after maxCredentialAttempts, secret never shown")
    func credentialLoop() async throws {
        let server = try LoopbackServer.alwaysUnauthorized()
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        var options = GitRemoteOptions()
        options.maxCredentialAttempts = 3
        // Plain http:// with credentials needs the explicit opt-in (see InsecureTransportTests).
        options.allowInsecureHTTP = true
        let url = "http://deploy:s3cr3t-t0ken@127.0.0.1:\(server.port)/org/infra.git"
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(url: url, cacheDirectory: cache.path, options: options)
        }
        #expect(error?.code == .authentication)
        #expect(error?.message.contains("3 attempts") == true)
        let text = error.map { "\($0) \($0.message) \($0.url ?? "")" } ?? ""
        #expect(!text.contains("s3cr3t-t0ken"))
        #expect(error?.url == "http://127.0.0.1:\(server.port)/org/infra.git")

        var token = GitRemoteOptions()
        token.credentials = .token("tok-123456")
        token.allowInsecureHTTP = true
        let tokenError = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: "http://127.0.0.1:\(server.port)/org/infra.git", cacheDirectory: cache.path, options: token)
        }
        #expect(tokenError?.code == .authentication)
        #expect(tokenError.map { "\($0)".contains("tok-123456") } == false)
    }

    @Test("a remote that wants credentials when none are configured is .authentication at once")
    func noCredentials() async throws {
        let server = try LoopbackServer.alwaysUnauthorized()
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: "http://127.0.0.1:\(server.port)/x.git", cacheDirectory: cache.path, options: GitRemoteOptions())
        }
        #expect(error?.code == .authentication)
        #expect(error?.message.contains("none are configured") == true)
    }
}
