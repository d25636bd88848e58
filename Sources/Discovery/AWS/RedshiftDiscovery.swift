import AWS
import Model

/// Redshift in one region: provisioned clusters (one list, then each cluster's audit-logging status) and custom
/// parameter groups with the parameters the user set (default groups cannot be managed by Terraform), each cluster
/// linked to its parameter group. The master user's name is read; its password is never returned by the API.
enum RedshiftDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let clusters = (await reader.queryPages(.redshift, "DescribeClusters") ?? []).flatMap {
            $0.all("DescribeClustersResult/Clusters/Cluster")
        }
        await reader.gather(clusters) { node in await cluster(node, client: client, account: account, region: region) }
        let groups = (await reader.queryPages(.redshift, "DescribeClusterParameterGroups") ?? []).flatMap {
            $0.all("DescribeClusterParameterGroupsResult/ParameterGroups/ClusterParameterGroup")
        }.filter { !($0.string("ParameterGroupName") ?? "default.").hasPrefix("default.") }
        await reader.gather(groups) { node in await parameterGroup(node, client: client, account: account, region: region) }
        return reader
    }

    /// One cluster with its logging status (a call of its own: the description does not carry it).
    static func cluster(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let id = node.string("ClusterIdentifier") else { return reader }
        let arn = reader.arn("redshift", "cluster:\(id)")
        let logging: Value
        if let status = await reader.query(.redshift, "DescribeLoggingStatus", ["ClusterIdentifier": id], resource: id) {
            let result = status.node("DescribeLoggingStatusResult") ?? status
            logging = .block([
                "enable": .bool(result.bool("LoggingEnabled")), "bucket_name": .string(result.string("BucketName")),
                "s3_key_prefix": .string(result.string("S3KeyPrefix")),
                "log_destination_type": .string(result.string("LogDestinationType")),
                "log_exports": .strings(result.all("LogExports/member").map(\.text)),
            ])
        } else {
            logging = .unknown
        }
        let groups = node.all("VpcSecurityGroups/VpcSecurityGroup").compactMap { $0.string("VpcSecurityGroupId") }
        let parameterGroup = node.string("ClusterParameterGroups/ClusterParameterGroup/ParameterGroupName")
        var edges = groups.map { LiveResource.Edge(attribute: "vpc_security_group_ids", type: "aws_security_group", id: $0) }
        if let key = node.string("KmsKeyId") { edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key)) }
        if let parameterGroup, !parameterGroup.hasPrefix("default.") {
            edges.append(.init(attribute: "cluster_parameter_group_name", type: "aws_redshift_parameter_group", id: parameterGroup))
        }
        reader.add(
            LiveResource(
                type: "aws_redshift_cluster", id: id, name: id, originID: arn, region: region,
                attributes: [
                    "id": .string(id), "arn": .string(arn), "cluster_identifier": .string(id),
                    "node_type": .string(node.string("NodeType")), "number_of_nodes": .number(node.number("NumberOfNodes")),
                    "cluster_version": .string(node.string("ClusterVersion")), "database_name": .string(node.string("DBName")),
                    "master_username": .string(node.string("MasterUsername")),
                    "encrypted": .bool(node.bool("Encrypted")), "kms_key_id": .string(node.string("KmsKeyId")),
                    "publicly_accessible": .bool(node.bool("PubliclyAccessible")),
                    "enhanced_vpc_routing": .bool(node.bool("EnhancedVpcRouting")),
                    "automated_snapshot_retention_period": .number(node.number("AutomatedSnapshotRetentionPeriod")),
                    "allow_version_upgrade": .bool(node.bool("AllowVersionUpgrade")),
                    "cluster_subnet_group_name": .string(node.string("ClusterSubnetGroupName")),
                    "cluster_parameter_group_name": .string(parameterGroup),
                    "vpc_security_group_ids": .strings(groups), "port": .number(node.number("Endpoint/Port")),
                    "logging": logging, "tags": node.tags("Tags/Tag", key: "Key", value: "Value"),
                ], edges: edges))
        return reader
    }

    /// One custom parameter group with the parameters the user set; unknown when they could not be read.
    static func parameterGroup(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let name = node.string("ParameterGroupName") else { return reader }
        let pages = await reader.call("redshift", "DescribeClusterParameters", resource: name) { () async throws(AWSError) -> [XMLNode] in
            try await client.queryPages(
                service: .redshift, action: "DescribeClusterParameters", params: ["ParameterGroupName": name, "Source": "user"],
                region: region, tokenParameter: "Marker", tokenElement: "Marker")
        }
        let parameters: Value =
            pages.map { pages in
                Value.list(
                    pages.flatMap { $0.all("DescribeClusterParametersResult/Parameters/Parameter") }.map { p in
                        .object(["name": .string(p.string("ParameterName")), "value": .string(p.string("ParameterValue"))])
                    })
            } ?? .unknown
        reader.add(
            LiveResource(
                type: "aws_redshift_parameter_group", id: name, name: name, originID: reader.arn("redshift", "parametergroup:\(name)"),
                region: region,
                attributes: [
                    "id": .string(name), "name": .string(name), "family": .string(node.string("ParameterGroupFamily")),
                    "description": .string(node.string("Description")), "parameter": parameters,
                    "tags": node.tags("Tags/Tag", key: "Key", value: "Value"),
                ]))
        return reader
    }
}
