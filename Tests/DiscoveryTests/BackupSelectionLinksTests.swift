import Model
import Testing

@testable import Discovery

/// AWS Backup selections reach the resources their ARN patterns and tags pick; what cannot be resolved (conditions,
/// an unread region) is linked through a selection whose settings are unknown.
@Suite("Backup selection links")
struct BackupSelectionLinksTests {
    func resource(_ type: String, _ arn: String, region: String = "us-east-1", tags: [String: String] = [:]) -> LiveResource {
        LiveResource(
            type: type, id: arn, name: arn, originID: arn, region: region,
            attributes: ["arn": .string(arn), "tags": .map(tags.mapValues(Value.string))])
    }

    func selection(
        _ id: String, resources: [String] = [], not: [String] = [], tags: [(String, String)] = [], conditions: Bool = false
    ) -> LiveResource {
        LiveResource(
            type: "aws_backup_selection", id: id, name: id, originID: id, region: "us-east-1",
            attributes: [
                "name": .string(id), "resources": .strings(resources), "not_resources": .strings(not),
                "selection_tag": .list(
                    tags.map { .object(["type": .string("STRINGEQUALS"), "key": .string($0.0), "value": .string($0.1)]) }),
                "condition": conditions
                    ? .block(["string_equals": .list([.object(["key": .string("aws:ResourceTag/env"), "value": .string("prod")])])])
                    : .list([]),
            ])
    }

    func targets(_ live: [LiveResource], of id: String) -> Set<String> {
        Set(live.first { $0.id == id }?.edges.map(\.id) ?? [])
    }

    @Test func wildcardsTagsAndExclusionsPickTheResources() {
        let db = resource("aws_db_instance", "arn:aws:rds:us-east-1:123456789012:db:orders")
        let scratch = resource("aws_db_instance", "arn:aws:rds:us-east-1:123456789012:db:scratch")
        let table = resource("aws_dynamodb_table", "arn:aws:dynamodb:us-east-1:123456789012:table/t", tags: ["backup": "daily"])
        let volume = resource("aws_ebs_volume", "arn:aws:ec2:us-east-1:123456789012:volume/vol-1")
        let elsewhere = resource("aws_db_instance", "arn:aws:rds:eu-west-1:123456789012:db:orders", region: "eu-west-1")
        var live = [
            db, scratch, table, volume, elsewhere,
            selection("rds", resources: ["arn:aws:rds:*:*:db:*"], not: ["arn:aws:rds:*:*:db:scratch"]),
            selection("tagged", tags: [("backup", "daily"), ("backup", "weekly")]),
        ]
        BackupSelectionLinks.link(&live, errors: [], regions: ["us-east-1", "eu-west-1"], read: true)
        #expect(targets(live, of: "rds") == [db.id])
        #expect(targets(live, of: "tagged") == [table.id])
        #expect(!live.contains { $0.id.hasPrefix("unread/") })
    }

    @Test func conditionsAndUnreadRegionsLinkAnUnknownSelection() {
        let db = resource("aws_db_instance", "arn:aws:rds:us-east-1:123456789012:db:orders")
        let other = resource("aws_ebs_volume", "arn:aws:ec2:eu-west-1:123456789012:volume/vol-2", region: "eu-west-1")
        var live = [db, other, selection("conditional", resources: ["*"], conditions: true)]
        let denied = DiscoveryError(
            .accessDenied, service: "backup", region: "eu-west-1", operation: "ListBackupPlans", apiCode: "AccessDenied",
            underlying: nil)
        BackupSelectionLinks.link(&live, errors: [denied], regions: ["us-east-1", "eu-west-1"], read: true)
        #expect(targets(live, of: "conditional").isEmpty)
        let placeholder = live.first { $0.id == "conditional/conditions" }
        #expect(placeholder?.attributes["name"] == .unknown && placeholder?.edges.map(\.id) == [db.id])
        #expect(targets(live, of: "unread/eu-west-1") == [other.id])
        #expect(live.first { $0.id == "unread/us-east-1" } == nil)
    }

    @Test func globsMatchAsAWSBackupReadsThem() {
        #expect(BackupSelectionLinks.matches("arn:aws:rds:us-east-1:1:db:a", pattern: "*"))
        #expect(BackupSelectionLinks.matches("arn:aws:rds:us-east-1:1:db:a", pattern: "arn:aws:rds:*:*:db:*"))
        #expect(!BackupSelectionLinks.matches("arn:aws:rds:us-east-1:1:cluster:a", pattern: "arn:aws:rds:*:*:db:*"))
        #expect(BackupSelectionLinks.matches("arn:aws:rds:us-east-1:1:db:a", pattern: "arn:aws:rds:us-east-1:1:db:a"))
        #expect(!BackupSelectionLinks.matches("arn:aws:rds:us-east-1:1:db:ab", pattern: "arn:aws:rds:us-east-1:1:db:a"))
    }
}
