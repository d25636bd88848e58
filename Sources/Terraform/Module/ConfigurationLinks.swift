import Foundation
import HCL
import Model

/// Symbolic links among a module's configuration files, kept inside the scanned tree.
///
/// A Git checkout made without symlink support (`core.symlinks=false`) stores a link as a text file holding its
/// target, so `locals.tf` may contain just `../locals.tf`. Such a file is read as the link it stands for, with
/// a warning; a real link is followed as the file system does. Neither may reach outside the scanned tree.
struct ConfigurationLinks {
    /// Absolute, standardized directories a link target must lie in.
    let roots: [String]
    let tree: any FileTree

    init(roots: [String], rootModule: String, tree: any FileTree) {
        let chosen = roots.isEmpty ? [rootModule] : roots
        self.roots = chosen.map { Self.resolvedLink(tree.absolutePath($0), in: tree) }
        self.tree = tree
    }

    /// Whether `path` (absolute, standardized) is one of the roots or below one.
    func contains(_ path: String) -> Bool {
        roots.contains { root in path == root || path.hasPrefix(root == "/" ? "/" : root + "/") }
    }

    /// A warning when `path` is a symbolic link whose target lies outside the scanned tree (the file is then
    /// not read); nil when it is no link or stays inside.
    func escapingLink(_ path: String) -> Diagnostic? {
        guard tree.kind(path) == .symlink else { return nil }
        let target = Self.resolvedLink(tree.absolutePath(path), in: tree)
        if contains(target) { return nil }
        // The target is not named: where a link points outside the tree is itself something the tree must not learn.
        return Diagnostic(
            .unsupported, "Not read: this file is a symbolic link to a file outside the scanned tree",
            at: .wholeFile(path), severity: .warning)
    }

    /// For a parsed file that is a path standing for a link: the target and the warning to attach. Only a short
    /// file that failed to parse can be one, so no other file is read twice.
    func textLink(
        _ parsed: (file: ParsedFile, bytes: Int), path: String, display: String, maxFileSize: Int
    ) -> (target: String, warning: Diagnostic)? {
        guard parsed.bytes > 0, parsed.bytes <= 4096, parsed.file.diagnostics.contains(where: { $0.severity == .error }),
            case .success(let bytes) = tree.read(path, maxSize: maxFileSize),
            let target = textLinkTarget(of: path, bytes: bytes)
        else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let warning = Diagnostic(
            .unsupported,
            "This file holds only the path \"\(text)\": it is read as the symbolic link it stands for (a checkout without symlink support)",
            at: .wholeFile(display), severity: .warning)
        return (target, warning)
    }

    /// The file a text file stands for when its whole content is one relative path to an existing `.tf` or
    /// `.tf.json` file inside the scanned tree; nil otherwise.
    func textLinkTarget(of path: String, bytes: [UInt8]) -> String? {
        guard bytes.count <= 4096, var text = String(validating: bytes, as: UTF8.self) else { return nil }
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty, !text.hasPrefix("/"), text.hasSuffix(".tf") || text.hasSuffix(".tf.json"),
            !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "{" || $0 == "=" || $0 == "#" })
        else { return nil }
        let directory = (tree.absolutePath(path) as NSString).deletingLastPathComponent
        let target = tree.absolutePath(text, base: directory)
        guard target != tree.absolutePath(path), contains(Self.resolvedLink(target, in: tree)),
            tree.resolvedKind(target) == .file
        else { return nil }
        return target
    }

    /// Where a path on the disk finally points, links resolved (`realpath`: Foundation's `resolvingSymlinksInPath`
    /// leaves relative link targets unresolved on Linux); in a snapshot (no links), or when the target is missing,
    /// the path itself, so nothing outside the snapshot is consulted.
    private static func resolvedLink(_ path: String, in tree: any FileTree) -> String {
        guard tree is DiskFileTree, let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
