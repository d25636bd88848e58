import Foundation

/// Who and when findings are exported for: the cloud account, region and time that ASFF and OCSF findings carry
/// and a scan of Terraform does not know by itself.
public struct ExportContext: Sendable, Hashable {
    /// The AWS account the findings belong to (12 digits); ASFF requires it.
    public var awsAccountID: String?
    /// The AWS region findings are imported into; ASFF requires it.
    public var awsRegion: String?
    /// The AWS partition (`aws`, `aws-cn`, `aws-us-gov`), derived from the region.
    public var awsPartition: String {
        guard let region = awsRegion else { return "aws" }
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }
    /// When the findings were observed: every finding of one export carries this time.
    public var time: Date
    /// What the findings are about (a controller target, or the scanned directory): part of each ASFF ID and the
    /// `bulwark/Scope` product field, so two targets in one account never update or archive each other's findings.
    public var scope: String

    /// Builds a context.
    public init(awsAccountID: String? = nil, awsRegion: String? = nil, time: Date = Date(), scope: String = "default") {
        self.awsAccountID = awsAccountID
        self.awsRegion = awsRegion
        self.time = time
        self.scope = scope
    }

    /// Whether `id` is an AWS account ID: exactly 12 ASCII digits.
    public static func isAccountID(_ id: String) -> Bool {
        id.utf8.count == 12 && id.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether `region` looks like an AWS region name (`eu-west-1`, `us-gov-west-1`): lower-case letters, digits and
    /// dashes, ending in a digit, so it is safe inside an ARN.
    public static func isRegion(_ region: String) -> Bool {
        let bytes = Array(region.utf8)
        guard (4...32).contains(bytes.count), let last = bytes.last, (0x30...0x39).contains(last) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// `2026-12-07T10:15:00.000Z`: RFC 3339 in UTC with milliseconds, as ASFF documents it.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Milliseconds since the epoch (OCSF's `timestamp_t`).
    public static func epochMilliseconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
