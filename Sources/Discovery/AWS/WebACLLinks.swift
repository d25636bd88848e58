import AWS
import Model

/// Each application load balancer's WAFv2 web ACL, asked from the load balancer's side (GetWebACLForResource, one
/// call per load balancer): an `aws_wafv2_web_acl_association` when it has one. `web_acl_unread` is false when the
/// answer came, unknown when WAFv2 was not selected or the call failed, so the WAF check says UNKNOWN rather than
/// FAILED for a load balancer whose protection is not known.
enum WebACLLinks {
    /// Reads the associations of the application load balancers in `live`, adds them and marks every such load
    /// balancer; returns the calls that failed. `read` says whether WAFv2 was selected.
    static func link(_ live: inout [LiveResource], client: AWSClient, account: String, read: Bool) async -> [DiscoveryError] {
        let balancers = live.indices.filter {
            live[$0].type == "aws_lb" && live[$0].attributes["load_balancer_type"]?.stringValue == "application"
        }
        for index in balancers { live[index].attributes["web_acl_unread"] = .unknown }
        guard read else { return [] }
        let targets = balancers.compactMap { index -> (Int, String, String)? in
            guard let arn = live[index].attributes["arn"]?.stringValue, let region = live[index].region else { return nil }
            return (index, arn, region)
        }
        let answers = await withTaskGroup(of: (Int, ServiceReader).self) { group in
            for (index, arn, region) in targets {
                group.addTask { (index, await association(of: arn, client: client, account: account, region: region)) }
            }
            var collected: [(Int, ServiceReader)] = []
            for await answer in group { collected.append(answer) }
            return collected
        }
        for (index, reader) in answers where reader.errors.isEmpty {
            live[index].attributes["web_acl_unread"] = .bool(false)
        }
        live += answers.flatMap(\.1.resources)
        return answers.flatMap(\.1.errors)
    }

    /// The web ACL protecting the load balancer `arn`, as Terraform's association resource; none when unprotected.
    static func association(of arn: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region, label: region)
        // A load balancer deleted since it was listed has no association to judge.
        let answer = await reader.json(
            .wafv2, "GetWebACLForResource", ["ResourceArn": .string(arn)], resource: arn,
            absent: ["WAFNonexistentItemException"])
        let acl = answer?[member: "WebACL"]
        guard let aclARN = acl?[member: "ARN"].stringValue else { return reader }
        let key = "\(aclARN),\(arn)"
        let aclName = acl?[member: "Name"].stringValue ?? WAFv2Discovery.name(aclARN)
        reader.add(
            LiveResource(
                type: "aws_wafv2_web_acl_association", id: key, name: "\(aclName)_\(WAFv2Discovery.name(arn))",
                originID: arn, region: region,
                attributes: ["id": .string(key), "web_acl_arn": .string(aclARN), "resource_arn": .string(arn)],
                edges: [
                    .init(attribute: "web_acl_arn", type: "aws_wafv2_web_acl", id: aclARN),
                    .init(attribute: "resource_arn", type: "aws_lb", id: arn),
                ]))
        return reader
    }
}
