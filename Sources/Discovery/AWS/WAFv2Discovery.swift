import AWS
import Model

/// WAFv2 web ACLs of one scope: REGIONAL in each region, CLOUDFRONT once through us-east-1. The list lacks rules
/// and actions, so each ACL costs one GetWebACL; logging is one list per scope. Which load balancer an ACL protects
/// is asked from the load balancer's side (`WebACLLinks`); API Gateway stages name their ACL themselves.
enum WAFv2Discovery {
    /// The CloudFront-scoped web ACLs, which live in us-east-1 whatever region the client is in.
    static func cloudFront(client: AWSClient, account: String, region _: String) async -> ServiceReader {
        await read(scope: "CLOUDFRONT", client: client, account: account, region: "us-east-1")
    }

    /// The regional web ACLs of `region`.
    static func regional(client: AWSClient, account: String, region: String) async -> ServiceReader {
        await read(scope: "REGIONAL", client: client, account: account, region: region)
    }

    static func read(scope: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        let global = scope == "CLOUDFRONT"
        var reader = ServiceReader(client: client, account: account, region: region, label: global ? "global" : region)
        let acls =
            (await reader.jsonPages(
                .wafv2, "ListWebACLs", ["Scope": .string(scope), "Limit": .number(100)], token: "NextMarker") ?? [])
            .flatMap { $0[member: "WebACLs"].elements ?? [] }
        await reader.gather(acls) { summary in
            await webACL(summary, scope: scope, client: client, account: account, region: region)
        }
        let logging = await reader.jsonPages(
            .wafv2, "ListLoggingConfigurations", ["Scope": .string(scope), "Limit": .number(100)], token: "NextMarker")
        for config in (logging ?? []).flatMap({ $0[member: "LoggingConfigurations"].elements ?? [] }) {
            guard let arn = config[member: "ResourceArn"].stringValue else { continue }
            let destinations = (config[member: "LogDestinationConfigs"].elements ?? []).compactMap(\.stringValue)
            reader.add(
                LiveResource(
                    type: "aws_wafv2_web_acl_logging_configuration", id: arn, name: name(arn), originID: arn,
                    region: global ? nil : region,
                    attributes: [
                        "id": .string(arn), "resource_arn": .string(arn), "log_destination_configs": .strings(destinations),
                        "redacted_fields": .list((config[member: "RedactedFields"].elements ?? []).map { _ in .object([:]) }),
                    ],
                    edges: [.init(attribute: "resource_arn", type: "aws_wafv2_web_acl", id: arn)]
                        + destinations.filter { $0.contains(":logs:") }.map {
                            LiveResource.Edge(attribute: "log_destination_configs", type: "aws_cloudwatch_log_group", id: logGroupKey($0))
                        }))
        }
        // Set after the ACLs are read: an ACL reader whose own calls answered would drop an unknown as not sent.
        let unread: Value = logging == nil ? .unknown : .bool(false)
        for index in reader.resources.indices where reader.resources[index].type == "aws_wafv2_web_acl" {
            reader.resources[index].attributes["logging_configuration_unread"] = unread
        }
        return reader
    }

    /// One web ACL with its rules summarised.
    static func webACL(_ summary: Value, scope: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        let global = scope == "CLOUDFRONT"
        var reader = ServiceReader(client: client, account: account, region: region, label: global ? "global" : region)
        guard let id = summary[member: "Id"].stringValue, let name = summary[member: "Name"].stringValue,
            let arn = summary[member: "ARN"].stringValue
        else { return reader }
        let answer = await reader.json(
            .wafv2, "GetWebACL", ["Name": .string(name), "Scope": .string(scope), "Id": .string(id)], resource: arn)
        let acl = answer?[member: "WebACL"]
        var attributes: [String: Value] = [
            "id": .string(id), "arn": .string(arn), "name": .string(name), "scope": .string(scope),
            "description": .string(summary[member: "Description"].stringValue ?? ""),
        ]
        if let acl {
            attributes["default_action"] = .block(action(acl[member: "DefaultAction"]))
            attributes["rule"] = .list((acl[member: "Rules"].elements ?? []).map(rule))
            attributes["visibility_config"] = visibility(acl[member: "VisibilityConfig"])
            attributes["capacity"] = .sent(acl[member: "Capacity"])
        } else {
            for key in ["default_action", "rule", "visibility_config", "capacity"] { attributes[key] = .unknown }
        }
        reader.add(
            LiveResource(
                type: "aws_wafv2_web_acl", id: arn, name: name, originID: arn, region: global ? nil : region,
                attributes: attributes))
        return reader
    }

    /// A rule as Terraform's `rule` block holds it: name, priority, action or override action, the kind of its
    /// top-level statement (with the managed rule group or rate limit it names) and its visibility.
    static func rule(_ rule: Value) -> Value {
        var block: [String: Value] = [
            "name": rule[member: "Name"], "priority": rule[member: "Priority"],
            "action": rule[member: "Action"].members.map { Value.block(action(.object($0))) } ?? .list([]),
            "override_action": rule[member: "OverrideAction"].members.map { Value.block(action(.object($0))) } ?? .list([]),
            "visibility_config": visibility(rule[member: "VisibilityConfig"]),
        ]
        var statement: [String: Value] = [:]
        for (kind, body) in rule[member: "Statement"].members ?? [:] {
            var inner: [String: Value] = [:]
            for (member, field) in [
                ("Name", "name"), ("VendorName", "vendor_name"), ("Version", "version"), ("ARN", "arn"),
                ("Limit", "limit"), ("AggregateKeyType", "aggregate_key_type"),
            ] where body[member: member] != .null {
                inner[field] = body[member: member]
            }
            statement[snakeCase(kind)] = .block(inner)
        }
        block["statement"] = .block(statement)
        return .object(block)
    }

    /// `{"Block": {}}` → `["block": [{}]]`, as Terraform writes an action.
    static func action(_ value: Value) -> [String: Value] {
        var out: [String: Value] = [:]
        for key in (value.members ?? [:]).keys { out[snakeCase(key)] = .block([:]) }
        return out
    }

    static func visibility(_ value: Value) -> Value {
        guard value.members != nil else { return .unknown }
        return .block([
            "cloudwatch_metrics_enabled": .sent(value[member: "CloudWatchMetricsEnabled"]),
            "metric_name": .sent(value[member: "MetricName"]),
            "sampled_requests_enabled": .sent(value[member: "SampledRequestsEnabled"]),
        ])
    }

    /// `ManagedRuleGroupStatement` → `managed_rule_group_statement`, `IPSetReferenceStatement` → `ip_set_reference_statement`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    out.append("_")
                }
            }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }

    /// An ARN's path after its resource type (`…:loadbalancer/app/web/1234` → `app_web_1234`), for names.
    static func name(_ arn: String) -> String {
        let path = arn.split(separator: "/").dropFirst().joined(separator: "_")
        return path.isEmpty ? arn : path
    }
}
