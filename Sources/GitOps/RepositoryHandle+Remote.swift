import CGit2
import Foundation

/// Talking to `origin`: fetch, push, delete a remote branch. Each runs inside a `GitOperation`
/// (deadline, stall limit, credential attempts) set up by `GitWorker.runNetwork`.
extension RepositoryHandle {
    /// Points `origin` at `url` (already stripped of user-info) and makes sure it has our refspecs.
    func configureOrigin(url: String) throws(GitError) {
        let repo = try repo("open")
        var remote: OpaquePointer?
        let found = git_remote_lookup(&remote, repo, "origin")
        if found == GIT_ENOTFOUND.rawValue {
            try Self.check(git_remote_create_with_fetchspec(&remote, repo, "origin", url, Self.branchRefspec), "open", url: url)
            git_remote_free(remote)
            try Self.check(git_remote_add_fetch(repo, "origin", Self.tagRefspec), "open", url: url)
            return
        }
        try Self.check(found, "open", url: url)
        defer { git_remote_free(remote) }
        if let current = git_remote_url(remote), String(cString: current) == url { return }
        try Self.check(git_remote_set_url(repo, "origin", url), "open", url: url)
    }

    /// `origin`, after pointing TLS trust at the operation's CA bundle; the caller frees it.
    private func origin(_ operation: GitOperation) throws(GitError) -> OpaquePointer {
        try GitRuntime.useCABundle(operation.options.caBundlePath, operation: operation.name)
        var remote: OpaquePointer?
        let result = git_remote_lookup(&remote, try repo(operation.name), "origin")
        guard result == 0, let remote else { throw operation.failure(result) }
        return remote
    }

    /// Fetches branches and tags from origin with pruning; returns the names of the references that changed.
    func fetch(_ operation: GitOperation) throws(GitError) -> [String] {
        let remote = try origin(operation)
        defer { git_remote_free(remote) }
        var options = git_fetch_options()
        try Self.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), operation.name)
        options.callbacks = GitRemoteCallbacks.make(for: operation)
        options.prune = GIT_FETCH_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE  // the forced tag refspec fetches them all
        let result = git_remote_fetch(remote, nil, &options, "bulwark: fetch")
        guard result == 0 else { throw operation.failure(result) }
        try updateRemoteHEAD(remote)
        return Array(Set(operation.updatedReferences)).sorted()
    }

    /// Fetches the one reference `source` of origin into `destination` (forced, nothing pruned): a ref outside
    /// the branches, such as a code host's ref of a pull request's head.
    func fetch(reference source: String, into destination: String, _ operation: GitOperation) throws(GitError) {
        let remote = try origin(operation)
        defer { git_remote_free(remote) }
        var options = git_fetch_options()
        try Self.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), operation.name)
        options.callbacks = GitRemoteCallbacks.make(for: operation)
        options.prune = GIT_FETCH_NO_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        guard let spec = strdup("+" + source + ":" + destination) else {
            throw GitError(code: .io, message: "out of memory", operation: operation.name)
        }
        defer { free(spec) }
        var specs: [UnsafeMutablePointer<CChar>?] = [spec]
        let result = specs.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: 1)
            return git_remote_fetch(remote, &array, &options, "bulwark: fetch")
        }
        guard result == 0 else { throw operation.failure(result) }
    }

    /// Records the remote's default branch as refs/remotes/origin/HEAD, so `resolve("HEAD")` follows it.
    private func updateRemoteHEAD(_ remote: OpaquePointer) throws(GitError) {
        let repo = try repo("fetch")
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        // Servers that do not advertise HEAD leave the old value in place.
        guard git_remote_default_branch(&buffer, remote) == 0, let pointer = buffer.ptr else { return }
        let target = String(cString: pointer)
        guard target.hasPrefix("refs/heads/") else { return }
        let tracking = "refs/remotes/origin/" + target.dropFirst("refs/heads/".count)
        var ref: OpaquePointer?
        if git_reference_symbolic_create(&ref, repo, "refs/remotes/origin/HEAD", tracking, 1, "bulwark: remote HEAD") == 0 {
            git_reference_free(ref)
        }
    }

    /// Pushes `refspec` to origin; throws `.push` with the remote's message when it rejects the update.
    func push(refspec: String, _ operation: GitOperation) throws(GitError) {
        let remote = try origin(operation)
        defer { git_remote_free(remote) }
        var options = git_push_options()
        try Self.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), operation.name)
        options.callbacks = GitRemoteCallbacks.make(for: operation)
        guard let spec = strdup(refspec) else {
            throw GitError(code: .io, message: "out of memory", operation: operation.name)
        }
        defer { free(spec) }
        var specs: [UnsafeMutablePointer<CChar>?] = [spec]
        let result = specs.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: 1)
            return git_remote_push(remote, &array, &options)
        }
        guard result == 0 else {
            var error = operation.failure(result)
            if error.code == .libgit2 { error.code = .push }
            throw error
        }
        if !operation.pushRejections.isEmpty {
            var message = "the remote rejected " + operation.pushRejections.joined(separator: "; ")
            let said = operation.remoteMessages.trimmingCharacters(in: .whitespacesAndNewlines)
            if !said.isEmpty { message += "; remote said: " + said }
            throw GitError(code: .push, message: operation.scrubbed(message), operation: operation.name, url: operation.url)
        }
    }
}
