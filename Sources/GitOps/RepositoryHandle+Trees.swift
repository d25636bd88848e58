import CGit2
import Foundation

/// Reading trees and blobs straight from the object database, and diffing two commits' trees.
extension RepositoryHandle {
    /// Tree nesting deeper than this is refused (a crafted repository must not exhaust the stack).
    static let maxTreeDepth = 256

    /// `path` cleaned to `a/b` form; "", "." and "/" mean the root. `..`, empty and `.git` components are refused.
    static func normalize(_ path: String, _ operation: String) throws(GitError) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
            if component == ".." || component.contains("\0") || component.lowercased() == ".git" {
                throw GitError(code: .invalidPath, message: "path '\(path)' is not allowed", operation: operation)
            }
            components.append(component)
        }
        return components.joined(separator: "/")
    }

    /// The root tree of a commit; the caller frees it.
    func rootTree(commit reference: String, _ operation: String) throws(GitError) -> OpaquePointer {
        let commit = try lookupCommit(reference, operation)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try Self.check(git_commit_tree(&tree, commit), operation)
        guard let tree else { throw GitError(code: .notFound, message: "commit has no tree", operation: operation) }
        return tree
    }

    /// What `path` names in `root`: a subtree (caller frees) or a single entry (caller frees).
    private enum Located {
        case tree(OpaquePointer)
        case entry(OpaquePointer)
    }

    private func locate(_ path: String, in root: OpaquePointer, commit: String, _ operation: String) throws(GitError) -> Located {
        let repo = try repo(operation)
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, root, path)
        if found == GIT_ENOTFOUND.rawValue {
            throw GitError(code: .notFound, message: "path '\(path)' not found in commit \(commit)", operation: operation)
        }
        try Self.check(found, operation)
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return .entry(entry!) }
        defer { git_tree_entry_free(entry) }
        var tree: OpaquePointer?
        try Self.check(git_tree_lookup(&tree, repo, git_tree_entry_id(entry)), operation)
        return .tree(tree!)
    }

    /// Calls `visit` for every entry under `tree` (depth first, trees before their contents), with full paths.
    private func walk(
        _ tree: OpaquePointer, prefix: String, depth: Int, _ operation: String,
        _ visit: (String, OpaquePointer) throws(GitError) -> Void
    ) throws(GitError) {
        guard depth < Self.maxTreeDepth else {
            throw GitError(code: .tooLarge, message: "tree nesting under '\(prefix)' exceeds \(Self.maxTreeDepth)", operation: operation)
        }
        let repo = try repo(operation)
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let path = prefix.isEmpty ? name : prefix + "/" + name
            try visit(path, entry)
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                var subtree: OpaquePointer?
                try Self.check(git_tree_lookup(&subtree, repo, git_tree_entry_id(entry)), operation)
                defer { git_tree_free(subtree) }
                try walk(subtree!, prefix: path, depth: depth + 1, operation, visit)
            }
        }
    }

    private static func kind(_ entry: OpaquePointer) -> GitTreeEntry.Kind {
        switch git_tree_entry_filemode(entry) {
        case GIT_FILEMODE_TREE: return .tree
        case GIT_FILEMODE_LINK: return .link
        case GIT_FILEMODE_COMMIT: return .submodule
        default: return .blob
        }
    }

    private func odb(_ operation: String) throws(GitError) -> OpaquePointer {
        var odb: OpaquePointer?
        try Self.check(git_repository_odb(&odb, try repo(operation)), operation)
        return odb!
    }

    private static func size(_ odb: OpaquePointer, _ oid: UnsafePointer<git_oid>, _ operation: String) throws(GitError) -> Int {
        var length = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&length, &type, odb, oid), operation)
        return length
    }

    private func describe(_ path: String, _ entry: OpaquePointer, odb: OpaquePointer, _ operation: String) throws(GitError) -> GitTreeEntry
    {
        let kind = Self.kind(entry)
        let oid = git_tree_entry_id(entry)!
        let size = (kind == .blob || kind == .link) ? try Self.size(odb, oid, operation) : nil
        return GitTreeEntry(
            path: path, oid: Self.hex(oid), kind: kind, mode: git_tree_entry_filemode(entry).rawValue, size: size)
    }

    /// Every entry under `path` (the whole tree when nil), recursively, with repository-relative paths.
    func tree(commit: String, path: String?) throws(GitError) -> [GitTreeEntry] {
        let operation = "tree"
        let root = try rootTree(commit: commit, operation)
        defer { git_tree_free(root) }
        let odb = try odb(operation)
        defer { git_odb_free(odb) }
        let base = try Self.normalize(path ?? "", operation)
        var entries: [GitTreeEntry] = []
        var start = root
        if !base.isEmpty {
            switch try locate(base, in: root, commit: commit, operation) {
            case .entry(let entry):
                defer { git_tree_entry_free(entry) }
                return [try describe(base, entry, odb: odb, operation)]
            case .tree(let subtree):
                start = subtree
            }
        }
        defer { if start != root { git_tree_free(start) } }
        try walk(start, prefix: base, depth: 0, operation) { (entryPath, entry) throws(GitError) in
            entries.append(try describe(entryPath, entry, odb: odb, operation))
        }
        return entries
    }

    /// A blob's bytes, refusing (before reading it) one larger than `maxSize`.
    func blob(oid sha: String, maxSize: Int) throws(GitError) -> Data {
        var oid = try Self.oid(sha, "blob")
        return try readBlob(&oid, maxSize: maxSize, path: sha)
    }

    private func readBlob(_ oid: UnsafePointer<git_oid>, maxSize: Int, path: String) throws(GitError) -> Data {
        let operation = "blob"
        let repo = try repo(operation)
        let odb = try odb(operation)
        defer { git_odb_free(odb) }
        let size = try Self.size(odb, oid, operation)
        guard size <= maxSize else {
            throw GitError(code: .tooLarge, message: "'\(path)' is \(size) bytes, over the limit of \(maxSize)", operation: operation)
        }
        var blob: OpaquePointer?
        let found = git_blob_lookup(&blob, repo, oid)
        if found == GIT_ENOTFOUND.rawValue {
            throw GitError(code: .notFound, message: "blob \(Self.hex(oid)) not found", operation: operation)
        }
        try Self.check(found, operation)
        defer { git_blob_free(blob) }
        let count = Int(git_blob_rawsize(blob))
        guard count > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// Contents of every regular file under `paths` (directories recurse; links and submodules are skipped),
    /// keyed by repository-relative path, read from the object database without a checkout.
    func files(
        commit: String, under paths: [String], maxFileSize: Int, include: ((String) -> Bool)? = nil
    ) throws(GitError) -> [String: Data] {
        let operation = "files"
        let root = try rootTree(commit: commit, operation)
        defer { git_tree_free(root) }
        var files: [String: Data] = [:]
        func take(_ path: String, _ entry: OpaquePointer) throws(GitError) {
            guard Self.kind(entry) == .blob, include?(path) ?? true else { return }
            files[path] = try readBlob(git_tree_entry_id(entry), maxSize: maxFileSize, path: path)
        }
        for requested in paths {
            let base = try Self.normalize(requested, operation)
            if base.isEmpty {
                try walk(root, prefix: "", depth: 0, operation, take)
                continue
            }
            switch try locate(base, in: root, commit: commit, operation) {
            case .entry(let entry):
                defer { git_tree_entry_free(entry) }
                try take(base, entry)
            case .tree(let subtree):
                defer { git_tree_free(subtree) }
                try walk(subtree, prefix: base, depth: 0, operation, take)
            }
        }
        return files
    }

    /// `files`, with a limit per path: a blob over its limit is not read but listed by size, so one large file
    /// (a packaged artifact) does not make the whole read fail; a blob within its limit that `readNow` declines
    /// is listed by object id and size, to be read when asked for.
    func blobs(
        commit: String, under paths: [String], limit: (String) -> Int, readNow: (String) -> Bool = { _ in true }
    ) throws(GitError) -> GitBlobs {
        let operation = "files"
        let root = try rootTree(commit: commit, operation)
        defer { git_tree_free(root) }
        let odb = try odb(operation)
        defer { git_odb_free(odb) }
        var blobs = GitBlobs()
        func take(_ path: String, _ entry: OpaquePointer) throws(GitError) {
            guard Self.kind(entry) == .blob, let oid = git_tree_entry_id(entry) else { return }
            let size = try Self.size(odb, oid, operation)
            if size > limit(path) {
                blobs.oversized[path] = size
            } else if !readNow(path) {
                blobs.deferred[path] = GitBlobs.Deferred(oid: Self.hex(oid), size: size)
            } else {
                blobs.files[path] = [UInt8](try readBlob(oid, maxSize: size, path: path))
            }
        }
        for requested in paths {
            let base = try Self.normalize(requested, operation)
            if base.isEmpty {
                try walk(root, prefix: "", depth: 0, operation, take)
                continue
            }
            switch try locate(base, in: root, commit: commit, operation) {
            case .entry(let entry):
                defer { git_tree_entry_free(entry) }
                try take(base, entry)
            case .tree(let subtree):
                defer { git_tree_free(subtree) }
                try walk(subtree, prefix: base, depth: 0, operation, take)
            }
        }
        return blobs
    }

    /// Paths that differ between the trees of two commits, with renames detected (50% similarity, git's default).
    func changedPaths(from old: String, to new: String) throws(GitError) -> [GitChange] {
        let operation = "changedPaths"
        let repo = try repo(operation)
        let oldTree = try rootTree(commit: old, operation)
        defer { git_tree_free(oldTree) }
        let newTree = try rootTree(commit: new, operation)
        defer { git_tree_free(newTree) }
        var diff: OpaquePointer?
        try Self.check(git_diff_tree_to_tree(&diff, repo, oldTree, newTree, nil), operation)
        defer { git_diff_free(diff) }
        var find = git_diff_find_options()
        try Self.check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), operation)
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try Self.check(git_diff_find_similar(diff, &find), operation)
        var changes: [GitChange] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) } ?? ""
            let newPath = delta.new_file.path.map { String(cString: $0) } ?? oldPath
            switch delta.status {
            case GIT_DELTA_ADDED, GIT_DELTA_COPIED: changes.append(GitChange(path: newPath, status: .added))
            case GIT_DELTA_DELETED: changes.append(GitChange(path: oldPath, status: .deleted))
            case GIT_DELTA_MODIFIED: changes.append(GitChange(path: newPath, status: .modified))
            case GIT_DELTA_RENAMED: changes.append(GitChange(path: newPath, oldPath: oldPath, status: .renamed))
            case GIT_DELTA_TYPECHANGE: changes.append(GitChange(path: newPath, status: .typeChange))
            default: continue
            }
        }
        return changes
    }
}
