/// A check library held in memory rather than in a directory (the one compiled into the binary): its files by
/// path relative to the library root, laid out like `checks/`.
public struct CheckLibraryFiles: Sendable {
    /// The prefix of the library's file names in diagnostics and `checks show` (`<root>/aws/s3_versioning.yaml`);
    /// it names no directory on disk.
    public var root: String
    /// Contents by path relative to the library root.
    public var contents: [String: String]
    /// A hash naming this set of files, when its producer computed one.
    public var contentHash: String?

    /// A library of `files` (relative paths); a repeated path keeps its last contents.
    public init(root: String, files: [(path: String, contents: String)], contentHash: String? = nil) {
        self.root = root
        self.contents = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { $1 })
        self.contentHash = contentHash
    }

    /// The file name of the relative `path` as diagnostics and check sources show it.
    public func fileName(_ path: String) -> String { root + "/" + path }

    /// The contents of a file named by `fileName(_:)`, nil when it is not one of these files.
    public func contents(ofFile file: String) -> String? {
        guard file.hasPrefix(root + "/") else { return nil }
        return contents[String(file.dropFirst(root.count + 1))]
    }
}
