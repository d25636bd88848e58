import AWS
import Foundation

/// CloudTrail log objects in an S3 bucket, read through the AWS client: per account and region folder
/// (`<prefix>AWSLogs/<account>/CloudTrail/<region>/`) a paginated ListObjectsV2 that starts after that folder's
/// cursor, then GetObject per new object. Accounts and regions are listed from the bucket unless given.
public struct S3LogObjectSource: LogObjectSource {
    public let client: AWSClient
    public let bucket: String
    /// Key prefix in front of `AWSLogs/` ("" or ending in "/").
    public let prefix: String
    /// Accounts to read; empty = every account folder under `AWSLogs/`.
    public var accounts: [String]
    /// Regions to read; empty = every region folder of each account.
    public var regions: [String]
    /// The bucket's region when it is not the client's (S3 also redirects once on a wrong region).
    public var bucketRegion: String?
    /// Keys per ListObjectsV2 page (nil: S3's 1,000); small values exercise paging in tests.
    public var pageSize: Int?

    /// A source over `s3://bucket/prefix`; `prefix` gets a trailing "/" when it has none.
    public init(
        client: AWSClient, bucket: String, prefix: String = "", accounts: [String] = [], regions: [String] = [],
        bucketRegion: String? = nil
    ) {
        self.client = client
        self.bucket = bucket
        let trimmed = prefix.hasPrefix("/") ? String(prefix.drop { $0 == "/" }) : prefix
        self.prefix = trimmed.isEmpty || trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        self.accounts = accounts
        self.regions = regions
        self.bucketRegion = bucketRegion
    }

    /// Parses `s3://bucket/prefix` into its bucket and prefix.
    public static func parse(url text: String) throws(AnomalyError) -> (bucket: String, prefix: String) {
        guard text.hasPrefix("s3://") else {
            throw AnomalyError(.invalidData, "an S3 location looks like s3://bucket/prefix", location: text)
        }
        let rest = text.dropFirst("s3://".count)
        let bucket = String(rest.prefix { $0 != "/" })
        guard !bucket.isEmpty else { throw AnomalyError(.invalidData, "the S3 location has no bucket", location: text) }
        return (bucket, String(rest.dropFirst(bucket.count).drop { $0 == "/" }))
    }

    /// `s3://bucket/prefix/`: the cursor name of this source.
    public var name: String { "s3://\(bucket)/\(prefix)" }

    /// `s3://bucket/key`.
    public func location(of key: String) -> String { "s3://\(bucket)/\(key)" }

    /// New objects of every account/region folder, each folder listed from its own cursor position.
    public func list(after cursor: LogCursor) async throws(AnomalyError) -> [LogObjectRef] {
        var refs: [LogObjectRef] = []
        for folder in try await folders() {
            // The cursor's group of a key in this folder is the folder itself without its trailing "/".
            let group = String(folder.dropLast())
            let pages = try await call("ListObjectsV2", location: "s3://\(bucket)/\(folder)") { () async throws(AWSError) in
                try await client.listObjects(
                    bucket: bucket, prefix: folder, startAfter: cursor.lastKeyByGroup[group],
                    maxKeys: pageSize, region: bucketRegion)
            }
            for page in pages {
                for item in page.children("Contents") {
                    guard let key = item.string("Key"), Self.isLogObject(key), cursor.isNew(key) else { continue }
                    refs.append(LogObjectRef(key: key, size: Int(item.number("Size") ?? 0)))
                }
            }
        }
        return refs.sorted { $0.key < $1.key }
    }

    /// The object's bytes (gzip as stored; the parser inflates it).
    public func read(key: String) async throws(AnomalyError) -> Data {
        try await call("GetObject", location: "s3://\(bucket)/\(key)") { () async throws(AWSError) in
            try await client.s3(bucket: bucket, key: key, region: bucketRegion, operation: "GetObject").body
        }
    }

    /// The `…/CloudTrail/<region>/` folders to list, each ending in "/".
    func folders() async throws(AnomalyError) -> [String] {
        let root = prefix + "AWSLogs/"
        let accountIDs = accounts.isEmpty ? try await subfolders(of: root) : accounts
        var folders: [String] = []
        for account in accountIDs {
            let trail = "\(root)\(account)/CloudTrail/"
            let regionNames = regions.isEmpty ? try await subfolders(of: trail) : regions
            folders += regionNames.map { "\(trail)\($0)/" }
        }
        return folders
    }

    /// Names of the folders directly under `folder` (ListObjectsV2 with a "/" delimiter).
    func subfolders(of folder: String) async throws(AnomalyError) -> [String] {
        let pages = try await call("ListObjectsV2", location: "s3://\(bucket)/\(folder)") { () async throws(AWSError) in
            try await client.listObjects(
                bucket: bucket, prefix: folder, delimiter: "/", maxKeys: pageSize,
                region: bucketRegion)
        }
        return pages.flatMap { $0.children("CommonPrefixes") }.compactMap { $0.string("Prefix") }
            .filter { $0.hasPrefix(folder) && $0.count > folder.count + 1 }
            .map { String($0.dropFirst(folder.count).dropLast()) }
    }

    /// CloudTrail writes `.json.gz`; plain `.json` is accepted for copies made by hand.
    static func isLogObject(_ key: String) -> Bool {
        !key.hasSuffix("/") && (key.hasSuffix(".json.gz") || key.hasSuffix(".json") || key.hasSuffix(".gz"))
    }

    /// Runs one S3 call, turning its failure into an `AnomalyError` naming the bucket and key.
    func call<T>(_ operation: String, location: String, _ body: () async throws(AWSError) -> T) async throws(AnomalyError) -> T {
        do {
            return try await body()
        } catch {
            throw Self.anomalyError(error, operation: operation, location: location)
        }
    }

    /// The typed error for a failed S3 call: throttling and access denied keep their own codes.
    static func anomalyError(_ error: AWSError, operation: String, location: String) -> AnomalyError {
        let code: AnomalyError.Code
        if error.isThrottling || error.httpStatus == 429 || error.httpStatus == 503 {
            code = .throttled
        } else if error.isAccessDenied {
            code = .accessDenied
        } else {
            code = .cloudAPI
        }
        var message = "S3 \(operation) failed: \(error.errorCode): \(error.message)"
        if error.httpStatus > 0 { message += " (HTTP \(error.httpStatus))" }
        return AnomalyError(code, message, location: location)
    }
}
