import HCL
import Model

/// Path conversions of a scan: inputs are loaded by absolute path, and reports show paths relative to the
/// scan root (the working directory unless told otherwise), which is what CI annotations and SARIF expect.
public struct ScanPaths: Sendable {
    /// Absolute, standardized, without a trailing slash.
    public let root: String
    /// The tree the scanned paths live in.
    public let tree: any FileTree

    /// Paths relative to `root` (made absolute against the tree's working directory).
    public init(root: String, tree: any FileTree = DiskFileTree()) {
        self.root = Self.absolute(root, in: tree)
        self.tree = tree
    }

    /// `path` made absolute against `base` (default: the tree's working directory) and standardized.
    public static func absolute(_ path: String, base: String? = nil, in tree: any FileTree = DiskFileTree()) -> String {
        let standardized = tree.absolutePath(path, base: base)
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    /// `path` (absolute or relative to the working directory) relative to the root; `.` for the root itself;
    /// unchanged (absolute) when outside the root, since `../` paths confuse code-scanning uploads.
    public func relative(_ path: String) -> String {
        let abs = Self.absolute(path, in: tree)
        if abs == root { return "." }
        let prefix = root == "/" ? "/" : root + "/"
        return abs.hasPrefix(prefix) ? String(abs.dropFirst(prefix.count)) : abs
    }

    /// `relative` for a path already absolute and inside the root, taken as it is (links not resolved again).
    public func relativeInside(_ path: String) -> String {
        path == root ? "." : String(path.dropFirst(root == "/" ? 1 : root.count + 1))
    }

    /// Whether the absolute, standardized `path` is the root or lies below it.
    public func contains(_ path: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
