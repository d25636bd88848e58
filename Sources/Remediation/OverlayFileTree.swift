import Foundation
import Model

/// A file tree with some files' contents replaced, so an edited tree can be re-loaded without writing anything.
public struct OverlayFileTree: FileTree {
    /// The tree underneath.
    public let base: any FileTree
    /// Absolute paths → replaced contents (only files that exist in `base`).
    public let overrides: [String: [UInt8]]
    /// On disk, the replaced files by their paths with symbolic links resolved: a loader that reaches an edited
    /// file through a link reads the edit, as it will once the edit is written through the link.
    private let resolvedOverrides: [String: [UInt8]]

    /// `overrides` keyed by absolute paths in `base`.
    public init(base: any FileTree, overrides: [String: [UInt8]]) {
        self.base = base
        var cleaned: [String: [UInt8]] = [:]
        for (path, bytes) in overrides { cleaned[TreePath.clean(path)] = bytes }
        self.overrides = cleaned
        var resolved: [String: [UInt8]] = [:]
        if base is DiskFileTree {
            for (path, bytes) in cleaned { resolved[Self.resolve(path)] = bytes }
        }
        self.resolvedOverrides = resolved
    }

    /// The replaced contents, or the base tree's.
    public func read(_ path: String, maxSize: Int) -> FileTreeReadResult {
        if let bytes = replaced(path) { return bytes.count > maxSize ? .tooLarge(bytes.count) : .success(bytes) }
        return base.read(path, maxSize: maxSize)
    }

    /// A replaced file is a file.
    public func kind(_ path: String) -> FileKind? { overrides[key(path)] != nil ? .file : base.kind(path) }

    /// Follows links in the base tree.
    public func resolvedKind(_ path: String) -> FileKind? { overrides[key(path)] != nil ? .file : base.resolvedKind(path) }

    /// The base tree's entries (overrides never add files).
    public func entries(_ directory: String) -> [String]? { base.entries(directory) }

    /// The base tree's resolution: replacing contents never changes where a path leads.
    public func resolvedPath(_ path: String) -> String? { base.resolvedPath(path) }

    /// The base tree's working directory.
    public var workingDirectory: String { base.workingDirectory }

    private func replaced(_ path: String) -> [UInt8]? {
        let key = key(path)
        if let bytes = overrides[key] { return bytes }
        guard !resolvedOverrides.isEmpty, base.kind(key) == .symlink else { return nil }
        return resolvedOverrides[Self.resolve(key)]
    }

    private func key(_ path: String) -> String {
        TreePath.clean(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    private static func resolve(_ path: String) -> String {
        TreePath.clean(URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }
}
