import CGit2
import Foundation

/// A Git repository (usually a bare cache clone of a remote) whose libgit2 calls all run on one dedicated thread.
/// Safe to share between tasks: calls are queued to that thread in order.
public final class GitRepository: Sendable {
    /// The repository's directory (the git directory for bare repositories).
    public let path: String
    private let worker: GitWorker
    private let handle: RepositoryHandle

    private init(path: String, worker: GitWorker, handle: RepositoryHandle) {
        self.path = path
        self.worker = worker
        self.handle = handle
    }

    deinit {
        let handle = handle
        worker.submit { handle.close() }
        worker.stop()
    }

    /// Bare clone into `cacheDirectory/<sanitized-host-path>-<short hash of URL>` or open it if it exists (then set the remote URL).
    /// User-info in `url` never reaches disk: a password in it becomes the credentials (when none are given).
    public static func openOrClone(url: String, cacheDirectory: String, options: GitRemoteOptions) async throws(GitError) -> GitRepository {
        try GitRuntime.ensureInitialized()
        let parsed = try GitURL(url)
        if parsed.scheme == nil || parsed.scheme == "file" {
            // libgit2 reads a path it cannot find as an unknown URL scheme ("unsupported URL protocol").
            let local = parsed.scheme == nil ? parsed.path : (parsed.path.removingPercentEncoding ?? parsed.path)
            guard FileManager.default.fileExists(atPath: local) else {
                throw GitError(
                    code: .notFound, message: "no repository at the local path \(local): it does not exist",
                    operation: "clone", url: url)
            }
        }
        var options = options
        if options.credentials == .none, let user = parsed.user, let password = parsed.password {
            options.credentials = .userPassword(user: user, password: password)
        }
        let cleanURL = GitURL.withoutUserInfo(url)
        let directory = (cacheDirectory as NSString).appendingPathComponent(GitURL.cacheDirectoryName(for: url))
        let worker = GitWorker(name: "git " + redactGitURL(cleanURL))
        let opened: RepositoryHandle = try await worker.run { () throws(GitError) -> RepositoryHandle in
            if FileManager.default.fileExists(atPath: directory) {
                let handle = try RepositoryHandle.open(path: directory)
                try handle.configureOrigin(url: cleanURL)
                return handle
            }
            try CacheDirectory.create(cacheDirectory, operation: "clone")
            return try RepositoryHandle.initBare(path: directory + ".partial-\(UUID().uuidString.prefix(8))", url: cleanURL)
        }
        if opened.path == directory {
            return GitRepository(path: directory, worker: worker, handle: opened)
        }
        // A fresh clone is fetched into a temporary directory and renamed into place, so a failed or
        // interrupted clone never leaves a half-filled cache entry behind.
        let operation = GitOperation(name: "clone", url: cleanURL, options: options, port: parsed.port)
        let partial = opened.path
        do {
            _ = try await worker.runNetwork(operation) { () throws(GitError) -> [String] in try opened.fetch(operation) }
        } catch {
            _ = try? await worker.run { () throws(GitError) in
                opened.close()
                try? FileManager.default.removeItem(atPath: partial)
            }
            worker.stop()
            throw error
        }
        let handle = try await worker.run { () throws(GitError) -> RepositoryHandle in
            opened.close()
            if rename(partial, directory) != 0 {
                // Another process cloned the same URL first: use theirs.
                try? FileManager.default.removeItem(atPath: partial)
            }
            return try RepositoryHandle.open(path: directory, operation: "clone")
        }
        return GitRepository(path: directory, worker: worker, handle: handle)
    }

    /// Opens an existing repository (bare or not) at `path`.
    public static func open(path: String) async throws(GitError) -> GitRepository {
        try GitRuntime.ensureInitialized()
        let worker = GitWorker(name: "git " + path)
        let handle: RepositoryHandle
        do {
            handle = try await worker.run { () throws(GitError) -> RepositoryHandle in try RepositoryHandle.open(path: path) }
        } catch {
            worker.stop()
            throw error
        }
        return GitRepository(path: path, worker: worker, handle: handle)
    }

    /// The URL of `origin`, redacted, or nil when there is none.
    private func originURL() async -> String? {
        let handle = handle
        return try? await worker.run { () throws(GitError) -> String? in
            var remote: OpaquePointer?
            guard git_remote_lookup(&remote, try handle.repo("fetch"), "origin") == 0 else { return nil }
            defer { git_remote_free(remote) }
            return git_remote_url(remote).map { String(cString: $0) }
        }
    }

    private func networkOperation(_ name: String, _ options: GitRemoteOptions) async -> GitOperation {
        let url = await originURL() ?? path
        return GitOperation(name: name, url: url, options: options, port: (try? GitURL(url))?.port)
    }

    /// Fetches branches and tags from origin (prune), refs in refs/remotes/origin/* and refs/tags/*; returns updated ref names.
    public func fetch(options: GitRemoteOptions) async throws(GitError) -> [String] {
        let handle = handle
        let operation = await networkOperation("fetch", options)
        return try await worker.runNetwork(operation) { () throws(GitError) -> [String] in try handle.fetch(operation) }
    }

    /// Fetches origin's reference `source` (a full ref name, e.g. `refs/pull/7/head`) into the local `destination`.
    public func fetch(reference source: String, into destination: String, options: GitRemoteOptions) async throws(GitError) {
        let handle = handle
        let operation = await networkOperation("fetch", options)
        try await worker.runNetwork(operation) { () throws(GitError) -> Void in
            try handle.fetch(reference: source, into: destination, operation)
        }
    }

