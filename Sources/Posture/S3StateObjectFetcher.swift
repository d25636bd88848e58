import AWS
import Drift
import Foundation

/// Fetches a Terraform state object from S3 (GetObject) with the AWS client, for `DesiredStateLoader`.
/// It lives here, above both layers, so Drift stays free of network code and Discovery free of Terraform state.
public struct S3StateObjectFetcher: StateObjectFetcher {
    public let client: AWSClient
    /// Largest state object accepted; a bigger one is refused rather than held in memory.
    public let maxBytes: Int

    /// A fetcher over `client`.
    public init(client: AWSClient, maxBytes: Int = 256 << 20) {
        self.client = client
        self.maxBytes = maxBytes
    }

    /// The object's bytes; `region` nil means the client's region (S3 redirects to the bucket's own once).
    public func fetch(bucket: String, key: String, region: String?) async throws -> Data {
        let response = try await client.s3(bucket: bucket, key: key, region: region, operation: "GetObject")
        guard response.body.count <= maxBytes else {
            throw AWSError(
                .malformedResponse, "state object is larger than \(maxBytes) bytes", service: "s3",
                operation: "GetObject", resource: "s3://\(bucket)/\(key)")
        }
        return response.body
    }

    /// The keys under `prefix` (ListObjectsV2, every page).
    public func keys(bucket: String, prefix: String, region: String?) async throws -> [String] {
        let pages = try await client.listObjects(bucket: bucket, prefix: prefix, region: region)
        return pages.flatMap { $0.all("Contents") }.compactMap { $0.string("Key") }
    }
}
