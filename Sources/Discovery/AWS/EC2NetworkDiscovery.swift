import AWS
import Model

/// The network pieces of EC2 in one region: subnets, network ACLs (the default one as Terraform's
/// `aws_default_network_acl`), VPC endpoints and internet gateways. One paginated call per list.
enum EC2NetworkDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let pagesSubnets = await reader.queryPages(.ec2, "DescribeSubnets", token: "NextToken", element: "nextToken") ?? []
        for subnet in pagesSubnets.flatMap({ $0.all("subnetSet/item") }) {
            guard let id = subnet.string("subnetId") else { continue }
            let arn = subnet.string("subnetArn") ?? reader.arn("ec2", "subnet/\(id)")
            let vpc = subnet.string("vpcId")
            reader.add(
                LiveResource(
                    type: "aws_subnet", id: id, name: id, originID: arn, region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(arn), "vpc_id": .string(vpc),
                        "cidr_block": .string(subnet.string("cidrBlock")),
                        "availability_zone": .string(subnet.string("availabilityZone")),
                        "map_public_ip_on_launch": .bool(subnet.bool("mapPublicIpOnLaunch") ?? false),
                        "default_for_az": .bool(subnet.bool("defaultForAz") ?? false),
                        "tags": subnet.tags("tagSet/item"),
                    ], edges: vpc.map { [.init(attribute: "vpc_id", type: "aws_vpc", id: $0)] } ?? []))
        }
        let pagesACLs = await reader.queryPages(.ec2, "DescribeNetworkAcls", token: "NextToken", element: "nextToken") ?? []
        for acl in pagesACLs.flatMap({ $0.all("networkAclSet/item") }) {
            if let resource = networkACL(acl, reader: reader) { reader.add(resource) }
        }
        let pagesEndpoints = await reader.queryPages(.ec2, "DescribeVpcEndpoints", token: "NextToken", element: "nextToken") ?? []
        for endpoint in pagesEndpoints.flatMap({ $0.all("vpcEndpointSet/item") }) {
            guard let id = endpoint.string("vpcEndpointId") else { continue }
            let arn = reader.arn("ec2", "vpc-endpoint/\(id)")
            let vpc = endpoint.string("vpcId")
            reader.add(
                LiveResource(
                    type: "aws_vpc_endpoint", id: id, name: id, originID: arn, region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(arn), "vpc_id": .string(vpc),
                        "service_name": .string(endpoint.string("serviceName")),
                        "vpc_endpoint_type": .string(endpoint.string("vpcEndpointType") ?? "Gateway"),
                        "state": .string(endpoint.string("state")),
                        "policy": policyText(endpoint.string("policyDocument")),
                        "private_dns_enabled": .bool(endpoint.bool("privateDnsEnabled") ?? false),
                        "route_table_ids": .strings(endpoint.all("routeTableIdSet/item").map(\.text)),
                        "subnet_ids": .strings(endpoint.all("subnetIdSet/item").map(\.text)),
                        "tags": endpoint.tags("tagSet/item"),
                    ], edges: vpc.map { [.init(attribute: "vpc_id", type: "aws_vpc", id: $0)] } ?? []))
        }
        let pagesGateways = await reader.queryPages(.ec2, "DescribeInternetGateways", token: "NextToken", element: "nextToken") ?? []
        for gateway in pagesGateways.flatMap({ $0.all("internetGatewaySet/item") }) {
            guard let id = gateway.string("internetGatewayId") else { continue }
            let arn = reader.arn("ec2", "internet-gateway/\(id)")
            let vpc = gateway.string("attachmentSet/item/vpcId")
            reader.add(
                LiveResource(
                    type: "aws_internet_gateway", id: id, name: id, originID: arn, region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(arn), "vpc_id": .string(vpc),
                        "owner_id": .string(gateway.string("ownerId")), "tags": gateway.tags("tagSet/item"),
                    ], edges: vpc.map { [.init(attribute: "vpc_id", type: "aws_vpc", id: $0)] } ?? []))
        }
        return reader
    }

    /// A network ACL with its rules as Terraform's inline `ingress`/`egress` blocks. The catch-all deny (rule
    /// 32767) is implicit in Terraform and left out.
    static func networkACL(_ acl: XMLNode, reader: ServiceReader) -> LiveResource? {
        guard let id = acl.string("networkAclId") else { return nil }
        let isDefault = acl.bool("default") ?? false
        let arn = reader.arn("ec2", "network-acl/\(id)")
        var ingress: [Value] = []
        var egress: [Value] = []
        for entry in acl.all("entrySet/item") {
            let number = entry.number("ruleNumber") ?? 0
            guard number < 32767 else { continue }
            let proto = entry.string("protocol") ?? "-1"
            let all = proto == "-1"
            let rule: Value = .object([
                "rule_no": .number(number), "protocol": .string(proto),
                "action": .string(entry.string("ruleAction")),
                "cidr_block": .string(entry.string("cidrBlock") ?? ""),
                "ipv6_cidr_block": .string(entry.string("ipv6CidrBlock") ?? ""),
                "from_port": .number(all ? 0 : entry.number("portRange/from") ?? 0),
                "to_port": .number(all ? 0 : entry.number("portRange/to") ?? 0),
                "icmp_type": .number(entry.number("icmpTypeCode/type") ?? 0),
                "icmp_code": .number(entry.number("icmpTypeCode/code") ?? 0),
            ])
            if entry.bool("egress") == true { egress.append(rule) } else { ingress.append(rule) }
        }
        let vpc = acl.string("vpcId")
        var attributes: [String: Value] = [
            "id": .string(id), "arn": .string(arn),
            "subnet_ids": .strings(acl.all("associationSet/item").compactMap { $0.string("subnetId") }),
            "ingress": .list(ingress), "egress": .list(egress), "owner_id": .string(acl.string("ownerId")),
            "tags": acl.tags("tagSet/item"),
        ]
        if isDefault {
            attributes["default_network_acl_id"] = .string(id)
        } else {
            attributes["vpc_id"] = .string(vpc)
        }
        return LiveResource(
            type: isDefault ? "aws_default_network_acl" : "aws_network_acl", id: id, name: id, originID: arn,
            region: reader.region, attributes: attributes,
            edges: vpc.map { [.init(attribute: "vpc_id", type: "aws_vpc", id: $0)] } ?? [])
    }
}
