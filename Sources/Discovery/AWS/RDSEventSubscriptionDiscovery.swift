import AWS
import Model

/// RDS event subscriptions in one region (one paginated call): which sources and event categories notify whom. The
/// region anchor refers to them, so a region without a subscription for a source type can fail.
enum RDSEventSubscriptionDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let pages = await reader.queryPages(.rds, "DescribeEventSubscriptions") ?? []
        for node in pages.flatMap({ $0.all("DescribeEventSubscriptionsResult/EventSubscriptionsList/EventSubscription") }) {
            guard let name = node.string("CustSubscriptionId") else { continue }
            let arn = node.string("EventSubscriptionArn") ?? reader.arn("rds", "es:\(name)")
            var edges: [LiveResource.Edge] = []
            if let topic = node.string("SnsTopicArn") { edges.append(.init(attribute: "sns_topic", type: "aws_sns_topic", id: topic)) }
            reader.add(
                LiveResource(
                    type: "aws_db_event_subscription", id: name, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "name": .string(name),
                        "sns_topic": .string(node.string("SnsTopicArn")),
                        // Absent when the subscription covers every source type, as in Terraform.
                        "source_type": .string(node.string("SourceType")),
                        "source_ids": .strings(node.all("SourceIdsList/SourceId").map(\.text)),
                        // Empty means every category, as in Terraform.
                        "event_categories": .strings(node.all("EventCategoriesList/EventCategory").map(\.text)),
                        "enabled": .bool(node.bool("Enabled")),
                    ], edges: edges))
        }
        return reader
    }
}
