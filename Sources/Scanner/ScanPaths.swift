import Foundation

/// Path conversions of a scan: inputs are loaded by absolute path, and reports show paths relative to the
/// scan root (the working directory unless told otherwise), which is what CI annotations and SARIF expect.
public struct ScanPaths: Sendable {
    /// Absolute, standardized, without a trailing slash.
    public let root: String

    /// Paths relative to `root` (made absolute against the working directory).
    public init(root: String) {
        self.root = Self.absolute(root)
    }

    /// `path` made absolute against `base` (default: the working directory) and standardized.
    public static func absolute(_ path: String, base: String? = nil) -> String {
        let joined: String
        if path.hasPrefix("/") {
            joined = path
        } else {
            let b = base ?? FileManager.default.currentDirectoryPath
            joined = (b as NSString).appendingPathComponent(path)
        }
        let standardized = (joined as NSString).standardizingPath
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    /// `path` (absolute or relative to the working directory) relative to the root; `.` for the root itself;
    /// unchanged (absolute) when outside the root, since `../` paths confuse code-scanning uploads.
    public func relative(_ path: String) -> String {
        let abs = Self.absolute(path)
        if abs == root { return "." }
        let prefix = root == "/" ? "/" : root + "/"
        return abs.hasPrefix(prefix) ? String(abs.dropFirst(prefix.count)) : abs
    }
}
