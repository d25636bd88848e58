import AWS
import Model

/// EC2 in one region: every list is one paginated call for the whole region (no per-instance calls);
/// instance block devices get their encryption by joining the volume list on volume ID.
enum EC2Discovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        func pages(_ action: String, _ params: [String: String] = [:]) async -> [XMLNode]? {
            await reader.call("ec2", action) { () async throws(AWSError) -> [XMLNode] in
                try await client.queryPages(
                    service: .ec2, action: action, params: params, region: region,
                    tokenParameter: "NextToken", tokenElement: "nextToken")
            }
        }
        let volumes = (await pages("DescribeVolumes", ["MaxResults": "500"]) ?? []).flatMap { $0.all("volumeSet/item") }
        var volumeByID: [String: XMLNode] = [:]
        for volume in volumes {
            guard let id = volume.string("volumeId") else { continue }
            volumeByID[id] = volume
            reader.add(
                LiveResource(
                    type: "aws_ebs_volume", id: id, name: id, originID: reader.arn("ec2", "volume/\(id)"),
                    region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(reader.arn("ec2", "volume/\(id)")),
                        "availability_zone": .string(volume.string("availabilityZone")),
                        "encrypted": .bool(volume.bool("encrypted") ?? false),
                        "kms_key_id": .string(volume.string("kmsKeyId")),
                        "size": .number(volume.number("size")), "type": .string(volume.string("volumeType")),
                        "snapshot_id": .string(volume.string("snapshotId")),
                        "tags": volume.tags("tagSet/item"),
                    ]))
        }
        for page in await pages("DescribeInstances", ["MaxResults": "1000"]) ?? [] {
            for instance in page.all("reservationSet/item/instancesSet/item") {
                if let resource = self.instance(instance, volumes: volumeByID, reader: reader) { reader.add(resource) }
            }
        }
        for page in await pages("DescribeSecurityGroups", ["MaxResults": "1000"]) ?? [] {
            for group in page.all("securityGroupInfo/item") {
                if let resource = securityGroup(group, reader: reader) { reader.add(resource) }
            }
        }
        for page in await pages("DescribeVpcs") ?? [] {
            for vpc in page.all("vpcSet/item") {
                guard let id = vpc.string("vpcId") else { continue }
                reader.add(
                    LiveResource(
                        type: "aws_vpc", id: id, name: id, originID: reader.arn("ec2", "vpc/\(id)"),
                        region: region,
                        attributes: [
                            "id": .string(id), "arn": .string(reader.arn("ec2", "vpc/\(id)")),
                            "cidr_block": .string(vpc.string("cidrBlock")),
                            "is_default": .bool(vpc.bool("isDefault") ?? false),
                            "instance_tenancy": .string(vpc.string("instanceTenancy")),
                            "tags": vpc.tags("tagSet/item"),
                        ]))
            }
        }
        for page in await pages("DescribeFlowLogs") ?? [] {
            for log in page.all("flowLogSet/item") {
                guard let id = log.string("flowLogId") else { continue }
                let target = log.string("resourceId") ?? ""
                var attributes: [String: Value] = [
                    "id": .string(id), "arn": .string(reader.arn("ec2", "vpc-flow-log/\(id)")),
                    "traffic_type": .string(log.string("trafficType")),
                    "log_destination_type": .string(log.string("logDestinationType")),
                    "log_destination": log.string("logDestination").map(Value.string) ?? .unknown,
                    "log_group_name": .string(log.string("logGroupName")),
                    "iam_role_arn": .string(log.string("deliverLogsPermissionArn")),
                ]
                var edges: [LiveResource.Edge] = []
                if target.hasPrefix("vpc-") {
                    attributes["vpc_id"] = .string(target)
                    edges.append(.init(attribute: "vpc_id", type: "aws_vpc", id: target))
                } else if target.hasPrefix("subnet-") {
                    attributes["subnet_id"] = .string(target)
                } else if target.hasPrefix("eni-") {
                    attributes["eni_id"] = .string(target)
                }
                reader.add(
                    LiveResource(
                        type: "aws_flow_log", id: id, name: id, originID: reader.arn("ec2", "vpc-flow-log/\(id)"),
                        region: region, attributes: attributes, edges: edges))
            }
        }
        if let answer = await reader.call(
            "ec2", "GetEbsEncryptionByDefault",
            { () async throws(AWSError) -> XMLNode in
                try await client.query(service: .ec2, action: "GetEbsEncryptionByDefault", region: region)
            })
        {
            reader.add(
                LiveResource(
                    type: "aws_ebs_encryption_by_default", id: region, name: region, originID: "\(account)/\(region)",
                    region: region,
                    attributes: [
                        "id": .string(region),
                        "enabled": .bool(answer.bool("ebsEncryptionByDefault") ?? false),
                    ]))
        }
        return reader
    }

    static func instance(_ node: XMLNode, volumes: [String: XMLNode], reader: ServiceReader) -> LiveResource? {
        guard let id = node.string("instanceId") else { return nil }
        let arn = reader.arn("ec2", "instance/\(id)")
        let rootDevice = node.string("rootDeviceName")
        var root: [Value] = []
        var ebs: [Value] = []
        for mapping in node.all("blockDeviceMapping/item") {
            let device = mapping.string("deviceName")
            let volumeID = mapping.string("ebs/volumeId")
            let volume = volumeID.flatMap { volumes[$0] }
            var block: [String: Value] = [
                "device_name": .string(device), "volume_id": .string(volumeID),
                "delete_on_termination": .bool(mapping.bool("ebs/deleteOnTermination")),
                // Unknown, not false, when the volume list could not be read: the check must not pass or fail on a guess.
                "encrypted": volume.map { .bool($0.bool("encrypted") ?? false) } ?? .unknown,
            ]
            if let volume {
                block["kms_key_id"] = .string(volume.string("kmsKeyId"))
                block["volume_size"] = .number(volume.number("size"))
                block["volume_type"] = .string(volume.string("volumeType"))
            }
            if device == rootDevice { root.append(.object(block)) } else { ebs.append(.object(block)) }
        }
        let publicIP = node.string("ipAddress")
        let metadata = node.child("metadataOptions")
        let groups = node.all("groupSet/item").compactMap { $0.string("groupId") }
        var edges = groups.map { LiveResource.Edge(attribute: "vpc_security_group_ids", type: "aws_security_group", id: $0) }
        if let vpc = node.string("vpcId") { edges.append(.init(attribute: "vpc_id", type: "aws_vpc", id: vpc)) }
        return LiveResource(
            type: "aws_instance", id: id, name: id, originID: arn, region: reader.region,
            attributes: [
                "id": .string(id), "arn": .string(arn), "ami": .string(node.string("imageId")),
                "instance_type": .string(node.string("instanceType")),
                "instance_state": .string(node.string("instanceState/name")),
                "subnet_id": .string(node.string("subnetId")), "vpc_id": .string(node.string("vpcId")),
                "associate_public_ip_address": .bool(publicIP != nil),
                "public_ip": .string(publicIP), "private_ip": .string(node.string("privateIpAddress")),
                "iam_instance_profile": .string(node.string("iamInstanceProfile/arn")),
                "vpc_security_group_ids": .strings(groups),
                "monitoring": .bool(node.string("monitoring/state") == "enabled"),
                "ebs_optimized": .bool(node.bool("ebsOptimized")),
                "metadata_options": metadata.map { m in
                    .block([
                        "http_endpoint": .string(m.string("httpEndpoint")),
                        "http_tokens": .string(m.string("httpTokens")),
                        "http_put_response_hop_limit": .number(m.number("httpPutResponseHopLimit")),
                        "instance_metadata_tags": .string(m.string("instanceMetadataTags")),
                    ])
                } ?? .unknown,
                "root_block_device": .list(root),
                // Every attached interface that carries traffic (the primary one too, at device index 0): Terraform's
                // blocks, which list the ones a configuration attaches itself.
                "network_interface": .list(
                    node.all("networkInterfaceSet/item").filter { ["interface", "efa", "trunk", nil].contains($0.string("interfaceType")) }
                        .map { eni in
                            .object([
                                "network_interface_id": .string(eni.string("networkInterfaceId")),
                                "device_index": .number(eni.number("attachment/deviceIndex")),
                            ])
                        }),
                // Not an aws_instance argument (the AMI decides it): read for live-only questions.
                "virtualization_type": .string(node.string("virtualizationType")),
                "ebs_block_device": .list(ebs),
                "tags": node.tags("tagSet/item"),
            ], edges: edges)
    }

    static func securityGroup(_ node: XMLNode, reader: ServiceReader) -> LiveResource? {
        guard let id = node.string("groupId") else { return nil }
        let name = node.string("groupName") ?? id
        let arn = reader.arn("ec2", "security-group/\(id)")
        // Terraform manages a VPC's default group through its own resource type, which is what checks target.
        let type = name == "default" ? "aws_default_security_group" : "aws_security_group"
        var edges: [LiveResource.Edge] = []
        if let vpc = node.string("vpcId") { edges.append(.init(attribute: "vpc_id", type: "aws_vpc", id: vpc)) }
        return LiveResource(
            type: type, id: id, name: name == "default" ? "default_\(id)" : "\(name)_\(id)", originID: arn,
            region: reader.region,
            attributes: [
                "id": .string(id), "arn": .string(arn), "name": .string(name),
                "description": .string(node.string("groupDescription")),
                "vpc_id": .string(node.string("vpcId")), "owner_id": .string(node.string("ownerId")),
                "ingress": .list(node.all("ipPermissions/item").flatMap { rules($0, selfID: id) }),
                "egress": .list(node.all("ipPermissionsEgress/item").flatMap { rules($0, selfID: id) }),
                "tags": node.tags("tagSet/item"),
            ], edges: edges)
    }

    /// One permission as Terraform's inline `ingress`/`egress` blocks, one per description as the provider stores
    /// them (each CIDR, prefix list and group keeps its own description); protocol `-1` means every port.
    static func rules(_ node: XMLNode, selfID: String) -> [Value] {
        let proto = node.string("ipProtocol") ?? "-1"
        var order: [String] = []
        var members: [String: [String: [String]]] = [:]
        var selfReferenced: Set<String> = []
        func add(_ items: [XMLNode], _ field: String, _ attribute: String) {
            for item in items {
                guard let value = item.string(field) else { continue }
                let description = item.string("description") ?? ""
                if members[description] == nil {
                    order.append(description)
                    members[description] = [:]
                }
                if attribute == "security_groups", value == selfID {
                    selfReferenced.insert(description)
                } else {
                    members[description]?[attribute, default: []].append(value)
                }
            }
        }
        add(node.all("ipRanges/item"), "cidrIp", "cidr_blocks")
        add(node.all("ipv6Ranges/item"), "cidrIpv6", "ipv6_cidr_blocks")
        add(node.all("prefixListIds/item"), "prefixListId", "prefix_list_ids")
        add(node.all("groups/item"), "groupId", "security_groups")
        if order.isEmpty { order = [""] }
        return order.map { description in
            let m = members[description] ?? [:]
            return .object([
                "protocol": .string(proto),
                "from_port": .number(node.number("fromPort") ?? 0),
                "to_port": .number(node.number("toPort") ?? (proto == "-1" ? 0 : 65535)),
                "cidr_blocks": .strings(m["cidr_blocks"] ?? []),
                "ipv6_cidr_blocks": .strings(m["ipv6_cidr_blocks"] ?? []),
                "prefix_list_ids": .strings(m["prefix_list_ids"] ?? []),
                "security_groups": .strings(m["security_groups"] ?? []),
                "self": .bool(selfReferenced.contains(description)),
                "description": .string(description),
            ])
        }
    }
}
