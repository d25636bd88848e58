import Foundation

/// One log object a source holds.
public struct LogObjectRef: Sendable, Hashable {
    public var key: String
    public var size: Int
    /// A reference to the object `key` of `size` bytes.
    public init(key: String, size: Int) {
        self.key = key
        self.size = size
    }
}

/// Where log objects come from: a local directory now; an S3 bucket or Azure storage container later.
/// `list` returns objects not yet read according to the cursor, in key order.
public protocol LogObjectSource: Sendable {
    /// A name for reports and cursor storage (`dir:/var/log/trail`, `s3://bucket/prefix`).
    var name: String { get }
    /// Objects the cursor has not read, sorted by key.
    func list(after cursor: LogCursor) async throws(AnomalyError) -> [LogObjectRef]
    /// The bytes of one object.
    func read(key: String) async throws(AnomalyError) -> Data
    /// Where the object `key` is, for warnings a person acts on (`s3://bucket/key`, a file path).
    func location(of key: String) -> String
}

extension LogObjectSource {
    /// The source name followed by the key.
    public func location(of key: String) -> String { name.hasSuffix("/") ? name + key : name + "/" + key }
}

/// A local directory tree of log files (CloudTrail's `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/` layout
/// or any other); keys are paths relative to the root. Hidden files and partial downloads are ignored.
public struct LocalDirectorySource: LogObjectSource {
    public let root: URL
    /// Largest file read; bigger ones are listed but reading them fails with `tooLarge`.
    public var maxFileBytes: Int

    /// A source over the tree at `root`.
    public init(root: URL, maxFileBytes: Int = 512 << 20) {
        self.root = root.standardizedFileURL
        self.maxFileBytes = maxFileBytes
    }

    public var name: String { "dir:" + root.path }

    /// The file's path.
    public func location(of key: String) -> String { root.appendingPathComponent(key).path }

    /// Log files (`.json`, `.json.gz`, `.gz`, `.jsonl`) below the root that the cursor has not read, by key.
    public func list(after cursor: LogCursor) async throws(AnomalyError) -> [LogObjectRef] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AnomalyError(.io, "not a directory", location: root.path)
        }
        return Self.logFiles(under: root).filter { cursor.isNew($0.key) }
    }

    /// Log files below `root` (hidden ones and partial downloads left out), keys relative to it, sorted by key.
    public static func logFiles(under root: URL) -> [LogObjectRef] {
        let root = root.standardizedFileURL
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey], options: [.skipsHiddenFiles])
        else { return [] }
        var refs: [LogObjectRef] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
                values.isRegularFile == true
            else { continue }
            let name = url.lastPathComponent
            guard name.hasSuffix(".json") || name.hasSuffix(".json.gz") || name.hasSuffix(".gz") || name.hasSuffix(".jsonl")
            else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            refs.append(LogObjectRef(key: String(path.dropFirst(prefix.count)), size: values.fileSize ?? 0))
        }
        return refs.sorted { $0.key < $1.key }
    }

    /// The bytes of one file; keys that leave the root or files over the size limit are refused.
    public func read(key: String) async throws(AnomalyError) -> Data {
        guard !key.split(separator: "/").contains("..") else {
            throw AnomalyError(.io, "key leaves the source directory", location: key)
        }
        let url = root.appendingPathComponent(key)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maxFileBytes else {
            throw AnomalyError(.tooLarge, "file is larger than \(maxFileBytes) bytes", location: url.path)
        }
        do { return try Data(contentsOf: url) } catch {
            throw AnomalyError(.io, "cannot read: \(error.localizedDescription)", location: url.path)
        }
    }
}
