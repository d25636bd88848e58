import Foundation

/// Where the desired Terraform state lives.
public enum StateLocation: Sendable, Hashable, CustomStringConvertible {
    /// A local state file.
    case local(path: String)
    /// An object in S3, as the `s3` backend stores it; `region` is nil when the backend leaves it to the environment.
    case s3(bucket: String, key: String, region: String?)
    /// Every `.tfstate` object under a prefix in S3 (one per root module, as driftctl reads them), merged.
    case s3Prefix(bucket: String, prefix: String, region: String?)

    /// `--state` argument forms: `s3://bucket/key`, `s3://bucket/prefix/` (a trailing slash: every `.tfstate`
    /// object under it; region from `region`) or a local path.
    public static func parse(_ text: String, region: String? = nil) -> StateLocation? {
        guard text.hasPrefix("s3://") else { return text.isEmpty ? nil : .local(path: text) }
        let rest = text.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = String(rest[..<slash])
        let key = String(rest[rest.index(after: slash)...])
        guard !bucket.isEmpty, !key.isEmpty, !key.hasPrefix("/") else { return nil }
        return key.hasSuffix("/") ? .s3Prefix(bucket: bucket, prefix: key, region: region) : .s3(bucket: bucket, key: key, region: region)
    }

    /// `path` or `s3://bucket/key`, used as the file name in diagnostics.
    public var description: String {
        switch self {
        case .local(let path): return path
        case .s3(let bucket, let key, _): return "s3://\(bucket)/\(key)"
        case .s3Prefix(let bucket, let prefix, _): return "s3://\(bucket)/\(prefix)"
        }
    }
}

/// Fetches a state object from S3; implemented by the caller with its AWS client, so Drift needs no network.
public protocol StateObjectFetcher: Sendable {
    /// The object's bytes.
    func fetch(bucket: String, key: String, region: String?) async throws -> Data
    /// The keys of every object under `prefix`.
    func keys(bucket: String, prefix: String, region: String?) async throws -> [String]
}
