import AWS
import Model

/// OpenSearch Service domains in one region (Elasticsearch-engine ones included): a list of names, then one
/// DescribeDomain per domain. The access policy is both the domain's `access_policies` and, when set, its own
/// `aws_opensearch_domain_policy`. A domain whose description failed is a placeholder with every setting unknown.
enum OpenSearchDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let names =
            ((await reader.restJSON(.opensearch, "ListDomainNames", path: "/2021-01-01/domain", resource: nil))?[
                member: "DomainNames"
            ].elements ?? []).compactMap { $0[member: "DomainName"].stringValue }
        await reader.gather(names) { name in await domain(name, client: client, account: account, region: region) }
        return reader
    }

    static func domain(_ name: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let fallbackARN = reader.arn("es", "domain/\(name)")
        guard
            let answer = await reader.restJSON(
                .opensearch, "DescribeDomain", path: "/2021-01-01/opensearch/domain/\(name)", resource: name)
        else {
            let settings = [
                "encrypt_at_rest", "node_to_node_encryption", "domain_endpoint_options", "log_publishing_options",
                "advanced_security_options", "vpc_options", "cluster_config", "access_policies", "engine_version",
            ]
            var attributes: [String: Value] = ["id": .string(fallbackARN), "domain_name": .string(name)]
            for setting in settings { attributes[setting] = .unknown }
            reader.notRead(
                LiveResource(
                    type: "aws_opensearch_domain", id: name, name: name, originID: fallbackARN, region: region,
                    attributes: attributes),
                keep: ["id", "domain_name"], checked: true)
            return reader
        }
        let status = answer[member: "DomainStatus"]
        let arn = status[member: "ARN"].stringValue ?? fallbackARN
        let policy = policyText(status[member: "AccessPolicies"].stringValue)
        reader.add(domainResource(status, name: name, arn: arn, policy: policy, region: region))
        if !policy.isNull {
            reader.add(
                LiveResource(
                    type: "aws_opensearch_domain_policy", id: name, name: name, originID: "\(arn)|policy", region: region,
                    attributes: ["id": .string("esd-policy-\(name)"), "domain_name": .string(name), "access_policies": policy],
                    edges: [.init(attribute: "domain_name", type: "aws_opensearch_domain", id: name)]))
        }
        return reader
    }

    /// A `DomainStatus` as Terraform's `aws_opensearch_domain`.
    static func domainResource(_ status: Value, name: String, arn: String, policy: Value, region: String) -> LiveResource {
        let cluster = status[member: "ClusterConfig"]
        let vpc = status[member: "VPCOptions"]
        let rest = status[member: "EncryptionAtRestOptions"]
        let endpoint = status[member: "DomainEndpointOptions"]
        let security = status[member: "AdvancedSecurityOptions"]
        let subnets = (vpc[member: "SubnetIds"].elements ?? []).compactMap(\.stringValue)
        let groups = (vpc[member: "SecurityGroupIds"].elements ?? []).compactMap(\.stringValue)
        var edges = groups.map { LiveResource.Edge(attribute: "vpc_options.security_group_ids", type: "aws_security_group", id: $0) }
        if let key = rest[member: "KmsKeyId"].stringValue {
            edges.append(.init(attribute: "encrypt_at_rest.kms_key_id", type: "aws_kms_key", id: key))
        }
        // A map by log type in the API, a set of blocks in Terraform.
        let logs: [Value] = (status[member: "LogPublishingOptions"].members ?? [:]).sorted { $0.key < $1.key }.map { type, option in
            .object([
                "log_type": .string(type), "cloudwatch_log_group_arn": option[member: "CloudWatchLogsLogGroupArn"],
                "enabled": .bool(option[member: "Enabled"].boolValue),
            ])
        }
        let zones = cluster[member: "ZoneAwarenessConfig"][member: "AvailabilityZoneCount"]
        return LiveResource(
            type: "aws_opensearch_domain", id: name, name: name, originID: arn, region: region,
            attributes: [
                "id": .string(arn), "arn": .string(arn), "domain_name": .string(name), "domain_id": status[member: "DomainId"],
                "engine_version": .sent(status[member: "EngineVersion"]), "access_policies": policy,
                "cluster_config": cluster.isNull
                    ? .unknown
                    : .block([
                        "instance_type": cluster[member: "InstanceType"], "instance_count": cluster[member: "InstanceCount"],
                        "dedicated_master_enabled": .bool(cluster[member: "DedicatedMasterEnabled"].boolValue),
                        "dedicated_master_type": cluster[member: "DedicatedMasterType"],
                        "dedicated_master_count": cluster[member: "DedicatedMasterCount"],
                        "zone_awareness_enabled": .bool(cluster[member: "ZoneAwarenessEnabled"].boolValue),
                        "zone_awareness_config": zones.isNull ? .list([]) : .block(["availability_zone_count": zones]),
                        "warm_enabled": cluster[member: "WarmEnabled"],
                    ]),
                "encrypt_at_rest": rest.isNull
                    ? .unknown : .block(["enabled": .bool(rest[member: "Enabled"].boolValue), "kms_key_id": rest[member: "KmsKeyId"]]),
                "node_to_node_encryption": status[member: "NodeToNodeEncryptionOptions"].isNull
                    ? .unknown : .block(["enabled": .bool(status[member: "NodeToNodeEncryptionOptions"][member: "Enabled"].boolValue)]),
                "domain_endpoint_options": endpoint.isNull
                    ? .unknown
                    : .block([
                        "enforce_https": .bool(endpoint[member: "EnforceHTTPS"].boolValue),
                        "tls_security_policy": .sent(endpoint[member: "TLSSecurityPolicy"]),
                        "custom_endpoint_enabled": endpoint[member: "CustomEndpointEnabled"],
                    ]),
                "advanced_security_options": security.isNull
                    ? .unknown
                    : .block([
                        "enabled": .bool(security[member: "Enabled"].boolValue),
                        "internal_user_database_enabled": .bool(security[member: "InternalUserDatabaseEnabled"].boolValue),
                        "anonymous_auth_enabled": security[member: "AnonymousAuthEnabled"],
                    ]),
                "log_publishing_options": .list(logs),
                "vpc_options": vpc.isNull || (subnets.isEmpty && groups.isEmpty)
                    ? .list([])
                    : .block(["subnet_ids": .strings(subnets), "security_group_ids": .strings(groups), "vpc_id": vpc[member: "VPCId"]]),
            ], edges: edges)
    }
}
