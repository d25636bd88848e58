import AWS
import Model

/// SNS topics in one region: the list names topics only, so each gets one GetTopicAttributes call. Subscriptions
/// come from one paginated list for the region.
enum SNSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let topics = (await reader.queryPages(.sns, "ListTopics", token: "NextToken") ?? []).flatMap {
            $0.all("ListTopicsResult/Topics/member").compactMap { $0.string("TopicArn") }
        }
        await reader.gather(topics) { arn in await topic(arn, client: client, account: account, region: region) }
        await subscriptions(&reader)
        return reader
    }

    /// Confirmed subscriptions (a pending one has no ARN yet and delivers nothing). The endpoint is not copied: an
    /// HTTP endpoint's URL can carry a token, and the checks ask only about the protocol.
    static func subscriptions(_ reader: inout ServiceReader) async {
        let region = reader.region
        let pages = await reader.queryPages(.sns, "ListSubscriptions", token: "NextToken") ?? []
        for item in pages.flatMap({ $0.all("ListSubscriptionsResult/Subscriptions/member") }) {
            guard let arn = item.string("SubscriptionArn"), arn.hasPrefix("arn:"), let topic = item.string("TopicArn")
            else { continue }
            let name = arn.split(separator: ":").suffix(2).joined(separator: "_")
            reader.add(
                LiveResource(
                    type: "aws_sns_topic_subscription", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(arn), "arn": .string(arn), "topic_arn": .string(topic),
                        "protocol": .string(item.string("Protocol")), "endpoint": .unknown,
                        "owner_id": .string(item.string("Owner")),
                    ],
                    edges: [.init(attribute: "topic_arn", type: "aws_sns_topic", id: topic)]))
        }
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
