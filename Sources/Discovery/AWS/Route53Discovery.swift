import AWS
import Model

/// Route 53 hosted zones (global, read once) with their query logging and DNSSEC signing. Private zones cost one
/// GetHostedZone each (the list does not name their VPCs), public zones one GetDNSSEC each. Record sets are not
/// read: a zone can hold millions, and no check asks about them.
enum Route53Discovery {
    static let version = "/2013-04-01"

    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region, label: "global")
        let zones =
            (await reader.restXMLPages(
                .route53, "ListHostedZones", path: version + "/hostedzone", token: "marker", element: "NextMarker") ?? [])
            .flatMap { $0.all("HostedZones/HostedZone") }
        let logs = await reader.restXMLPages(
            .route53, "ListQueryLoggingConfigs", path: version + "/queryloggingconfig", token: "nexttoken",
            element: "NextToken")
        // Without the list, whether a zone logs its queries is unknown, not "no": the zones carry it as unread.
        let logsUnread: Value = logs == nil ? .unknown : .bool(false)
        for config in (logs ?? []).flatMap({ $0.all("QueryLoggingConfigs/QueryLoggingConfig") }) {
            guard let id = config.string("Id"), let zone = config.string("HostedZoneId").map(zoneID) else { continue }
            let group = config.string("CloudWatchLogsLogGroupArn")
            var edges: [LiveResource.Edge] = [.init(attribute: "zone_id", type: "aws_route53_zone", id: zone)]
            if let group {
                edges.append(.init(attribute: "cloudwatch_log_group_arn", type: "aws_cloudwatch_log_group", id: logGroupKey(group)))
            }
            reader.add(
                LiveResource(
                    type: "aws_route53_query_log", id: id, name: id,
                    originID: reader.arn("route53", "queryloggingconfig/\(id)", global: true),
                    region: nil,
                    attributes: [
                        "id": .string(id), "zone_id": .string(zone), "cloudwatch_log_group_arn": .string(group),
                        "arn": .string("arn:aws:route53:::queryloggingconfig/\(id)"),
                    ], edges: edges))
        }
        await reader.gather(zones) { node in await zone(node, client: client, account: account, region: region) }
        // Set after the zones are read: a zone reader whose own calls answered would drop an unknown as not sent.
        for index in reader.resources.indices where reader.resources[index].type == "aws_route53_zone" {
            reader.resources[index].attributes["query_logging_unread"] = logsUnread
        }
        return reader
    }

    /// One zone: its VPCs when private, its DNSSEC signing when public.
    static func zone(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region, label: "global")
        guard let raw = node.string("Id") else { return reader }
        let id = zoneID(raw)
        let name = node.string("Name").map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } ?? id
        let isPrivate = node.bool("Config/PrivateZone") ?? false
        var attributes: [String: Value] = [
            "id": .string(id), "zone_id": .string(id), "name": .string(name),
            "arn": .string("arn:aws:route53:::hostedzone/\(id)"),
            "comment": .string(node.string("Config/Comment") ?? ""),
        ]
        var edges: [LiveResource.Edge] = []
        if isPrivate {
            let answer = await reader.restXML(.route53, "GetHostedZone", path: "\(version)/hostedzone/\(id)", resource: id)
            let vpcs = answer?.all("VPCs/VPC") ?? []
            attributes["vpc"] =
                answer == nil
                ? .unknown
                : .list(vpcs.map { Value.object(["vpc_id": .string($0.string("VPCId")), "vpc_region": .string($0.string("VPCRegion"))]) })
            edges += vpcs.compactMap { $0.string("VPCId") }.map {
                LiveResource.Edge(attribute: "vpc.vpc_id", type: "aws_vpc", id: $0)
            }
            attributes["dnssec_unread"] = .bool(false)
        } else {
            attributes["vpc"] = .list([])
            let answer = await reader.restXML(.route53, "GetDNSSEC", path: "\(version)/hostedzone/\(id)/dnssec", resource: id)
            attributes["dnssec_unread"] = answer == nil ? .unknown : .bool(false)
            if let status = answer?.string("Status/ServeSignature"), status == "SIGNING" {
                reader.add(
                    LiveResource(
                        type: "aws_route53_hosted_zone_dnssec", id: id, name: name, originID: "arn:aws:route53:::hostedzone/\(id)",
                        region: nil,
                        attributes: ["id": .string(id), "hosted_zone_id": .string(id), "signing_status": .string(status)],
                        edges: [.init(attribute: "hosted_zone_id", type: "aws_route53_zone", id: id)]))
            }
        }
        reader.add(
            LiveResource(
                type: "aws_route53_zone", id: id, name: name, originID: "arn:aws:route53:::hostedzone/\(id)", region: nil,
                attributes: attributes, edges: edges))
        return reader
    }

    /// `/hostedzone/Z123` → `Z123`.
    static func zoneID(_ raw: String) -> String {
        raw.hasPrefix("/hostedzone/") ? String(raw.dropFirst("/hostedzone/".count)) : raw
    }
}

/// The key of a log group from an ARN that may end in `:*` (Route 53, WAF and API Gateway write both forms).
func logGroupKey(_ arn: String) -> String {
    arn.hasSuffix(":*") ? String(arn.dropLast(2)) : arn
}
