import AWS
import Model

/// RDS instances in one region: one paginated call.
enum RDSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let pages =
            await reader.call("rds", "DescribeDBInstances") { () async throws(AWSError) -> [XMLNode] in
                try await client.queryPages(
                    service: .rds, action: "DescribeDBInstances", params: ["MaxRecords": "100"],
                    region: region, tokenParameter: "Marker", tokenElement: "Marker")
            } ?? []
        for db in pages.flatMap({ $0.all("DescribeDBInstancesResult/DBInstances/DBInstance") }) {
            guard let identifier = db.string("DBInstanceIdentifier") else { continue }
            let arn = db.string("DBInstanceArn") ?? reader.arn("rds", "db:\(identifier)")
            let groups = db.all("VpcSecurityGroups/VpcSecurityGroupMembership").compactMap { $0.string("VpcSecurityGroupId") }
            var edges = groups.map { LiveResource.Edge(attribute: "vpc_security_group_ids", type: "aws_security_group", id: $0) }
            if let key = db.string("KmsKeyId") { edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key)) }
            reader.add(
                LiveResource(
                    type: "aws_db_instance", id: identifier, name: identifier, originID: arn, region: region,
                    attributes: [
                        "id": .string(db.string("DbiResourceId") ?? identifier), "arn": .string(arn),
                        "identifier": .string(identifier), "engine": .string(db.string("Engine")),
                        "engine_version": .string(db.string("EngineVersion")),
                        "instance_class": .string(db.string("DBInstanceClass")),
                        "allocated_storage": .number(db.number("AllocatedStorage")),
                        "storage_type": .string(db.string("StorageType")),
                        "storage_encrypted": .bool(db.bool("StorageEncrypted") ?? false),
                        "kms_key_id": .string(db.string("KmsKeyId")),
                        "publicly_accessible": .bool(db.bool("PubliclyAccessible") ?? false),
                        "multi_az": .bool(db.bool("MultiAZ")),
                        "backup_retention_period": .number(db.number("BackupRetentionPeriod")),
                        "deletion_protection": .bool(db.bool("DeletionProtection") ?? false),
                        "iam_database_authentication_enabled":
                            .bool(db.bool("IAMDatabaseAuthenticationEnabled") ?? false),
                        "auto_minor_version_upgrade": .bool(db.bool("AutoMinorVersionUpgrade")),
                        "copy_tags_to_snapshot": .bool(db.bool("CopyTagsToSnapshot")),
                        "performance_insights_enabled": .bool(db.bool("PerformanceInsightsEnabled")),
                        "monitoring_interval": .number(db.number("MonitoringInterval")),
                        "db_subnet_group_name": .string(db.string("DBSubnetGroup/DBSubnetGroupName")),
                        "vpc_security_group_ids": .strings(groups),
                        "enabled_cloudwatch_logs_exports":
                            .strings(db.all("EnabledCloudwatchLogsExports/member").map(\.text)),
                        "ca_cert_identifier": .string(db.string("CACertificateIdentifier")),
                        "username": .string(db.string("MasterUsername")),
                        "port": .number(db.number("Endpoint/Port") ?? db.number("DbInstancePort")),
                        "tags": db.tags("TagList/Tag", key: "Key", value: "Value"),
                    ], edges: edges))
        }
        return reader
    }
}