    /// "main" → refs/remotes/origin/main (then refs/heads/main), tag, full or ≥4-char short SHA, "HEAD"; returns full SHA.
    public func resolve(_ ref: String) async throws(GitError) -> String {
        let handle = handle
        return try await worker.run { () throws(GitError) -> String in try handle.resolve(ref) }
    }

    /// Branch → SHA for every branch of origin (refs/remotes/origin/*).
    public func remoteBranches() async throws(GitError) -> [String: String] {
        let handle = handle
        return try await worker.run { () throws(GitError) -> [String: String] in try handle.remoteBranches() }
    }

    /// The commit's metadata (`sha` may be any reference `resolve` accepts).
    public func commit(_ sha: String) async throws(GitError) -> GitCommitInfo {
        let handle = handle
        return try await worker.run { () throws(GitError) -> GitCommitInfo in try handle.commitInfo(sha) }
    }

    /// Recursive listing under `path` (the whole tree when nil), paths relative to the repository root.
    public func tree(commit: String, path: String?) async throws(GitError) -> [GitTreeEntry] {
        let handle = handle
        return try await worker.run { () throws(GitError) -> [GitTreeEntry] in try handle.tree(commit: commit, path: path) }
    }

    /// A blob's bytes; `.tooLarge` (checked before reading) when it exceeds `maxSize`.
    public func blob(oid: String, maxSize: Int) async throws(GitError) -> Data {
        let handle = handle
        return try await worker.run { () throws(GitError) -> Data in try handle.blob(oid: oid, maxSize: maxSize) }
    }

    /// Reads every blob under `paths` (directories recurse) straight from the ODB: relative path → contents.
    /// Paths are relative to the repository root; a missing path is `.notFound`, a file over `maxFileSize` `.tooLarge`.
    public func files(commit: String, under paths: [String], maxFileSize: Int) async throws(GitError) -> [String: Data] {
        try await files(commit: commit, under: paths, maxFileSize: maxFileSize, where: nil)
    }

    /// `files(commit:under:maxFileSize:)` reading only the paths `include` accepts (others are never loaded).
    public func files(
        commit: String, under paths: [String], maxFileSize: Int, where include: (@Sendable (String) -> Bool)?
    ) async throws(GitError) -> [String: Data] {
        let handle = handle
        return try await worker.run { () throws(GitError) -> [String: Data] in
            try handle.files(commit: commit, under: paths, maxFileSize: maxFileSize, include: include)
        }
    }

    /// Every blob under `paths` within the limit `limit` gives for its path: read from the ODB when `readNow`
    /// accepts its path, else listed by object id and size for `blobWaiting`; larger blobs are listed by size and
    /// never read. A missing path is `.notFound`.
    public func blobs(
        commit: String, under paths: [String], limit: @escaping @Sendable (String) -> Int,
        readNow: @escaping @Sendable (String) -> Bool = { _ in true }
    ) async throws(GitError) -> GitBlobs {
        let handle = handle
        return try await worker.run { () throws(GitError) -> GitBlobs in
            try handle.blobs(commit: commit, under: paths, limit: limit, readNow: readNow)
        }
    }

    /// A blob's bytes (`.tooLarge`, checked before reading, over `maxSize`), read while the calling thread waits
    /// for the repository's thread: for a lazy read from work that already runs off the cooperative pool (a scan
    /// evaluating `filebase64sha256`). Never call it from a task.
    public func blobWaiting(oid: String, maxSize: Int) -> Result<[UInt8], GitError> {
        let handle = handle
        let outcome = BlockingOutcome()
        worker.submit {
            do throws(GitError) {
                outcome.finish(.success([UInt8](try handle.blob(oid: oid, maxSize: maxSize))))
            } catch {
                outcome.finish(.failure(error))
            }
        }
        return outcome.wait()
    }

    /// Tree-to-tree diff of two commits, renames detected.
    public func changedPaths(from: String, to: String) async throws(GitError) -> [GitChange] {
        let handle = handle
        return try await worker.run { () throws(GitError) -> [GitChange] in try handle.changedPaths(from: from, to: to) }
    }

    /// New commit whose parent is `parent`, tree = parent's tree + `changes` (no working tree), ref refs/heads/<branch> set/forced.
    public func createCommit(
        branch: String, parent: String, changes: [String: GitFileChange], message: String,
        author: GitSignature, committer: GitSignature
    ) async throws(GitError) -> String {
        let handle = handle
        return try await worker.run { () throws(GitError) -> String in
            try handle.createCommit(
                branch: branch, parent: parent, changes: changes, message: message, author: author, committer: committer)
        }
    }

    /// Pushes refs/heads/<branch> to origin's <branch> (force optional); returns after the remote accepted, or throws with the remote's rejection message.
    public func push(branch: String, force: Bool, options: GitRemoteOptions) async throws(GitError) {
        let name = try RepositoryHandle.validateBranch(branch, "push")
        let handle = handle
        let operation = await networkOperation("push", options)
        try await worker.runNetwork(operation) { () throws(GitError) in
            try handle.push(refspec: (force ? "+" : "") + name + ":" + name, operation)
        }
    }

    /// Deletes `branch` on origin.
    public func deleteRemoteBranch(_ branch: String, options: GitRemoteOptions) async throws(GitError) {
        let name = try RepositoryHandle.validateBranch(branch, "deleteRemoteBranch")
        let handle = handle
        let operation = await networkOperation("deleteRemoteBranch", options)
        try await worker.runNetwork(operation) { () throws(GitError) in try handle.push(refspec: ":" + name, operation) }
    }
}
