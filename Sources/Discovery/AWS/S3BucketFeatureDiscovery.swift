import AWS
import Model

/// The bucket settings beyond access and encryption that posture checks ask about: object ownership (whether ACLs
/// still apply), lifecycle rules, replication, event notifications and Object Lock. Five more calls per bucket;
/// each one that fails leaves its resource's attributes unknown, never absent.
enum S3BucketFeatureDiscovery {
    /// Reads the five settings of bucket `name` (in `region`) into `reader`; Object Lock goes onto the bucket's own
    /// `object_lock_enabled`, as in the AWS provider.
    static func read(
        _ name: String, region: String, client: AWSClient, reader: inout ServiceReader,
        bucketAttributes: inout [String: Value], split: (String, [String: Value]) -> LiveResource
    ) async {
        func xml(_ subresource: String, _ operation: String, absent: Set<String>) async -> XMLNode? {
            await reader.call("s3", operation, resource: name, absent: absent) { () async throws(AWSError) -> XMLNode in
                try await client.s3XML(bucket: name, query: [(subresource, "")], region: region, operation: operation)
            }
        }
        func notRead(_ type: String, _ attributes: [String]) {
            reader.notRead(split(type, Dictionary(uniqueKeysWithValues: attributes.map { ($0, Value.unknown) })), checked: true)
        }

        if let ownership = await xml("ownershipControls", "GetBucketOwnershipControls", absent: ["OwnershipControlsNotFoundError"]) {
            let rules = ownership.all("Rule").map { Value.object(["object_ownership": .string($0.string("ObjectOwnership"))]) }
            reader.add(split("aws_s3_bucket_ownership_controls", ["rule": .list(rules)]))
        } else if reader.lastCallFailed {
            notRead("aws_s3_bucket_ownership_controls", ["rule"])
        }

        if let lifecycle = await xml("lifecycle", "GetBucketLifecycleConfiguration", absent: ["NoSuchLifecycleConfiguration"]) {
            let rules = lifecycle.all("Rule").map { rule in
                Value.object(["id": .string(rule.string("ID")), "status": .string(rule.string("Status"))])
            }
            reader.add(split("aws_s3_bucket_lifecycle_configuration", ["rule": .list(rules)]))
        } else if reader.lastCallFailed {
            notRead("aws_s3_bucket_lifecycle_configuration", ["rule"])
        }

        if let replication = await xml("replication", "GetBucketReplication", absent: ["ReplicationConfigurationNotFoundError"]) {
            let rules = replication.all("Rule").map { rule in
                Value.object([
                    "id": .string(rule.string("ID")), "status": .string(rule.string("Status")),
                    "destination": .block([
                        "bucket": .string(rule.string("Destination/Bucket")),
                        "storage_class": .string(rule.string("Destination/StorageClass")),
                    ]),
                ])
            }
            reader.add(
                split(
                    "aws_s3_bucket_replication_configuration",
                    ["role": .string(replication.string("Role")), "rule": .list(rules)]))
        } else if reader.lastCallFailed {
            notRead("aws_s3_bucket_replication_configuration", ["role", "rule"])
        }

        // A bucket without notifications answers with an empty configuration, not an error: no resource then.
        if let notification = await xml("notification", "GetBucketNotificationConfiguration", absent: []) {
            func targets(_ element: String, _ arnElement: String, _ attribute: String) -> Value {
                .list(
                    notification.all(element).map { target in
                        .object([
                            "id": .string(target.string("Id")), attribute: .string(target.string(arnElement)),
                            "events": .strings(target.all("Event").map(\.text)),
                        ])
                    })
            }
            let topics = targets("TopicConfiguration", "Topic", "topic_arn")
            let queues = targets("QueueConfiguration", "Queue", "queue_arn")
            let functions = targets("CloudFunctionConfiguration", "CloudFunction", "lambda_function_arn")
            let lambdas = targets("LambdaFunctionConfiguration", "CloudFunction", "lambda_function_arn")
            let eventBridge = notification.child("EventBridgeConfiguration") != nil
            let all = (functions.elements ?? []) + (lambdas.elements ?? [])
            if eventBridge || [topics, queues].contains(where: { $0.elements?.isEmpty == false }) || !all.isEmpty {
                reader.add(
                    split(
                        "aws_s3_bucket_notification",
                        ["topic": topics, "queue": queues, "lambda_function": .list(all), "eventbridge": .bool(eventBridge)]))
            }
        } else if reader.lastCallFailed {
            notRead("aws_s3_bucket_notification", ["topic", "queue", "lambda_function", "eventbridge"])
        }

        if let lock = await xml("object-lock", "GetObjectLockConfiguration", absent: ["ObjectLockConfigurationNotFoundError"]) {
            bucketAttributes["object_lock_enabled"] = .bool(lock.string("ObjectLockEnabled") == "Enabled")
        } else {
            bucketAttributes["object_lock_enabled"] = reader.lastCallFailed ? .unknown : .bool(false)
        }
    }
}
