import AWS
import Model

/// Tags for the types whose own describe calls do not return them, read in bulk per region with the Resource Groups
/// Tagging API (GetResources) instead of one ListTags call per resource.
enum TagBackfill {
    /// Types filled here (their discovery reads no tags of its own), with the Tagging API's resource type filter.
    static let filters: [String: String] = [
        "aws_dynamodb_table": "dynamodb:table", "aws_lb": "elasticloadbalancing:loadbalancer",
        "aws_lb_target_group": "elasticloadbalancing:targetgroup", "aws_lambda_function": "lambda:function",
        "aws_sns_topic": "sns", "aws_sqs_queue": "sqs", "aws_ssm_parameter": "ssm:parameter",
        "aws_cloudwatch_metric_alarm": "cloudwatch:alarm",
    ]

    /// Per region holding a resource that needs its tags, the resource type filters to ask for (only those types,
    /// so the pages hold nothing else).
    static func requests(for live: [LiveResource]) -> [String: Set<String>] {
        var byRegion: [String: Set<String>] = [:]
        for resource in live where needsTags(resource) {
            guard let region = resource.region, let filter = filters[resource.type] else { continue }
            byRegion[region, default: []].insert(filter)
        }
        return byRegion
    }

    /// Every tagged resource of `region` by ARN; nil when the read failed (the reader holds the error, and the
    /// resources' tags stay unread rather than empty).
    static func read(
        client: AWSClient, account: String, region: String, filters: Set<String>
    ) async -> (ServiceReader, [String: Value]?) {
        var reader = ServiceReader(client: client, account: account, region: region)
        let body: [String: Value] = [
            "ResourcesPerPage": .number(100), "ResourceTypeFilters": .list(filters.sorted().map(Value.string)),
        ]
        guard let pages = await reader.jsonPages(.tagging, "GetResources", body, token: "PaginationToken")
        else { return (reader, nil) }
        var tags: [String: Value] = [:]
        for mapping in pages.flatMap({ $0[member: "ResourceTagMappingList"].elements ?? [] }) {
            guard let arn = mapping[member: "ResourceARN"].stringValue else { continue }
            tags[arn] = SecretsManagerDiscovery.tags(mapping[member: "Tags"])
        }
        return (reader, tags)
    }

    /// Sets `tags` on each resource that needs them from its region's map; a resource the API does not list was
    /// never tagged (GetResources lists every resource that has or had tags), so its map is empty.
    static func apply(_ byRegion: [String: [String: Value]], to live: inout [LiveResource]) {
        for index in live.indices where needsTags(live[index]) {
            guard let region = live[index].region, let tags = byRegion[region] else { continue }
            let arn = live[index].attributes["arn"]?.stringValue ?? live[index].originID
            live[index].attributes["tags"] = tags[arn] ?? .map([:])
        }
    }

    private static func needsTags(_ resource: LiveResource) -> Bool {
        resource.mode == .managed && filters[resource.type] != nil && resource.attributes["tags"] == nil
    }
}
