import CGit2
import Foundation

/// Creating commits without a working tree: the parent's tree plus a set of file changes.
extension RepositoryHandle {
    /// Throws unless `refs/heads/<branch>` is a valid reference name.
    static func validateBranch(_ branch: String, _ operation: String) throws(GitError) -> String {
        let name = "refs/heads/" + branch
        var valid: Int32 = 0
        guard !branch.isEmpty, git_reference_name_is_valid(&valid, name) == 0, valid == 1 else {
            throw GitError(code: .invalidReference, message: "'\(branch.prefix(200))' is not a valid branch name", operation: operation)
        }
        return name
    }

    /// A new commit whose parent is `parent` and whose tree is the parent's with `changes` applied;
    /// `refs/heads/<branch>` is set to it (forced). Returns the new SHA.
    func createCommit(
        branch: String, parent: String, changes: [String: GitFileChange], message: String,
        author: GitSignature, committer: GitSignature
    ) throws(GitError) -> String {
        let operation = "createCommit"
        let repo = try repo(operation)
        let refName = try Self.validateBranch(branch, operation)
        let parentCommit = try lookupCommit(parent, operation)
        defer { git_commit_free(parentCommit) }
        var baseTree: OpaquePointer?
        try Self.check(git_commit_tree(&baseTree, parentCommit), operation)
        defer { git_tree_free(baseTree) }

        var updates: [git_tree_update] = []
        var paths: [UnsafeMutablePointer<CChar>] = []
        defer { paths.forEach { free($0) } }
        for (rawPath, change) in changes.sorted(by: { $0.key < $1.key }) {
            let path = try Self.normalize(rawPath, operation)
            guard !path.isEmpty, let cPath = strdup(path) else {
                throw GitError(code: .invalidPath, message: "'\(rawPath)' is not a file path", operation: operation)
            }
            paths.append(cPath)
            var update = git_tree_update()
            update.path = UnsafePointer(cPath)
            switch change {
            case .write(let contents):
                var oid = git_oid()
                let written = contents.withUnsafeBytes { bytes in
                    git_blob_create_from_buffer(&oid, repo, bytes.baseAddress, bytes.count)
                }
                try Self.check(written, operation)
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = oid
                update.filemode = GIT_FILEMODE_BLOB
            case .delete:
                update.action = GIT_TREE_UPDATE_REMOVE
            }
            updates.append(update)
        }
        var treeOid = git_oid()
        let built = git_tree_create_updated(&treeOid, repo, baseTree, updates.count, &updates)
        if built < 0 {
            var error = GitError.last(built, operation: operation)
            if error.code == .libgit2 || error.code == .notFound { error.code = .notFound }
            throw error
        }
        var tree: OpaquePointer?
        try Self.check(git_tree_lookup(&tree, repo, &treeOid), operation)
        defer { git_tree_free(tree) }

        let authorSignature = try Self.makeSignature(author, operation)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try Self.makeSignature(committer, operation)
        defer { git_signature_free(committerSignature) }
        var commitOid = git_oid()
        var parents: [OpaquePointer?] = [parentCommit]
        try Self.check(
            git_commit_create(
                &commitOid, repo, nil, authorSignature, committerSignature, "UTF-8", message, tree, 1, &parents),
            operation)
        var ref: OpaquePointer?
        try Self.check(git_reference_create(&ref, repo, refName, &commitOid, 1, "bulwark: commit on \(branch)"), operation)
        git_reference_free(ref)
        return Self.hex(&commitOid)
    }

    private static func makeSignature(
        _ signature: GitSignature, _ operation: String
    ) throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var out: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t((signature.time ?? Date()).timeIntervalSince1970.rounded(.down))
        let result = git_signature_new(&out, signature.name, signature.email, seconds, 0)
        guard result == 0, let out else {
            var error = GitError.last(result, operation: operation)
            error.code = .invalidArgument
            error.message = "invalid signature '\(signature.name) <\(signature.email)>': \(error.message)"
            throw error
        }
        return out
    }
}
