import AWS
import Model

/// The account's place in AWS Organizations (DescribeOrganization, one call) and AWS Backup vaults per region
/// (ListBackupVaults). An account outside any organization has no `aws_organizations_organization`
/// (`AWSOrganizationsNotInUseException`), as a region without a vault has no `aws_backup_vault`.
enum AccountStructureDiscovery {
    /// The Organizations endpoint lives in us-east-1 for the commercial partition.
    static let organizationsRegion = "us-east-1"

    static func organization(client: AWSClient, account: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: organizationsRegion, label: "global")
        guard
            let answer = await reader.json(
                .organizations, "DescribeOrganization", [:], resource: nil, absent: ["AWSOrganizationsNotInUseException"]),
            let id = answer[member: "Organization"][member: "Id"].stringValue
        else { return reader }
        let organization = answer[member: "Organization"]
        let arn = organization[member: "Arn"].stringValue ?? "arn:aws:organizations::\(account):organization/\(id)"
        reader.add(
            LiveResource(
                type: "aws_organizations_organization", id: id, name: id, originID: arn, region: nil,
                attributes: [
                    "id": .string(id), "arn": .string(arn), "feature_set": .sent(organization[member: "FeatureSet"]),
                    "master_account_id": .sent(organization[member: "MasterAccountId"]),
                    "master_account_arn": .sent(organization[member: "MasterAccountArn"]),
                ]))
        return reader
    }

    static func backupVaults(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let vaults =
            (await reader.restJSONPages(
                .backup, "ListBackupVaults", path: "/backup-vaults/", token: "nextToken", field: "NextToken") ?? [])
            .flatMap { $0[member: "BackupVaultList"].elements ?? [] }
        for vault in vaults {
            guard let name = vault[member: "BackupVaultName"].stringValue else { continue }
            let arn = vault[member: "BackupVaultArn"].stringValue ?? reader.arn("backup", "backup-vault:\(name)")
            reader.add(
                LiveResource(
                    type: "aws_backup_vault", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "name": .string(name), "arn": .string(arn),
                        "kms_key_arn": .sent(vault[member: "EncryptionKeyArn"]),
                        "recovery_points": .sent(vault[member: "NumberOfRecoveryPoints"]),
                    ]))
        }
        return reader
    }
}
