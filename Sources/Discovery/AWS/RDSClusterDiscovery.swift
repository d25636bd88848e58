import AWS
import Model

/// RDS beyond instances in one region: Aurora clusters, the account's snapshots of instances and clusters with whom
/// they are shared (one attribute call per manual snapshot: the lists do not say), and custom parameter groups with
/// the parameters the user set (default groups cannot be managed by Terraform and are left out).
enum RDSClusterDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let clusters = (await reader.queryPages(.rds, "DescribeDBClusters") ?? []).flatMap {
            $0.all("DescribeDBClustersResult/DBClusters/DBCluster")
        }
        for node in clusters { if let resource = cluster(node, reader: reader) { reader.add(resource) } }
        let snapshots = (await reader.queryPages(.rds, "DescribeDBSnapshots") ?? []).flatMap {
            $0.all("DescribeDBSnapshotsResult/DBSnapshots/DBSnapshot")
        }
        await reader.gather(snapshots) { node in
            await snapshot(node, cluster: false, client: client, account: account, region: region)
        }
        let clusterSnapshots =
            (await reader.queryPages(.rds, "DescribeDBClusterSnapshots") ?? []).flatMap {
                $0.all("DescribeDBClusterSnapshotsResult/DBClusterSnapshots/DBClusterSnapshot")
            }
        await reader.gather(clusterSnapshots) { node in
            await snapshot(node, cluster: true, client: client, account: account, region: region)
        }
        let groups = (await reader.queryPages(.rds, "DescribeDBParameterGroups") ?? []).flatMap {
            $0.all("DescribeDBParameterGroupsResult/DBParameterGroups/DBParameterGroup")
        }.filter { !($0.string("DBParameterGroupName") ?? "default.").hasPrefix("default.") }
        await reader.gather(groups) { node in await parameterGroup(node, client: client, account: account, region: region) }
        return reader
    }

    static func cluster(_ db: XMLNode, reader: ServiceReader) -> LiveResource? {
        guard let identifier = db.string("DBClusterIdentifier") else { return nil }
        let arn = db.string("DBClusterArn") ?? reader.arn("rds", "cluster:\(identifier)")
        let groups = db.all("VpcSecurityGroups/VpcSecurityGroupMembership").compactMap { $0.string("VpcSecurityGroupId") }
        var edges = groups.map { LiveResource.Edge(attribute: "vpc_security_group_ids", type: "aws_security_group", id: $0) }
        if let key = db.string("KmsKeyId") { edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key)) }
        return LiveResource(
            type: "aws_rds_cluster", id: identifier, name: identifier, originID: arn, region: reader.region,
            attributes: [
                "id": .string(identifier), "arn": .string(arn), "cluster_identifier": .string(identifier),
                "engine": .string(db.string("Engine")), "engine_version": .string(db.string("EngineVersion")),
                "engine_mode": .string(db.string("EngineMode") ?? "provisioned"),
                // Not a Terraform argument: RDS sets it when the cluster's instances span zones (live-only checks read it).
                "multi_az": .bool(db.bool("MultiAZ")),
                "storage_encrypted": .bool(db.bool("StorageEncrypted") ?? false),
                "kms_key_id": .string(db.string("KmsKeyId")),
                "backup_retention_period": .number(db.number("BackupRetentionPeriod")),
                "deletion_protection": .bool(db.bool("DeletionProtection") ?? false),
                "iam_database_authentication_enabled": .bool(db.bool("IAMDatabaseAuthenticationEnabled") ?? false),
                "copy_tags_to_snapshot": .bool(db.bool("CopyTagsToSnapshot") ?? false),
                "enabled_cloudwatch_logs_exports": .strings(db.all("EnabledCloudwatchLogsExports/member").map(\.text)),
                "db_cluster_parameter_group_name": .string(db.string("DBClusterParameterGroup")),
                "vpc_security_group_ids": .strings(groups),
                "master_username": .string(db.string("MasterUsername")), "port": .number(db.number("Port")),
                "tags": db.tags("TagList/Tag", key: "Key", value: "Value"),
            ], edges: edges)
    }

    static func snapshot(_ node: XMLNode, cluster: Bool, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let kind = cluster ? "DBClusterSnapshot" : "DBSnapshot"
        guard let identifier = node.string("\(kind)Identifier") else { return reader }
        let arn = node.string("\(kind)Arn") ?? reader.arn("rds", "\(cluster ? "cluster-snapshot" : "snapshot"):\(identifier)")
        let type = node.string("SnapshotType") ?? "manual"
        let shared: Value
        if type == "automated" {
            // RDS cannot share an automated snapshot (it must be copied to a manual one first), so there is no
            // sharing to read: the list is empty by construction, not by guess.
            shared = .list([])
        } else {
            let action = "Describe\(kind)Attributes"
            let answer = await reader.query(.rds, action, ["\(kind)Identifier": identifier], resource: identifier)
            // Unknown, not empty, when the sharing could not be read: a public-snapshot check must not pass on a guess.
            shared =
                answer.map { root -> Value in
                    let restore = root.all("\(action)Result/\(kind)AttributesResult/\(kind)Attributes/\(kind)Attribute")
                        .filter { $0.string("AttributeName") == "restore" }
                    return .strings(restore.flatMap { $0.all("AttributeValues/AttributeValue").map(\.text) })
                } ?? .unknown
        }
        var attributes: [String: Value] = [
            "id": .string(identifier), "kms_key_id": .string(node.string("KmsKeyId")), "shared_accounts": shared,
            "snapshot_type": .string(type),
            "engine": .string(node.string("Engine")), "tags": node.tags("TagList/Tag", key: "Key", value: "Value"),
        ]
        let parent: LiveResource.Edge
        if cluster {
            let source = node.string("DBClusterIdentifier") ?? ""
            attributes["db_cluster_snapshot_arn"] = .string(arn)
            attributes["db_cluster_snapshot_identifier"] = .string(identifier)
            attributes["db_cluster_identifier"] = .string(source)
            attributes["storage_encrypted"] = .bool(node.bool("StorageEncrypted") ?? false)
            parent = .init(attribute: "db_cluster_identifier", type: "aws_rds_cluster", id: source)
        } else {
            let source = node.string("DBInstanceIdentifier") ?? ""
            attributes["db_snapshot_arn"] = .string(arn)
            attributes["db_snapshot_identifier"] = .string(identifier)
            attributes["db_instance_identifier"] = .string(source)
            attributes["encrypted"] = .bool(node.bool("Encrypted") ?? false)
            parent = .init(attribute: "db_instance_identifier", type: "aws_db_instance", id: source)
        }
        reader.add(
            LiveResource(
                type: cluster ? "aws_db_cluster_snapshot" : "aws_db_snapshot", id: identifier, name: identifier,
                originID: arn, region: region, attributes: attributes, edges: [parent]))
        return reader
    }

    static func parameterGroup(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let name = node.string("DBParameterGroupName") else { return reader }
        let arn = node.string("DBParameterGroupArn") ?? reader.arn("rds", "pg:\(name)")
        let pages = await reader.call("rds", "DescribeDBParameters", resource: name) { () async throws(AWSError) -> [XMLNode] in
            try await client.queryPages(
                service: .rds, action: "DescribeDBParameters", params: ["DBParameterGroupName": name, "Source": "user"],
                region: region, tokenParameter: "Marker", tokenElement: "Marker")
        }
        let parameters: Value =
            pages.map { pages in
                Value.list(
                    pages.flatMap { $0.all("DescribeDBParametersResult/Parameters/Parameter") }.map { p in
                        .object([
                            "name": .string(p.string("ParameterName")), "value": .string(p.string("ParameterValue")),
                            "apply_method": .string(p.string("ApplyMethod") ?? "immediate"),
                        ])
                    })
            } ?? .unknown
        reader.add(
            LiveResource(
                type: "aws_db_parameter_group", id: name, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(name), "arn": .string(arn), "name": .string(name),
                    "family": .string(node.string("DBParameterGroupFamily")),
                    "description": .string(node.string("Description")), "parameter": parameters,
                ]))
        return reader
    }
}
