import AWS
import Model

/// Application, network and gateway load balancers in one region with their listeners and target groups. The
/// load balancer list lacks the settings checks ask about (deletion protection, access logs, header handling), so
/// each load balancer gets one DescribeLoadBalancerAttributes and one DescribeListeners call.
enum ELBv2Discovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let balancers = (await reader.queryPages(.elbv2, "DescribeLoadBalancers", element: "NextMarker") ?? []).flatMap {
            $0.all("DescribeLoadBalancersResult/LoadBalancers/member")
        }
        await reader.gather(balancers) { node in await balancer(node, client: client, account: account, region: region) }
        let groups = (await reader.queryPages(.elbv2, "DescribeTargetGroups", element: "NextMarker") ?? []).flatMap {
            $0.all("DescribeTargetGroupsResult/TargetGroups/member")
        }
        for group in groups {
            guard let arn = group.string("TargetGroupArn") else { continue }
            let name = group.string("TargetGroupName") ?? arn
            let vpc = group.string("VpcId")
            reader.add(
                LiveResource(
                    type: "aws_lb_target_group", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(arn), "arn": .string(arn), "name": .string(name),
                        "protocol": .string(group.string("Protocol")), "port": .number(group.number("Port")),
                        "vpc_id": .string(vpc), "target_type": .string(group.string("TargetType") ?? "instance"),
                        "health_check": .block([
                            "protocol": .string(group.string("HealthCheckProtocol")),
                            "path": .string(group.string("HealthCheckPath")),
                            "enabled": .bool(group.bool("HealthCheckEnabled") ?? true),
                        ]),
                    ], edges: vpc.map { [.init(attribute: "vpc_id", type: "aws_vpc", id: $0)] } ?? []))
        }
        return reader
    }

    static func balancer(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let arn = node.string("LoadBalancerArn") else { return reader }
        let name = node.string("LoadBalancerName") ?? arn
        let type = node.string("Type") ?? "application"
        let answer = await reader.query(.elbv2, "DescribeLoadBalancerAttributes", ["LoadBalancerArn": arn], resource: arn)
        var settings: [String: String] = [:]
        for attribute in answer?.all("DescribeLoadBalancerAttributesResult/Attributes/member") ?? [] {
            if let key = attribute.string("Key") { settings[key] = attribute.string("Value") ?? "" }
        }
        /// A setting from the attribute call: unknown when the call failed, the AWS default when not listed.
        func setting(_ key: String, default fallback: String?) -> Value {
            guard answer != nil else { return .unknown }
            return .string(settings[key] ?? fallback)
        }
        func flag(_ key: String, default fallback: Bool) -> Value {
            guard answer != nil else { return .unknown }
            return .bool(settings[key].map { $0 == "true" } ?? fallback)
        }
        let groups = node.all("SecurityGroups/member").map(\.text)
        var edges = groups.map { LiveResource.Edge(attribute: "security_groups", type: "aws_security_group", id: $0) }
        if let vpc = node.string("VpcId") { edges.append(.init(attribute: "vpc_id", type: "aws_vpc", id: vpc)) }
        var attributes: [String: Value] = [
            "id": .string(arn), "arn": .string(arn), "name": .string(name), "load_balancer_type": .string(type),
            "internal": .bool(node.string("Scheme") == "internal"), "vpc_id": .string(node.string("VpcId")),
            "dns_name": .string(node.string("DNSName")), "security_groups": .strings(groups),
            "subnets": .strings(node.all("AvailabilityZones/member").compactMap { $0.string("SubnetId") }),
            "enable_deletion_protection": flag("deletion_protection.enabled", default: false),
            "enable_cross_zone_load_balancing": flag("load_balancing.cross_zone.enabled", default: type == "application"),
            "access_logs":
                answer == nil
                ? .unknown
                : .block([
                    "enabled": flag("access_logs.s3.enabled", default: false),
                    "bucket": setting("access_logs.s3.bucket", default: ""),
                    "prefix": setting("access_logs.s3.prefix", default: ""),
                ]),
        ]
        if type == "application" {
            attributes["drop_invalid_header_fields"] = flag("routing.http.drop_invalid_header_fields.enabled", default: false)
            attributes["desync_mitigation_mode"] = setting("routing.http.desync_mitigation_mode", default: "defensive")
            attributes["idle_timeout"] =
                answer == nil ? .unknown : .number(settings["idle_timeout.timeout_seconds"].flatMap { Double($0) } ?? 60)
        }
        reader.add(
            LiveResource(
                type: "aws_lb", id: arn, name: name, originID: arn, region: region, attributes: attributes, edges: edges))
        let listeners = await reader.call("elbv2", "DescribeListeners", resource: arn) { () async throws(AWSError) -> [XMLNode] in
            try await client.queryPages(
                service: .elbv2, action: "DescribeListeners", params: ["LoadBalancerArn": arn], region: region,
                tokenParameter: "Marker", tokenElement: "NextMarker")
        }
        for listener in (listeners ?? []).flatMap({ $0.all("DescribeListenersResult/Listeners/member") }) {
            guard let listenerARN = listener.string("ListenerArn") else { continue }
            let actions: [Value] = listener.all("DefaultActions/member").map { action in
                var block: [String: Value] = [
                    "type": .string(action.string("Type")), "target_group_arn": .string(action.string("TargetGroupArn")),
                ]
                if let redirect = action.node("RedirectConfig") {
                    block["redirect"] = .block([
                        "protocol": .string(redirect.string("Protocol") ?? "#{protocol}"),
                        "port": .string(redirect.string("Port") ?? "#{port}"),
                        "status_code": .string(redirect.string("StatusCode")),
                    ])
                }
                return .object(block)
            }
            let targets = listener.all("DefaultActions/member").compactMap { $0.string("TargetGroupArn") }
            reader.add(
                LiveResource(
                    type: "aws_lb_listener", id: listenerARN, name: "\(name)_\(listener.string("Port") ?? "listener")",
                    originID: listenerARN, region: region,
                    attributes: [
                        "id": .string(listenerARN), "arn": .string(listenerARN), "load_balancer_arn": .string(arn),
                        "port": .number(listener.number("Port")), "protocol": .string(listener.string("Protocol")),
                        "ssl_policy": .string(listener.string("SslPolicy")),
                        "certificate_arn": .string(listener.string("Certificates/member/CertificateArn")),
                        "default_action": .list(actions),
                    ],
                    edges: [.init(attribute: "load_balancer_arn", type: "aws_lb", id: arn)]
                        + targets.map {
                            LiveResource.Edge(attribute: "default_action.target_group_arn", type: "aws_lb_target_group", id: $0)
                        }))
        }
        return reader
    }
}
