import AWS
import Model

/// CloudWatch log groups in one region: one paginated call, and one tag call per group (the API has no bulk form).
enum LogsDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let pages =
            await reader.call("logs", "DescribeLogGroups") { () async throws(AWSError) -> [Value] in
                try await client.jsonPages(
                    service: .logs, target: "DescribeLogGroups", body: ["limit": .number(50)],
                    region: region, tokenField: "nextToken")
            } ?? []
        for group in pages.flatMap({ $0.members?["logGroups"]?.elements ?? [] }) {
            guard let g = group.members, let name = g["logGroupName"]?.stringValue else { continue }
            let arn = reader.arn("logs", "log-group:\(name)")
            let tagged = await reader.call("logs", "ListTagsLogGroup", resource: name) { () async throws(AWSError) -> Value in
                try await client.json(
                    service: .logs, target: "ListTagsLogGroup", body: ["logGroupName": .string(name)], region: region,
                    resource: name)
            }
            var edges: [LiveResource.Edge] = []
            if let key = g["kmsKeyId"]?.stringValue { edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key)) }
            reader.add(
                LiveResource(
                    type: "aws_cloudwatch_log_group", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "name": .string(name), "arn": .string(arn),
                        "retention_in_days": g["retentionInDays"] ?? .number(0),
                        "kms_key_id": g["kmsKeyId"] ?? .null,
                        "log_group_class": .sent(g["logGroupClass"]),
                        "tags": tagged.map { Value.map($0.members?["tags"]?.members ?? [:]) } ?? .unknown,
                    ], edges: edges))
        }
        return reader
    }
}
