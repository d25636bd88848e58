/// A read-only tree of files the loaders read configuration from: the disk, or a snapshot in memory (a Git commit).
///
/// Paths are slash-separated; relative paths resolve against `workingDirectory`. Every reader of scanned
/// configuration goes through a tree, so a scan of a Git commit never needs a checkout.
public protocol FileTree: Sendable {
    /// Whole file, with the size cap checked before reading.
    func read(_ path: String, maxSize: Int) -> FileTreeReadResult
    /// What `path` itself is (a symbolic link is `.symlink`, not followed); nil when it does not exist.
    func kind(_ path: String) -> FileKind?
    /// What `path` is once symbolic links are followed (`stat`, not `lstat`); nil when it or its target is missing.
    func resolvedKind(_ path: String) -> FileKind?
    /// Child names (not paths) in no particular order, without `.` and `..`; nil if not a directory.
    func entries(_ directory: String) -> [String]?
    /// The directory relative paths resolve against (disk: the process cwd; memory: its root).
    var workingDirectory: String { get }
    /// The absolute path `path` really names, symbolic links resolved (`realpath`), so a confinement check sees
    /// where a read would land; nil when something there cannot be resolved (a dangling or looping link).
    func resolvedPath(_ path: String) -> String?
}

extension FileTree {
    /// Trees without symbolic links: a path is what it is.
    public func resolvedKind(_ path: String) -> FileKind? { kind(path) }

    /// Trees without symbolic links: the path made absolute and cleaned lexically.
    public func resolvedPath(_ path: String) -> String? { absolute(path) }

    /// `path` made absolute against the working directory and cleaned lexically (no link resolved).
    public func absolute(_ path: String) -> String {
        TreePath.clean(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }
}

/// The outcome of `FileTree.read`.
public enum FileTreeReadResult: Sendable, Equatable {
    /// The whole file.
    case success([UInt8])
    /// The file is larger than the cap; its size in bytes (read beyond, when it grew while being read).
    case tooLarge(Int)
    /// Nothing exists at the path.
    case missing
    /// It exists but cannot be read (a directory, no permission, an I/O error); the reason.
    case failure(String)
}

/// What a path in a `FileTree` is.
public enum FileKind: Sendable, Equatable {
    /// A regular file (or anything else that is not a directory or a link: a FIFO, a device).
    case file
    /// A directory.
    case directory
    /// A symbolic link (only from `kind`, which does not follow links).
    case symlink
}

/// Lexical path operations shared by the trees (no file system access).
public enum TreePath {
    /// Go's `filepath.Clean`: collapses `//`, `.` and `..` (`..` above the root of an absolute path is dropped);
    /// "" becomes ".".
    public static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` relative to `base` (both absolute and clean), with `..` steps where it lies outside, as
    /// Terraform prints `path.module` for a module beside the root one.
    public static func relative(_ path: String, from base: String) -> String {
        let p = path.split(separator: "/")
        let b = base.split(separator: "/")
        guard path.hasPrefix("/"), base.hasPrefix("/") else { return path }
        var common = 0
        while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
        let steps = Array(repeating: "..", count: b.count - common) + p[common...].map(String.init)
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }
}
