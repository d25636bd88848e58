import Foundation
import TestSupport
import Testing

@testable import GitOps

/// Cloning over every local transport, then reading from the object database without a checkout.
@Suite("Clone and read")
struct GitCloneTests {
    static let files = [
        "infra/main.tf": "resource \"aws_s3_bucket\" \"logs\" {}\n",
        "infra/modules/net/vpc.tf": "resource \"aws_vpc\" \"main\" {}\n",
        "README.md": "# fixture\n",
    ]

    @Test("clone over git:// into a bare cache, read files from the ODB with no working tree")
    func cloneOverGitDaemon() async throws {
        let daemon = try GitDaemon()
        let fixture = try FixtureRepository.create(in: daemon.root.path, files: Self.files)
        let head = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
        let cache = try TemporaryDirectory()

        let repo = try await GitRepository.openOrClone(url: daemon.url("infra"), cacheDirectory: cache.path, options: GitRemoteOptions())
        #expect(repo.path.hasPrefix(cache.path + "/127.0.0.1-"))
        #expect(try await repo.resolve("main") == head)
        #expect(try await repo.resolve("HEAD") == head)
        #expect(try await repo.remoteBranches() == ["main": head])
        #expect(try GitCLI.run(["--git-dir", repo.path, "rev-parse", "--is-bare-repository"]) == "true")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/infra"))

        let files = try await repo.files(commit: head, under: ["infra"], maxFileSize: 1 << 20)
        #expect(
            files.mapValues { String(decoding: $0, as: UTF8.self) } == [
                "infra/main.tf": Self.files["infra/main.tf"]!, "infra/modules/net/vpc.tf": Self.files["infra/modules/net/vpc.tf"]!,
            ])
        let single = try await repo.files(commit: "main", under: ["./README.md"], maxFileSize: 100)
        #expect(Array(single.keys) == ["README.md"])
    }

    @Test("clone over file:// and a plain local path")
    func cloneLocalTransports() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: Self.files)
        let head = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
        let cache = try TemporaryDirectory()
        for url in ["file://" + fixture.bare, fixture.bare] {
            let repo = try await GitRepository.openOrClone(url: url, cacheDirectory: cache.path, options: GitRemoteOptions())
            #expect(try await repo.resolve("main") == head)
            let readme = try await repo.files(commit: head, under: ["README.md"], maxFileSize: 100)["README.md"]
            #expect(readme == Data("# fixture\n".utf8))
        }
        // Two URLs, two cache entries.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }

    @Test("a second openOrClone reuses the cache entry and fetch sees the new commit")
    func reopenAndFetch() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: Self.files)
        let cache = try TemporaryDirectory()
        let first = try await GitRepository.openOrClone(url: fixture.bare, cacheDirectory: cache.path, options: GitRemoteOptions())
        let newHead = try fixture.commit(files: ["infra/extra.tf": "locals {}\n"], message: "second")

        let again = try await GitRepository.openOrClone(url: fixture.bare, cacheDirectory: cache.path, options: GitRemoteOptions())
        #expect(again.path == first.path)
        let updated = try await again.fetch(options: GitRemoteOptions())
        #expect(updated.contains("refs/remotes/origin/main"))
        #expect(try await again.resolve("main") == newHead)
        #expect(try await again.fetch(options: GitRemoteOptions()).isEmpty)
    }

    @Test("resolve: branch, tags, short SHA, full ref name, HEAD; unknown names fail clearly")
    func resolveVariants() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: Self.files)
        let first = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
        try GitCLI.run(["tag", "v1"], in: fixture.work)
        try GitCLI.run(["tag", "-a", "v1-annotated", "-m", "release"], in: fixture.work)
        try GitCLI.run(["push", "--quiet", "origin", "--tags"], in: fixture.work)
        let second = try fixture.commit(files: ["b.tf": "x = 1\n"], message: "second")
        let cache = try TemporaryDirectory()
        let repo = try await GitRepository.openOrClone(url: fixture.bare, cacheDirectory: cache.path, options: GitRemoteOptions())

        #expect(try await repo.resolve("main") == second)
        #expect(try await repo.resolve("v1") == first)
        #expect(try await repo.resolve("v1-annotated") == first)
        #expect(try await repo.resolve("refs/remotes/origin/main") == second)
        #expect(try await repo.resolve(String(first.prefix(7))) == first)
        #expect(try await repo.resolve(first) == first)
        let missing = await #expect(throws: GitError.self) { try await repo.resolve("no-such-branch") }
        #expect(missing?.code == .notFound)
        #expect(missing?.message.contains("no-such-branch") == true)
        let invalid = await #expect(throws: GitError.self) { try await repo.resolve("") }
        #expect(invalid?.code == .invalidReference)
    }

    @Test("commit metadata, tree listing and blob reading")
    func commitTreeAndBlob() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: Self.files)
        let first = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
        let second = try fixture.commit(files: ["README.md": "# changed\n\nbody\n"], message: "Change readme\n\nLonger text.")
        let repo = try await GitRepository.open(path: fixture.bare)

        let info = try await repo.commit(second)
        #expect(info.sha == second)
        #expect(info.summary == "Change readme")
        #expect(info.message.contains("Longer text."))
        #expect(info.parents == [first])
        #expect(info.author.name == "Fixture Author")
        #expect(info.committer.email == "committer@example.com")

        let tree = try await repo.tree(commit: second, path: "infra")
        #expect(tree.map(\.path) == ["infra/main.tf", "infra/modules", "infra/modules/net", "infra/modules/net/vpc.tf"])
        let main = try #require(tree.first)
        #expect(main.kind == .blob && main.mode == 0o100644 && main.size == Self.files["infra/main.tf"]!.utf8.count)
        #expect(tree[1].kind == .tree && tree[1].size == nil)
        #expect(try await repo.blob(oid: main.oid, maxSize: 1024) == Data(Self.files["infra/main.tf"]!.utf8))
        let tooLarge = await #expect(throws: GitError.self) { try await repo.blob(oid: main.oid, maxSize: 3) }
        #expect(tooLarge?.code == .tooLarge)
        #expect(try await repo.tree(commit: second, path: nil).count == 6)
    }

    @Test("files: missing paths, escaping paths and oversized files are typed errors")
    func filesErrors() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: Self.files)
        let repo = try await GitRepository.open(path: fixture.bare)
        let missing = await #expect(throws: GitError.self) {
            try await repo.files(commit: "main", under: ["nope"], maxFileSize: 100)
        }
        #expect(missing?.code == .notFound)
        #expect(missing?.message.contains("'nope'") == true)
        let escaping = await #expect(throws: GitError.self) {
            try await repo.files(commit: "main", under: ["infra/../../etc"], maxFileSize: 100)
        }
        #expect(escaping?.code == .invalidPath)
        let large = await #expect(throws: GitError.self) {
            try await repo.files(commit: "main", under: ["infra"], maxFileSize: 10)
        }
        #expect(large?.code == .tooLarge)
        #expect(large?.message.contains("infra/") == true)
        let onlyTF = try await repo.files(commit: "main", under: [""], maxFileSize: 100, where: { $0.hasSuffix(".tf") })
        #expect(Set(onlyTF.keys) == ["infra/main.tf", "infra/modules/net/vpc.tf"])
    }

    @Test("changedPaths reports additions, modifications, deletions and renames")
    func changedPaths() async throws {
        let root = try TemporaryDirectory()
        let long = String(repeating: "resource \"aws_iam_role\" \"r\" { name = \"role\" }\n", count: 20)
        let fixture = try FixtureRepository.create(in: root.path, files: ["a.tf": "a = 1\n", "b.tf": "b = 1\n", "old.tf": long])
        let before = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
        try GitCLI.run(["mv", "old.tf", "renamed.tf"], in: fixture.work)
        let after = try fixture.commit(files: ["a.tf": "a = 2\n", "b.tf": nil, "c.tf": "c = 1\n"], message: "change")
        let repo = try await GitRepository.open(path: fixture.bare)
        let changes = try await repo.changedPaths(from: before, to: after)
        #expect(
            Set(changes) == [
                GitChange(path: "a.tf", status: .modified),
                GitChange(path: "b.tf", status: .deleted),
                GitChange(path: "c.tf", status: .added),
                GitChange(path: "renamed.tf", oldPath: "old.tf", status: .renamed),
            ])
        #expect(try await repo.changedPaths(from: after, to: after).isEmpty)
    }
}
