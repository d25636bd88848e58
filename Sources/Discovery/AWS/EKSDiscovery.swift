import AWS
import Model

/// EKS clusters in one region and their managed node groups: a list of names, then one DescribeCluster per cluster
/// and one DescribeNodegroup per node group (the lists carry names only). A cluster whose description failed is a
/// placeholder with every setting unknown, so its checks say UNKNOWN rather than FAILED.
enum EKSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let names = (await reader.restJSONPages(.eks, "ListClusters", path: "/clusters", token: "nextToken", field: "nextToken") ?? [])
            .flatMap { ($0[member: "clusters"].elements ?? []).compactMap(\.stringValue) }
        await reader.gather(names) { name in await cluster(name, client: client, account: account, region: region) }
        return reader
    }

    /// One cluster's description and its node groups.
    static func cluster(_ name: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let arn = reader.arn("eks", "cluster/\(name)")
        if let answer = await reader.restJSON(.eks, "DescribeCluster", path: "/clusters/\(name)", resource: name) {
            reader.add(clusterResource(answer[member: "cluster"], name: name, fallbackARN: arn, region: region))
        } else {
            let placeholder = LiveResource(
                type: "aws_eks_cluster", id: name, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(name), "name": .string(name), "version": .unknown, "vpc_config": .unknown,
                    "enabled_cluster_log_types": .unknown, "encryption_config": .unknown, "access_config": .unknown,
                ])
            reader.notRead(placeholder, keep: ["id", "name"], checked: true)
        }
        let groups =
            (await reader.restJSONPages(
                .eks, "ListNodegroups", path: "/clusters/\(name)/node-groups", token: "nextToken", field: "nextToken") ?? [])
            .flatMap { ($0[member: "nodegroups"].elements ?? []).compactMap(\.stringValue) }
        for group in groups {
            let id = "\(name):\(group)"
            guard
                let answer = await reader.restJSON(
                    .eks, "DescribeNodegroup", path: "/clusters/\(name)/node-groups/\(group)", resource: id)
            else {
                let placeholder = LiveResource(
                    type: "aws_eks_node_group", id: id, name: "\(name)_\(group)", originID: reader.arn("eks", "nodegroup/\(name)/\(group)"),
                    region: region,
                    attributes: [
                        "id": .string(id), "cluster_name": .string(name), "node_group_name": .string(group),
                        "remote_access": .unknown, "subnet_ids": .unknown, "node_role_arn": .unknown,
                    ],
                    edges: [.init(attribute: "cluster_name", type: "aws_eks_cluster", id: name)])
                reader.notRead(placeholder, keep: ["id", "cluster_name", "node_group_name"], checked: true)
                continue
            }
            reader.add(nodeGroup(answer[member: "nodegroup"], cluster: name, group: group, reader: reader))
        }
        return reader
    }

    /// A cluster description as Terraform's `aws_eks_cluster`.
    static func clusterResource(_ cluster: Value, name: String, fallbackARN: String, region: String) -> LiveResource {
        let arn = cluster[member: "arn"].stringValue ?? fallbackARN
        let vpc = cluster[member: "resourcesVpcConfig"]
        let subnets = (vpc[member: "subnetIds"].elements ?? []).compactMap(\.stringValue)
        let groups = (vpc[member: "securityGroupIds"].elements ?? []).compactMap(\.stringValue)
        var edges = groups.map { LiveResource.Edge(attribute: "vpc_config.security_group_ids", type: "aws_security_group", id: $0) }
        edges += subnets.map { LiveResource.Edge(attribute: "vpc_config.subnet_ids", type: "aws_subnet", id: $0) }
        // Every log type the control plane sends, from the enabled entries of the logging setup.
        let logTypes = (cluster[member: "logging"][member: "clusterLogging"].elements ?? [])
            .filter { $0[member: "enabled"].boolValue == true }
            .flatMap { ($0[member: "types"].elements ?? []).compactMap(\.stringValue) }
        let encryption: [Value] = (cluster[member: "encryptionConfig"].elements ?? []).map { entry in
            let key = entry[member: "provider"][member: "keyArn"]
            return .object([
                "resources": .strings((entry[member: "resources"].elements ?? []).compactMap(\.stringValue)),
                "provider": key.isNull ? .list([]) : .block(["key_arn": key]),
            ])
        }
        for entry in cluster[member: "encryptionConfig"].elements ?? [] {
            if let key = entry[member: "provider"][member: "keyArn"].stringValue {
                edges.append(.init(attribute: "encryption_config.provider.key_arn", type: "aws_kms_key", id: key))
            }
        }
        let access = cluster[member: "accessConfig"]
        var tags: [String: Value] = [:]
        for (key, value) in cluster[member: "tags"].members ?? [:] { tags[key] = value }
        return LiveResource(
            type: "aws_eks_cluster", id: name, name: name, originID: arn, region: region,
            attributes: [
                "id": .string(name), "arn": .string(arn), "name": .string(name), "role_arn": cluster[member: "roleArn"],
                "version": .sent(cluster[member: "version"]),
                "vpc_config": vpc.isNull
                    ? .unknown
                    : .block([
                        "subnet_ids": .strings(subnets), "security_group_ids": .strings(groups),
                        "endpoint_public_access": .bool(vpc[member: "endpointPublicAccess"].boolValue),
                        "endpoint_private_access": .bool(vpc[member: "endpointPrivateAccess"].boolValue),
                        "public_access_cidrs": vpc[member: "publicAccessCidrs"].isNull
                            ? .unknown : .strings((vpc[member: "publicAccessCidrs"].elements ?? []).compactMap(\.stringValue)),
                        "vpc_id": vpc[member: "vpcId"],
                    ]),
                "enabled_cluster_log_types": .strings(logTypes), "encryption_config": .list(encryption),
                "access_config": access.isNull
                    ? .unknown
                    : .block([
                        "authentication_mode": .sent(access[member: "authenticationMode"]),
                        "bootstrap_cluster_creator_admin_permissions": .bool(
                            access[member: "bootstrapClusterCreatorAdminPermissions"].boolValue),
                    ]),
                "tags": .map(tags),
            ], edges: edges)
    }

    /// A node group description as Terraform's `aws_eks_node_group` (id `cluster:group`).
    static func nodeGroup(_ group: Value, cluster: String, group name: String, reader: ServiceReader) -> LiveResource {
        let id = "\(cluster):\(name)"
        let arn = group[member: "nodegroupArn"].stringValue ?? reader.arn("eks", "nodegroup/\(cluster)/\(name)")
        let remote = group[member: "remoteAccess"]
        let sources = (remote[member: "sourceSecurityGroups"].elements ?? []).compactMap(\.stringValue)
        let subnets = (group[member: "subnets"].elements ?? []).compactMap(\.stringValue)
        let scaling = group[member: "scalingConfig"]
        var edges: [LiveResource.Edge] = [.init(attribute: "cluster_name", type: "aws_eks_cluster", id: cluster)]
        edges += sources.map { .init(attribute: "remote_access.source_security_group_ids", type: "aws_security_group", id: $0) }
        var tags: [String: Value] = [:]
        for (key, value) in group[member: "tags"].members ?? [:] { tags[key] = value }
        return LiveResource(
            type: "aws_eks_node_group", id: id, name: "\(cluster)_\(name)", originID: arn, region: reader.region,
            attributes: [
                "id": .string(id), "arn": .string(arn), "cluster_name": .string(cluster), "node_group_name": .string(name),
                "node_role_arn": group[member: "nodeRole"], "subnet_ids": .strings(subnets),
                "ami_type": group[member: "amiType"], "capacity_type": group[member: "capacityType"],
                "instance_types": .strings((group[member: "instanceTypes"].elements ?? []).compactMap(\.stringValue)),
                "version": group[member: "version"],
                "scaling_config": scaling.isNull
                    ? .list([])
                    : .block([
                        "desired_size": scaling[member: "desiredSize"], "min_size": scaling[member: "minSize"],
                        "max_size": scaling[member: "maxSize"],
                    ]),
                // Terraform writes no block when the group has no SSH access.
                "remote_access": remote.isNull
                    ? .list([])
                    : .block([
                        "ec2_ssh_key": remote[member: "ec2SshKey"],
                        // None named means SSH from anywhere; null, as a configuration that sets none.
                        "source_security_group_ids": sources.isEmpty ? .null : .strings(sources),
                    ]),
                "tags": .map(tags),
            ], edges: edges)
    }
}
