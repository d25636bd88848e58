import AWS
import Model

/// DynamoDB tables in one region: the list names tables only, so each gets DescribeTable (encryption) and
/// DescribeContinuousBackups (point-in-time recovery, which DescribeTable does not report); then the region's
/// Application Auto Scaling targets for DynamoDB.
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
        await scalableTargets(&reader, tables: names)
        return reader
    }

    /// The tables' Application Auto Scaling targets (one paginated call per region) as `aws_appautoscaling_target`,
    /// each referring to its table. When the call fails every table gets a target whose settings are unknown, so
    /// "does it scale?" is UNKNOWN rather than FAILED.
    static func scalableTargets(_ reader: inout ServiceReader, tables: [String]) async {
        let region = reader.region
        let account = reader.account
        func arn(_ table: String) -> String { "arn:aws:dynamodb:\(region):\(account):table/\(table)" }
        guard
            let pages = await reader.jsonPages(
                .applicationAutoScaling, "DescribeScalableTargets", ["ServiceNamespace": .string("dynamodb")])
        else {
            guard reader.lastCallFailed else { return }
            for table in tables {
                reader.notRead(
                    LiveResource(
                        type: "aws_appautoscaling_target", id: "table/\(table)/unread", name: "table_\(table)",
                        originID: arn(table), region: region,
                        attributes: ["id": .string("table/\(table)"), "scalable_dimension": .unknown],
                        edges: [.init(attribute: "resource_id", type: "aws_dynamodb_table", id: arn(table))]),
                    keep: ["id"], checked: true)
            }
            return
        }
        for target in pages.flatMap({ $0[member: "ScalableTargets"].elements ?? [] }) {
            guard let resourceID = target[member: "ResourceId"].stringValue,
                let dimension = target[member: "ScalableDimension"].stringValue
            else { continue }
            let parts = resourceID.split(separator: "/").map(String.init)
            // Only whole tables (`table/NAME`); an index's target (`table/NAME/index/INDEX`) scales the index.
            let edges: [LiveResource.Edge] =
                parts.count == 2 && parts[0] == "table"
                ? [.init(attribute: "resource_id", type: "aws_dynamodb_table", id: arn(parts[1]))] : []
            reader.add(
                LiveResource(
                    type: "aws_appautoscaling_target", id: "\(resourceID)/\(dimension)", name: "\(resourceID)_\(dimension)",
                    originID: "\(resourceID)/\(dimension)", region: region,
                    attributes: [
                        "id": .string(resourceID), "service_namespace": target[member: "ServiceNamespace"],
                        "resource_id": .string(resourceID), "scalable_dimension": .string(dimension),
                        "min_capacity": target[member: "MinCapacity"], "max_capacity": target[member: "MaxCapacity"],
                        "role_arn": target[member: "RoleARN"],
                    ], edges: edges))
        }
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
