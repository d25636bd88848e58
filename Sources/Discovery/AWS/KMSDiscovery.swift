import AWS
import Model

/// Customer-managed KMS keys in one region. ListKeys says nothing about a key, so each needs DescribeKey, and
/// rotation needs GetKeyRotationStatus (only asked for enabled symmetric customer keys), the key policy GetKeyPolicy
/// and tags ListResourceTags: forced per-key calls.
enum KMSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let pages =
            await reader.call("kms", "ListKeys") { () async throws(AWSError) -> [Value] in
                try await client.jsonPages(
                    service: .kms, target: "ListKeys", body: ["Limit": .number(1000)], region: region,
                    tokenField: "Marker", responseTokenField: "NextMarker")
            } ?? []
        let ids = pages.flatMap { $0.members?["Keys"]?.elements ?? [] }.compactMap { $0.members?["KeyId"]?.stringValue }
        await reader.gather(ids) { id in await key(id, client: client, account: account, region: region) }
        return reader
    }

    static func key(_ id: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard
            let described = await reader.call(
                "kms", "DescribeKey", resource: id,
                { () async throws(AWSError) -> Value in
                    try await client.json(service: .kms, target: "DescribeKey", body: ["KeyId": .string(id)], region: region, resource: id)
                }), let meta = described.members?["KeyMetadata"]?.members
        else { return reader }
        // AWS-managed keys (aws/s3, aws/ebs…) are not Terraform's to manage and rotate on AWS's schedule.
        guard meta["KeyManager"]?.stringValue != "AWS" else { return reader }
        let spec = meta["KeySpec"]?.stringValue ?? meta["CustomerMasterKeySpec"]?.stringValue ?? "SYMMETRIC_DEFAULT"
        let state = meta["KeyState"]?.stringValue ?? ""
        var rotation: Value = .bool(false)
        if spec == "SYMMETRIC_DEFAULT", state == "Enabled" {
            let answer = await reader.call("kms", "GetKeyRotationStatus", resource: id) { () async throws(AWSError) -> Value in
                try await client.json(
                    service: .kms, target: "GetKeyRotationStatus", body: ["KeyId": .string(id)],
                    region: region, resource: id)
            }
            rotation = answer.map { .bool($0.members?["KeyRotationEnabled"]?.boolValue ?? false) } ?? .unknown
        }
        let tagged = await reader.call("kms", "ListResourceTags", resource: id) { () async throws(AWSError) -> Value in
            try await client.json(
                service: .kms, target: "ListResourceTags", body: ["KeyId": .string(id), "Limit": .number(50)],
                region: region, resource: id)
        }
        let tags = tagged.map { answer in
            Value.map(
                Dictionary(
                    (answer.members?["Tags"]?.elements ?? []).compactMap { tag -> (String, Value)? in
                        guard let key = tag.members?["TagKey"]?.stringValue else { return nil }
                        return (key, tag.members?["TagValue"] ?? .string(""))
                    }, uniquingKeysWith: { first, _ in first }))
        }
        // The key policy decides who may use the key; an unread policy is unknown, never absent.
        let policy = await reader.call("kms", "GetKeyPolicy", resource: id) { () async throws(AWSError) -> Value in
            try await client.json(
                service: .kms, target: "GetKeyPolicy", body: ["KeyId": .string(id), "PolicyName": .string("default")],
                region: region, resource: id)
        }
        let arn = meta["Arn"]?.stringValue ?? reader.arn("kms", "key/\(id)")
        reader.add(
            LiveResource(
                type: "aws_kms_key", id: arn, name: id, originID: arn, region: region,
                attributes: [
                    "id": .string(id), "key_id": .string(id), "arn": .string(arn),
                    "description": .sent(meta["Description"]), "key_usage": .sent(meta["KeyUsage"]),
                    "customer_master_key_spec": .string(spec), "is_enabled": .bool(meta["Enabled"]?.boolValue ?? (state == "Enabled")),
                    "key_state": .string(state), "multi_region": .bool(meta["MultiRegion"]?.boolValue ?? false),
                    "enable_key_rotation": rotation, "tags": tags ?? .unknown,
                    "policy": policy.map { $0.members?["Policy"] ?? .null } ?? .unknown,
                ]))
        return reader
    }
}
