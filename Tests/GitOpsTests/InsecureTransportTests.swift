import Foundation
import TestSupport
import Testing

@testable import GitOps

/// Credentials and plain http://: refused before any connection unless explicitly allowed; local paths and
/// cache directories that are not there are named as such.
@Suite("Insecure transport and local paths")
struct InsecureTransportTests {
    @Test("a token for an http:// remote is refused before connecting, naming the remote and the reason")
    func tokenOverHTTPIsRefused() async throws {
        let server = try LoopbackServer.alwaysUnauthorized()
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        let url = "http://127.0.0.1:\(server.port)/org/infra.git"
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: url, cacheDirectory: cache.path, options: GitRemoteOptions(credentials: .token("tok-plain-1")))
        }
        #expect(error?.code == .insecureTransport)
        #expect(error?.message.contains("refusing to send credentials to \(url) over plain http://") == true)
        #expect(error?.message.contains("insecure: true") == true)
        #expect(error.map { "\($0)".contains("tok-plain-1") } == false)
        // Refused before any byte left: the server saw no connection at all.
        #expect(server.acceptedCount == 0)
    }

    @Test("a password in an http:// URL's user-info is refused the same way, loopback included")
    func userInfoOverHTTPIsRefused() async throws {
        let server = try LoopbackServer.alwaysUnauthorized()
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: "http://deploy:pw-in-url@127.0.0.1:\(server.port)/x.git", cacheDirectory: cache.path,
                options: GitRemoteOptions())
        }
        #expect(error?.code == .insecureTransport)
        #expect(error.map { "\($0)".contains("pw-in-url") } == false)
        #expect(server.acceptedCount == 0)
    }

    @Test("with the explicit opt-in the credentials are offered to the http:// server")
    func optInSendsCredentials() async throws {
        let server = try LoopbackServer.alwaysUnauthorized()
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: "http://127.0.0.1:\(server.port)/x.git", cacheDirectory: cache.path,
                options: GitRemoteOptions(credentials: .token("tok-allowed"), allowInsecureHTTP: true))
        }
        // The server keeps refusing them, so the operation ends in authentication after it connected.
        #expect(error?.code == .authentication)
        #expect(server.acceptedCount > 0)
    }

    @Test("an http:// remote without credentials is not refused")
    func anonymousHTTPIsNotRefused() async throws {
        let server = try LoopbackServer.alwaysUnauthorized()
        defer { server.stop() }
        let cache = try TemporaryDirectory()
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: "http://127.0.0.1:\(server.port)/x.git", cacheDirectory: cache.path, options: GitRemoteOptions())
        }
        #expect(error?.code != .insecureTransport)
    }

    @Test("a local repository path that does not exist says so, not 'unsupported URL protocol'")
    func missingLocalPath() async throws {
        let cache = try TemporaryDirectory()
        let missing = cache.path + "/no/such/repo.git"
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(url: missing, cacheDirectory: cache.path + "/cache", options: GitRemoteOptions())
        }
        #expect(error?.code == .notFound)
        #expect(error?.message == "no repository at the local path \(missing): it does not exist")
        #expect(error.map { "\($0)".contains("unsupported URL protocol") } == false)
    }

    @Test("a cache directory that cannot be created names what is in the way")
    func cacheBlockedByAFile() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: ["main.tf": "a = 1\n"])
        let blocker = root.path + "/blocker"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: fixture.bare, cacheDirectory: blocker + "/cache", options: GitRemoteOptions())
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("cannot create cache directory \(blocker)/cache: \(blocker) is a file, not a directory") == true)
        #expect(error.map { "\($0)".contains("doesn’t exist") || "\($0)".contains("doesn't exist") } == false)
    }

    @Test("a cache directory on a file system that refuses new directories says so")
    func cacheOnAFileSystemThatRefuses() async throws {
        let root = try TemporaryDirectory()
        let fixture = try FixtureRepository.create(in: root.path, files: ["main.tf": "a = 1\n"])
        // procfs refuses mkdir for every user, root included.
        let error = await #expect(throws: GitError.self) {
            try await GitRepository.openOrClone(
                url: fixture.bare, cacheDirectory: "/proc/bulwark-cache-test/t1", options: GitRemoteOptions())
        }
        #expect(error?.code == .io)
        // Root may write /proc's directory entry as far as permissions go; anyone else is told it is not writable.
        let why =
            getuid() == 0
            ? "the file system at /proc does not allow creating /proc/bulwark-cache-test" : "/proc is not writable by this user"
        #expect(error?.message.hasPrefix("cannot create cache directory /proc/bulwark-cache-test/t1: \(why)") == true)
    }
}
