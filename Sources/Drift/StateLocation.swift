import Foundation

/// Where the desired Terraform state lives.
public enum StateLocation: Sendable, Hashable, CustomStringConvertible {
    /// A local state file.
    case local(path: String)
    /// An object in S3, as the `s3` backend stores it; `region` is nil when the backend leaves it to the environment.
    case s3(bucket: String, key: String, region: String?)

    /// `--state` argument forms: `s3://bucket/key` (region from `region`) or a local path.
    public static func parse(_ text: String, region: String? = nil) -> StateLocation? {
        guard text.hasPrefix("s3://") else { return text.isEmpty ? nil : .local(path: text) }
        let rest = text.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = String(rest[..<slash])
        let key = String(rest[rest.index(after: slash)...])
        guard !bucket.isEmpty, !key.isEmpty else { return nil }
        return .s3(bucket: bucket, key: key, region: region)
    }

    /// `path` or `s3://bucket/key`, used as the file name in diagnostics.
    public var description: String {
        switch self {
        case .local(let path): return path
        case .s3(let bucket, let key, _): return "s3://\(bucket)/\(key)"
        }
    }
}

/// Fetches a state object from S3; implemented by the caller with its AWS client, so Drift needs no network.
public protocol StateObjectFetcher: Sendable {
    /// The object's bytes.
    func fetch(bucket: String, key: String, region: String?) async throws -> Data
}
