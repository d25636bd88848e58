import Foundation

/// A temporary directory removed when the value is released.
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// Creates `<tmp>/<prefix>-<8 hex>` (symlinks resolved, so paths compare equal to what tools report).
    public init(prefix: String = "bulwark-gitops") throws {
        let base = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = (base as NSString).resolvingSymlinksInPath
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
