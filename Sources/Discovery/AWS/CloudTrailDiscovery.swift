import AWS
import Model

/// CloudTrail trails whose home is this region (shadow copies of multi-region trails are skipped); status, event
/// and insight selectors and tags are per-trail calls the API forces.
enum CloudTrailDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard
            let answer = await reader.call(
                "cloudtrail", "DescribeTrails",
                { () async throws(AWSError) -> Value in
                    try await client.json(
                        service: .cloudtrail, target: "DescribeTrails", body: ["includeShadowTrails": .bool(false)],
                        region: region)
                })
        else { return reader }
        for trail in answer.members?["trailList"]?.elements ?? [] {
            guard let t = trail.members, let name = t["Name"]?.stringValue else { continue }
            let arn = t["TrailARN"]?.stringValue ?? reader.arn("cloudtrail", "trail/\(name)")
            let status = await reader.call("cloudtrail", "GetTrailStatus", resource: name) { () async throws(AWSError) -> Value in
                try await client.json(
                    service: .cloudtrail, target: "GetTrailStatus", body: ["Name": .string(arn)],
                    region: region, resource: name)
            }
            let selectors = await reader.call("cloudtrail", "GetEventSelectors", resource: name) { () async throws(AWSError) -> Value in
                try await client.json(
                    service: .cloudtrail, target: "GetEventSelectors", body: ["TrailName": .string(arn)],
                    region: region, resource: name)
            }
            let eventSelectors = (selectors?.members?["EventSelectors"]?.elements ?? []).map { selector -> Value in
                let s = selector.members ?? [:]
                return .object([
                    "read_write_type": s["ReadWriteType"] ?? .string("All"),
                    "include_management_events": s["IncludeManagementEvents"] ?? .bool(true),
                    "data_resource": .list(
                        (s["DataResources"]?.elements ?? []).map { d in
                            .object(["type": d.members?["Type"] ?? .null, "values": d.members?["Values"] ?? .list([])])
                        }),
                ])
            }
            // A trail without Insights answers InsightNotEnabledException: no selectors, not a failure.
            let insights = await reader.call(
                "cloudtrail", "GetInsightSelectors", resource: name, absent: ["InsightNotEnabledException"]
            ) { () async throws(AWSError) -> Value in
                try await client.json(
                    service: .cloudtrail, target: "GetInsightSelectors", body: ["TrailName": .string(arn)],
                    region: region, resource: name)
            }
            let insightsFailed = reader.lastCallFailed
            let insightSelectors = (insights?.members?["InsightSelectors"]?.elements ?? []).map { selector -> Value in
                .object(["insight_type": selector.members?["InsightType"] ?? .null])
            }
            let tagged = await reader.call("cloudtrail", "ListTags", resource: name) { () async throws(AWSError) -> Value in
                try await client.json(
                    service: .cloudtrail, target: "ListTags", body: ["ResourceIdList": .tuple([.string(arn)])],
                    region: region, resource: name)
            }
            var tags: [String: Value] = [:]
            for entry in tagged?.members?["ResourceTagList"]?.elements ?? [] {
                for tag in entry.members?["TagsList"]?.elements ?? [] {
                    if let key = tag.members?["Key"]?.stringValue { tags[key] = tag.members?["Value"] ?? .string("") }
                }
            }
            var edges: [LiveResource.Edge] = []
            if let bucket = t["S3BucketName"]?.stringValue {
                edges.append(.init(attribute: "s3_bucket_name", type: "aws_s3_bucket", id: bucket))
            }
            if let key = t["KmsKeyId"]?.stringValue { edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key)) }
            if let group = t["CloudWatchLogsLogGroupArn"]?.stringValue {
                edges.append(
                    .init(
                        attribute: "cloud_watch_logs_group_arn", type: "aws_cloudwatch_log_group",
                        id: group.hasSuffix(":*") ? String(group.dropLast(2)) : group))
            }
            reader.add(
                LiveResource(
                    type: "aws_cloudtrail", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "name": .string(name), "arn": .string(arn),
                        "home_region": t["HomeRegion"] ?? .string(region),
                        "s3_bucket_name": t["S3BucketName"] ?? .null, "s3_key_prefix": t["S3KeyPrefix"] ?? .null,
                        "is_multi_region_trail": .bool(t["IsMultiRegionTrail"]?.boolValue ?? false),
                        "include_global_service_events": .bool(t["IncludeGlobalServiceEvents"]?.boolValue ?? false),
                        "enable_log_file_validation": .bool(t["LogFileValidationEnabled"]?.boolValue ?? false),
                        "is_organization_trail": .bool(t["IsOrganizationTrail"]?.boolValue ?? false),
                        "kms_key_id": t["KmsKeyId"] ?? .null,
                        "cloud_watch_logs_group_arn": t["CloudWatchLogsLogGroupArn"] ?? .null,
                        "cloud_watch_logs_role_arn": t["CloudWatchLogsRoleArn"] ?? .null,
                        "sns_topic_name": t["SnsTopicName"] ?? .null,
                        "enable_logging": status.map { .bool($0.members?["IsLogging"]?.boolValue ?? false) } ?? .unknown,
                        "event_selector": selectors == nil ? .unknown : .list(eventSelectors),
                        "insight_selector": insightsFailed ? .unknown : .list(insightSelectors),
                        "advanced_event_selector": selectors.map { advanced($0.members?["AdvancedEventSelectors"]) } ?? .unknown,
                        "tags": tagged == nil ? .unknown : .map(tags),
                    ], edges: edges))
        }
        return reader
    }

    /// AdvancedEventSelectors in Terraform's vocabulary: `name` and `field_selector` blocks (`field`, `equals`,
    /// `not_equals`, `starts_with`, `not_starts_with`, `ends_with`, `not_ends_with`).
    static func advanced(_ selectors: Value?) -> Value {
        let operators = [
            "Equals": "equals", "NotEquals": "not_equals", "StartsWith": "starts_with", "NotStartsWith": "not_starts_with",
            "EndsWith": "ends_with", "NotEndsWith": "not_ends_with",
        ]
        return .list(
            (selectors?.elements ?? []).map { selector in
                let fields = (selector.members?["FieldSelectors"]?.elements ?? []).map { field -> Value in
                    var block: [String: Value] = ["field": field.members?["Field"] ?? .null]
                    for (op, name) in operators { block[name] = field.members?[op] ?? .null }
                    return .object(block)
                }
                return .object(["name": selector.members?["Name"] ?? .null, "field_selector": .list(fields)])
            })
    }
}
