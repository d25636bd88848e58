/// The detection library (`detections/`: activity-log detections of AWS and Azure) compiled into the binary as
/// text by the EmbedResources plugin, so a copied binary needs no files beside it.
public enum EmbeddedDetectionLibrary {
    /// Every file of the library, by path relative to `detections/` (`aws/cloudtrail_stopped.yaml`), sorted by path.
    public static var files: [(path: String, contents: String)] { embeddedDetectionFiles }

    /// FNV-1a 64 (hex) over each path, a NUL, its UTF-8 contents and a NUL, in order: names this build's library.
    public static var contentHash: String { embeddedDetectionContentHash }
}
