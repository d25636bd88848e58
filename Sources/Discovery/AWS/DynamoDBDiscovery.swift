import AWS
import Model

/// DynamoDB tables in one region: the list names tables only, so each gets DescribeTable (encryption) and
/// DescribeContinuousBackups (point-in-time recovery, which DescribeTable does not report).
enum DynamoDBDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let names =
            (await reader.jsonPages(
                .dynamodb, "ListTables", ["Limit": .number(100)], token: "ExclusiveStartTableName",
                responseToken: "LastEvaluatedTableName") ?? []).flatMap {
                ($0[member: "TableNames"].elements ?? []).compactMap(\.stringValue)
            }
        await reader.gather(names) { name in await table(name, client: client, account: account, region: region) }
        return reader
    }

    static func table(_ name: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let described = await reader.json(.dynamodb, "DescribeTable", ["TableName": .string(name)], resource: name)
        else { return reader }
        let table = described[member: "Table"]
        let arn = table[member: "TableArn"].stringValue ?? reader.arn("dynamodb", "table/\(name)")
        let backups = await reader.json(.dynamodb, "DescribeContinuousBackups", ["TableName": .string(name)], resource: name)
        let pitr = backups?[member: "ContinuousBackupsDescription"][member: "PointInTimeRecoveryDescription"][
            member: "PointInTimeRecoveryStatus"
        ].stringValue
        // Without SSEDescription the table uses the AWS-owned key: Terraform shows that as enabled = false.
        let sse = table[member: "SSEDescription"]
        let sseEnabled = sse[member: "Status"].stringValue.map { $0 == "ENABLED" || $0 == "ENABLING" } ?? false
        let key = sse[member: "KMSMasterKeyArn"].stringValue
        var edges: [LiveResource.Edge] = []
        if let key { edges.append(.init(attribute: "server_side_encryption.kms_key_arn", type: "aws_kms_key", id: key)) }
        reader.add(
            LiveResource(
                type: "aws_dynamodb_table", id: arn, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(name), "arn": .string(arn), "name": .string(name),
                    "billing_mode": .string(table[member: "BillingModeSummary"][member: "BillingMode"].stringValue ?? "PROVISIONED"),
                    "deletion_protection_enabled": .bool(table[member: "DeletionProtectionEnabled"].boolValue ?? false),
                    "stream_enabled": .bool(table[member: "StreamSpecification"][member: "StreamEnabled"].boolValue ?? false),
                    "server_side_encryption": .block(["enabled": .bool(sseEnabled), "kms_key_arn": .string(key)]),
                    "point_in_time_recovery": backups == nil
                        ? .block(["enabled": .unknown]) : .block(["enabled": .bool(pitr == "ENABLED")]),
                ], edges: edges))
        return reader
    }
}
