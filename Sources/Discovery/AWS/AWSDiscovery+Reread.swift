import AWS
import Model

extension AWSDiscovery {
    /// Re-reads one live resource — and what connection checks need beside it — through the same readers a full
    /// discovery uses, so a remediation is verified on exactly the attributes the finding came from.
    /// `originID` is the resource's `LiveOrigin.id`; `region` its `LiveOrigin.region` (nil for global resources).
    public func reread(type: String, originID: String, region: String?) async throws(AWSError) -> DiscoveryResult {
        let account = try await accountID()
        let region = region ?? client.region
        let client = self.client
        var reader: ServiceReader
        switch type {
        case "aws_s3_account_public_access_block":
            reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
            await S3Discovery.accountPublicAccessBlock(&reader)
        case let s3 where s3.hasPrefix("aws_s3_bucket"):
            let bucket = originID.hasPrefix("arn:aws:s3:::") ? String(originID.dropFirst("arn:aws:s3:::".count)) : originID
            reader = await S3Discovery.bucket(bucket, knownRegion: region, client: client, account: account)
        case "aws_security_group", "aws_default_security_group", "aws_instance", "aws_ebs_encryption_by_default":
            reader = await EC2Discovery.read(client: client, account: account, region: region)
        case "aws_cloudtrail":
            reader = await CloudTrailDiscovery.read(client: client, account: account, region: region)
        case "aws_kms_key":
            reader = await KMSDiscovery.key(originID, client: client, account: account, region: region)
        case "aws_iam_account_password_policy":
            reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
            await IAMDiscovery.passwordPolicy(&reader)
        default:
            throw AWSError(
                .invalidConfiguration, "no single-resource reader for \(type)", service: "discovery",
                operation: "reread", resource: originID)
        }
        return DiscoveryResult(
            resources: LiveAddressing.aws.resources(reader.resources, account: account),
            errors: reader.errors, apiCalls: 0, callsByService: [:], regions: [region],
            account: account)
    }
}
