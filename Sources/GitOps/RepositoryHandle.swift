import CGit2
import Foundation

/// A libgit2 repository handle and the synchronous operations on it. Confined to its `GitWorker` thread:
/// every method must run there (the `GitRepository` async API guarantees it).
final class RepositoryHandle: @unchecked Sendable {
    let path: String
    private(set) var pointer: OpaquePointer?

    private init(path: String, pointer: OpaquePointer) {
        self.path = path
        self.pointer = pointer
    }

    /// Opens an existing repository (bare or not) at exactly `path`, without searching parent directories.
    static func open(path: String, operation: String = "open") throws(GitError) -> RepositoryHandle {
        var repo: OpaquePointer?
        let result = git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        guard result == 0, let repo else {
            var error = GitError.last(result, operation: operation)
            error.message = "cannot open repository at \(path): \(error.message)"
            throw error
        }
        return RepositoryHandle(path: path, pointer: repo)
    }

    /// Creates an empty bare repository with an `origin` remote that fetches branches to refs/remotes/origin/*
    /// and tags to refs/tags/* (both forced, so rewritten history and moved tags are followed).
    static func initBare(path: String, url: String) throws(GitError) -> RepositoryHandle {
        var repo: OpaquePointer?
        try check(git_repository_init(&repo, path, 1), "clone")
        guard let repo else { throw GitError(code: .libgit2, message: "no repository created", operation: "clone") }
        let handle = RepositoryHandle(path: path, pointer: repo)
        var remote: OpaquePointer?
        try check(git_remote_create_with_fetchspec(&remote, repo, "origin", url, branchRefspec), "clone", url: url)
        git_remote_free(remote)
        try check(git_remote_add_fetch(repo, "origin", tagRefspec), "clone", url: url)
        return handle
    }

    static let branchRefspec = "+refs/heads/*:refs/remotes/origin/*"
    static let tagRefspec = "+refs/tags/*:refs/tags/*"

    /// Frees the handle; later calls fail with `.io`.
    func close() {
        if let pointer { git_repository_free(pointer) }
        pointer = nil
    }

    deinit { close() }

    /// The live libgit2 pointer, or an error once closed.
    func repo(_ operation: String) throws(GitError) -> OpaquePointer {
        guard let pointer else {
            throw GitError(code: .io, message: "repository \(path) is closed", operation: operation)
        }
        return pointer
    }

    /// Throws libgit2's error when `result` is negative.
    static func check(_ result: Int32, _ operation: String, url: String? = nil) throws(GitError) {
        if result < 0 { throw GitError.last(result, operation: operation, url: url) }
    }

    /// 40 lowercase hex digits.
    static func hex(_ oid: UnsafePointer<git_oid>) -> String {
        // git_oid_tostr_s fills a thread-local buffer; this thread is the only reader.
        git_oid_tostr_s(oid).map { String(cString: $0) } ?? ""
    }

    /// Parses a full 40-digit SHA.
    static func oid(_ sha: String, _ operation: String) throws(GitError) -> git_oid {
        var oid = git_oid()
        guard sha.utf8.count == Int(GIT_OID_HEXSZ), sha.allSatisfy(\.isHexDigit), git_oid_fromstr(&oid, sha) == 0 else {
            throw GitError(code: .invalidReference, message: "'\(sha.prefix(80))' is not a full SHA", operation: operation)
        }
        return oid
    }

    // MARK: - References and commits

    /// "HEAD", a branch (remote-tracking first, then local), a tag, a full ref name, or a full or ≥4-digit short SHA
    /// → the full SHA of the commit it names.
    func resolve(_ reference: String) throws(GitError) -> String {
        let repo = try repo("resolve")
        let invalid =
            reference.isEmpty || reference.utf8.count > 1024
            || reference.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" }
        guard !invalid else {
            throw GitError(code: .invalidReference, message: "'\(reference.prefix(80))' is not a valid reference", operation: "resolve")
        }
        let candidates: [String]
        if reference == "HEAD" {
            candidates = ["refs/remotes/origin/HEAD", "HEAD"]
        } else if reference.hasPrefix("refs/") {
            candidates = [reference]
        } else {
            candidates = ["refs/remotes/origin/\(reference)", "refs/heads/\(reference)", "refs/tags/\(reference)"]
        }
        for name in candidates {
            var ref: OpaquePointer?
            let found = git_reference_lookup(&ref, repo, name)
            if found == GIT_ENOTFOUND.rawValue || found == GIT_EINVALIDSPEC.rawValue { continue }
            try Self.check(found, "resolve")
            defer { git_reference_free(ref) }
            var object: OpaquePointer?
            let peeled = git_reference_peel(&object, ref, GIT_OBJECT_COMMIT)
            if peeled == GIT_ENOTFOUND.rawValue || peeled == GIT_EUNBORNBRANCH.rawValue { continue }
            try Self.check(peeled, "resolve")
            defer { git_object_free(object) }
            return Self.hex(git_object_id(object))
        }
        if (4...Int(GIT_OID_HEXSZ)).contains(reference.utf8.count), reference.allSatisfy(\.isHexDigit) {
            if let sha = try lookupPrefix(reference, repo) { return sha }
        }
        throw GitError(
            code: .notFound,
            message: "no branch, tag or commit named '\(reference)' (looked in \(candidates.joined(separator: ", "))"
                + (reference.allSatisfy(\.isHexDigit) ? " and commit SHAs" : "") + ")",
            operation: "resolve")
    }

