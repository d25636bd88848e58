import AWS
import Model

/// SQS queues in one region: the list gives URLs only, so each queue gets one GetQueueAttributes call.
enum SQSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let urls = (await reader.jsonPages(.sqs, "ListQueues", ["MaxResults": .number(1000)]) ?? []).flatMap {
            ($0[member: "QueueUrls"].elements ?? []).compactMap(\.stringValue)
        }
        await reader.gather(urls) { url in await queue(url, client: client, account: account, region: region) }
        return reader
    }

    static func queue(_ url: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let name = url.split(separator: "/").last.map(String.init) ?? url
        let answer = await reader.json(
            .sqs, "GetQueueAttributes", ["QueueUrl": .string(url), "AttributeNames": .list([.string("All")])], resource: url)
        let settings = answer?[member: "Attributes"].members ?? [:]
        func setting(_ key: String) -> Value { answer == nil ? .unknown : settings[key] ?? .null }
        func number(_ key: String) -> Value {
            answer == nil ? .unknown : .number(settings[key]?.stringValue.flatMap { Double($0) })
        }
        let arn = settings["QueueArn"]?.stringValue ?? reader.arn("sqs", name)
        reader.add(
            LiveResource(
                type: "aws_sqs_queue", id: url, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(url), "url": .string(url), "arn": .string(arn), "name": .string(name),
                    "kms_master_key_id": setting("KmsMasterKeyId"),
                    "sqs_managed_sse_enabled": answer == nil ? .unknown : .bool(settings["SqsManagedSseEnabled"]?.stringValue == "true"),
                    "policy": setting("Policy"),
                    "fifo_queue": answer == nil ? .unknown : .bool(settings["FifoQueue"]?.stringValue == "true"),
                    "visibility_timeout_seconds": number("VisibilityTimeout"),
                    "message_retention_seconds": number("MessageRetentionPeriod"),
                    "delay_seconds": number("DelaySeconds"),
                ]))
        return reader
    }
}
