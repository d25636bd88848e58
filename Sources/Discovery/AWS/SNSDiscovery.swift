import AWS
import Model

/// SNS topics in one region: the list names topics only, so each gets one GetTopicAttributes call.
enum SNSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let topics = (await reader.queryPages(.sns, "ListTopics", token: "NextToken") ?? []).flatMap {
            $0.all("ListTopicsResult/Topics/member").compactMap { $0.string("TopicArn") }
        }
        await reader.gather(topics) { arn in await topic(arn, client: client, account: account, region: region) }
        return reader
    }

    static func topic(_ arn: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let name = arn.split(separator: ":").last.map(String.init) ?? arn
        let answer = await reader.query(.sns, "GetTopicAttributes", ["TopicArn": arn], resource: arn)
        var settings: [String: String] = [:]
        for entry in answer?.all("GetTopicAttributesResult/Attributes/entry") ?? [] {
            if let key = entry.string("key") { settings[key] = entry.string("value") ?? "" }
        }
        func setting(_ key: String) -> Value {
            guard answer != nil else { return .unknown }
            return settings[key].flatMap { $0.isEmpty ? nil : Value.string($0) } ?? .null
        }
        var edges: [LiveResource.Edge] = []
        if let key = settings["KmsMasterKeyId"], !key.isEmpty {
            let target = key.hasPrefix("arn:") ? key : reader.arn("kms", key.hasPrefix("alias/") ? key : "key/\(key)")
            edges.append(.init(attribute: "kms_master_key_id", type: key.contains("alias/") ? "aws_kms_alias" : "aws_kms_key", id: target))
        }
        reader.add(
            LiveResource(
                type: "aws_sns_topic", id: arn, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(arn), "arn": .string(arn), "name": .string(name),
                    "kms_master_key_id": setting("KmsMasterKeyId"), "policy": setting("Policy"),
                    "display_name": setting("DisplayName"),
                    "fifo_topic": answer == nil ? .unknown : .bool(settings["FifoTopic"] == "true"),
                ], edges: edges))
        return reader
    }
}