    private func lookupPrefix(_ prefix: String, _ repo: OpaquePointer) throws(GitError) -> String? {
        var oid = git_oid()
        try Self.check(git_oid_fromstrn(&oid, prefix, prefix.utf8.count), "resolve")
        var object: OpaquePointer?
        let found = git_object_lookup_prefix(&object, repo, &oid, prefix.utf8.count, GIT_OBJECT_ANY)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        if found == GIT_EAMBIGUOUS.rawValue {
            throw GitError(code: .invalidReference, message: "short SHA '\(prefix)' is ambiguous", operation: "resolve")
        }
        try Self.check(found, "resolve")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        guard peeled == 0 else {
            throw GitError(code: .invalidReference, message: "'\(prefix)' does not name a commit", operation: "resolve")
        }
        defer { git_object_free(commit) }
        return Self.hex(git_object_id(commit))
    }

    /// Looks up a commit by full or short SHA (or any reference `resolve` accepts); the caller frees it.
    func lookupCommit(_ reference: String, _ operation: String) throws(GitError) -> OpaquePointer {
        let repo = try repo(operation)
        var oid = try Self.oid(try resolve(reference), operation)
        var commit: OpaquePointer?
        try Self.check(git_commit_lookup(&commit, repo, &oid), operation)
        guard let commit else { throw GitError(code: .notFound, message: "commit \(reference) not found", operation: operation) }
        return commit
    }

    /// The commit's metadata.
    func commitInfo(_ reference: String) throws(GitError) -> GitCommitInfo {
        let commit = try lookupCommit(reference, "commit")
        defer { git_commit_free(commit) }
        var parents: [String] = []
        for index in 0..<git_commit_parentcount(commit) {
            if let id = git_commit_parent_id(commit, index) { parents.append(Self.hex(id)) }
        }
        return GitCommitInfo(
            sha: Self.hex(git_commit_id(commit)),
            summary: git_commit_summary(commit).map { String(cString: $0) } ?? "",
            message: git_commit_message(commit).map { String(cString: $0) } ?? "",
            author: Self.signature(git_commit_author(commit)),
            committer: Self.signature(git_commit_committer(commit)),
            parents: parents)
    }

    private static func signature(_ signature: UnsafePointer<git_signature>?) -> GitSignature {
        guard let signature else { return GitSignature(name: "", email: "") }
        return GitSignature(
            name: signature.pointee.name.map { String(cString: $0) } ?? "",
            email: signature.pointee.email.map { String(cString: $0) } ?? "",
            time: Date(timeIntervalSince1970: TimeInterval(signature.pointee.when.time)))
    }

    /// Branch → SHA for refs/remotes/origin/* (without HEAD).
    func remoteBranches() throws(GitError) -> [String: String] {
        let repo = try repo("remoteBranches")
        var iterator: OpaquePointer?
        try Self.check(git_reference_iterator_glob_new(&iterator, repo, "refs/remotes/origin/*"), "remoteBranches")
        defer { git_reference_iterator_free(iterator) }
        var branches: [String: String] = [:]
        let prefix = "refs/remotes/origin/"
        while true {
            var ref: OpaquePointer?
            let next = git_reference_next(&ref, iterator)
            if next == GIT_ITEROVER.rawValue { break }
            try Self.check(next, "remoteBranches")
            defer { git_reference_free(ref) }
            let name = String(cString: git_reference_name(ref))
            guard name.hasPrefix(prefix), git_reference_type(ref) == GIT_REFERENCE_DIRECT, let target = git_reference_target(ref)
            else { continue }
            branches[String(name.dropFirst(prefix.count))] = Self.hex(target)
        }
        return branches
    }
}
