/// The check library (`checks/`: checks, compliance frameworks, the drift attribute table and the anomaly
/// catalog) compiled into the binary as text by the EmbedResources plugin, so a copied binary needs no files
/// beside it. This is the only type that knows how the files are stored; callers see paths and contents.
public enum EmbeddedCheckLibrary {
    /// Every file of the library, by path relative to `checks/` (`aws/s3_versioning.yaml`), sorted by path.
    public static var files: [(path: String, contents: String)] { embeddedCheckFiles }

    /// FNV-1a 64 (hex) over each path, a NUL, its UTF-8 contents and a NUL, in order: names this build's library.
    public static var contentHash: String { embeddedCheckContentHash }

    /// How many files the library holds.
    public static var fileCount: Int { embeddedCheckFiles.count }
}
