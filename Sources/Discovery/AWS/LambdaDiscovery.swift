import AWS
import CloudHTTP
import Foundation
import Model

/// Lambda functions in one region and who may invoke them: one paginated list, then one GetPolicy call per
/// function (the resource policy becomes Terraform's `aws_lambda_permission`, one per statement). Environment
/// variable values are never copied: only their names, the values unknown.
enum LambdaDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let functions =
            (await reader.restJSONPages(
                .lambda, "ListFunctions", path: "/2015-03-31/functions/", token: "Marker", field: "NextMarker") ?? [])
            .flatMap { $0[member: "Functions"].elements ?? [] }
        await reader.gather(functions) { function in await self.function(function, client: client, account: account, region: region) }
        return reader
    }

    static func function(_ function: Value, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let name = function[member: "FunctionName"].stringValue else { return reader }
        let arn = function[member: "FunctionArn"].stringValue ?? reader.arn("lambda", "function:\(name)")
        let vpc = function[member: "VpcConfig"]
        let subnets = (vpc[member: "SubnetIds"].elements ?? []).compactMap(\.stringValue)
        let groups = (vpc[member: "SecurityGroupIds"].elements ?? []).compactMap(\.stringValue)
        let variables = function[member: "Environment"][member: "Variables"].members ?? [:]
        let dlq = function[member: "DeadLetterConfig"][member: "TargetArn"]
        var edges = groups.map { LiveResource.Edge(attribute: "vpc_config.security_group_ids", type: "aws_security_group", id: $0) }
        if let role = function[member: "Role"].stringValue {
            edges.append(.init(attribute: "role", type: "aws_iam_role", id: role.split(separator: "/").last.map(String.init) ?? role))
        }
        reader.add(
            LiveResource(
                type: "aws_lambda_function", id: name, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(name), "arn": .string(arn), "function_name": .string(name),
                    "runtime": function[member: "Runtime"], "handler": function[member: "Handler"],
                    "role": function[member: "Role"], "package_type": .string(function[member: "PackageType"].stringValue ?? "Zip"),
                    "memory_size": function[member: "MemorySize"], "timeout": function[member: "Timeout"],
                    "kms_key_arn": function[member: "KMSKeyArn"],
                    "tracing_config": .block([
                        "mode": .string(function[member: "TracingConfig"][member: "Mode"].stringValue ?? "PassThrough")
                    ]),
                    "vpc_config": subnets.isEmpty && groups.isEmpty
                        ? .list([]) : .block(["subnet_ids": .strings(subnets), "security_group_ids": .strings(groups)]),
                    "dead_letter_config": dlq.isNull ? .list([]) : .block(["target_arn": dlq]),
                    "environment": variables.isEmpty
                        ? .list([]) : .block(["variables": .map(variables.mapValues { _ in Value.unknown })]),
                    // Neither is in the list answer; each would cost a call per function.
                    "reserved_concurrent_executions": .unknown, "code_signing_config_arn": .unknown,
                ], edges: edges))
        let policy = await reader.restJSON(
            .lambda, "GetPolicy", path: "/2015-03-31/functions/\(name)/policy", resource: name,
            absent: ["ResourceNotFoundException", "NotFound"])
        guard let text = policy?[member: "Policy"].stringValue,
            let document = try? JSONBody.decode(Data(text.utf8))
        else { return reader }
        for statement in document[member: "Statement"].elements ?? [] {
            let sid = statement[member: "Sid"].stringValue ?? "statement"
            let principal = statement[member: "Principal"]
            let principalText =
                principal.stringValue ?? principal[member: "Service"].stringValue ?? principal[member: "AWS"].stringValue
            let source = statement[member: "Condition"][member: "ArnLike"][member: "AWS:SourceArn"]
            reader.add(
                LiveResource(
                    type: "aws_lambda_permission", id: "\(name)/\(sid)", name: "\(name)_\(sid)", originID: "\(arn)|\(sid)",
                    region: region,
                    attributes: [
                        "id": .string(sid), "statement_id": .string(sid), "function_name": .string(name),
                        "action": statement[member: "Action"], "principal": .string(principalText),
                        "source_arn": source,
                        "source_account": statement[member: "Condition"][member: "StringEquals"][member: "AWS:SourceAccount"],
                    ], edges: [.init(attribute: "function_name", type: "aws_lambda_function", id: name)]))
        }
        return reader
    }
}
