import AWS
import Model

/// ElastiCache in one region: replication groups, cache clusters and subnet groups, one paginated list each. Whether a
/// group has an AUTH token is read as a flag (`auth_token_enabled`, not a Terraform argument); the token itself is
/// never returned by the API nor held.
enum ElastiCacheDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let groups = (await reader.queryPages(.elasticache, "DescribeReplicationGroups") ?? []).flatMap {
            $0.all("DescribeReplicationGroupsResult/ReplicationGroups/ReplicationGroup")
        }
        for node in groups { if let resource = replicationGroup(node, reader: reader) { reader.add(resource) } }
        let clusters = (await reader.queryPages(.elasticache, "DescribeCacheClusters") ?? []).flatMap {
            $0.all("DescribeCacheClustersResult/CacheClusters/CacheCluster")
        }
        for node in clusters { if let resource = cluster(node, reader: reader) { reader.add(resource) } }
        let subnetGroups = (await reader.queryPages(.elasticache, "DescribeCacheSubnetGroups") ?? []).flatMap {
            $0.all("DescribeCacheSubnetGroupsResult/CacheSubnetGroups/CacheSubnetGroup")
        }
        for node in subnetGroups { if let resource = subnetGroup(node, reader: reader) { reader.add(resource) } }
        return reader
    }

    /// `enabled`/`enabling` as true, `disabled`/`disabling` as false, anything else unknown.
    static func status(_ text: String?) -> Value {
        switch text?.lowercased() {
        case "enabled", "enabling": return .bool(true)
        case "disabled", "disabling": return .bool(false)
        default: return .unknown
        }
    }

    static func replicationGroup(_ node: XMLNode, reader: ServiceReader) -> LiveResource? {
        guard let id = node.string("ReplicationGroupId") else { return nil }
        let arn = node.string("ARN") ?? reader.arn("elasticache", "replicationgroup:\(id)")
        let members = node.all("MemberClusters/ClusterId").map(\.text)
        var edges: [LiveResource.Edge] = []
        if let key = node.string("KmsKeyId") { edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key)) }
        return LiveResource(
            type: "aws_elasticache_replication_group", id: id, name: id, originID: arn, region: reader.region,
            attributes: [
                "id": .string(id), "arn": .string(arn), "replication_group_id": .string(id),
                "description": .string(node.string("Description")), "node_type": .string(node.string("CacheNodeType")),
                "engine": .string(node.string("Engine") ?? "redis"),
                "at_rest_encryption_enabled": .bool(node.bool("AtRestEncryptionEnabled")),
                "transit_encryption_enabled": .bool(node.bool("TransitEncryptionEnabled")),
                // Not a Terraform argument: whether `auth_token` is set, the token never being readable.
                "auth_token_enabled": .bool(node.bool("AuthTokenEnabled")),
                "automatic_failover_enabled": status(node.string("AutomaticFailover")),
                "multi_az_enabled": status(node.string("MultiAZ")),
                "snapshot_retention_limit": .number(node.number("SnapshotRetentionLimit")),
                "kms_key_id": .string(node.string("KmsKeyId")),
                "user_group_ids": .strings(node.all("UserGroupIds/member").map(\.text)),
                "member_clusters": .strings(members), "num_cache_clusters": .number(Double(members.count)),
            ], edges: edges)
    }

    static func cluster(_ node: XMLNode, reader: ServiceReader) -> LiveResource? {
        guard let id = node.string("CacheClusterId") else { return nil }
        let arn = node.string("ARN") ?? reader.arn("elasticache", "cluster:\(id)")
        let groups = node.all("SecurityGroups/member").compactMap { $0.string("SecurityGroupId") }
        var edges = groups.map { LiveResource.Edge(attribute: "security_group_ids", type: "aws_security_group", id: $0) }
        let subnetGroup = node.string("CacheSubnetGroupName")
        if let subnetGroup {
            edges.append(.init(attribute: "subnet_group_name", type: "aws_elasticache_subnet_group", id: subnetGroup))
        }
        if let group = node.string("ReplicationGroupId") {
            edges.append(.init(attribute: "replication_group_id", type: "aws_elasticache_replication_group", id: group))
        }
        return LiveResource(
            type: "aws_elasticache_cluster", id: id, name: id, originID: arn, region: reader.region,
            attributes: [
                "id": .string(id), "arn": .string(arn), "cluster_id": .string(id),
                "engine": .string(node.string("Engine")), "engine_version": .string(node.string("EngineVersion")),
                "node_type": .string(node.string("CacheNodeType")), "num_cache_nodes": .number(node.number("NumCacheNodes")),
                "auto_minor_version_upgrade": .bool(node.bool("AutoMinorVersionUpgrade")),
                // Memcached keeps no snapshots; the API leaves the limit out for it.
                "snapshot_retention_limit": node.string("Engine") == "memcached"
                    ? .number(node.number("SnapshotRetentionLimit") ?? 0) : .number(node.number("SnapshotRetentionLimit")),
                "subnet_group_name": .string(subnetGroup), "security_group_ids": .strings(groups),
                "replication_group_id": .string(node.string("ReplicationGroupId")),
                "transit_encryption_enabled": .bool(node.bool("TransitEncryptionEnabled")),
                "at_rest_encryption_enabled": .bool(node.bool("AtRestEncryptionEnabled")),
            ], edges: edges)
    }

    static func subnetGroup(_ node: XMLNode, reader: ServiceReader) -> LiveResource? {
        guard let name = node.string("CacheSubnetGroupName") else { return nil }
        let arn = node.string("ARN") ?? reader.arn("elasticache", "subnetgroup:\(name)")
        let subnets = node.all("Subnets/Subnet").compactMap { $0.string("SubnetIdentifier") }
        return LiveResource(
            type: "aws_elasticache_subnet_group", id: name, name: name, originID: arn, region: reader.region,
            attributes: [
                "id": .string(name), "arn": .string(arn), "name": .string(name),
                "description": .string(node.string("CacheSubnetGroupDescription")), "subnet_ids": .strings(subnets),
                "vpc_id": .string(node.string("VpcId")),
            ], edges: subnets.map { .init(attribute: "subnet_ids", type: "aws_subnet", id: $0) })
    }
}
