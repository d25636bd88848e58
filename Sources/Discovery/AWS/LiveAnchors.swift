import Model

/// The account and each region read, as data sources that account-level checks start from. Questions such as "does a
/// trail's log group have a CIS metric filter with an alarm?" or "is GuardDuty enabled in this region?" have no
/// Terraform resource of their own, and a missing detector can only fail on something that exists.
///
/// `data.aws_live_account` refers to every trail (`trail`), role (`role`), user, group and role policy attachment
/// (`user_policy_attachment`, `group_policy_attachment`, `role_policy_attachment`), SAML provider (`saml_provider`)
/// and the organization (`organization`); each `data.aws_live_region` to that region's GuardDuty detectors, Config
/// recorder statuses, Security Hub, backup vaults, RDS event subscriptions and Access Analyzer analyzers
/// (`guardduty_detector`, `config_recorder`, `securityhub_account`, `backup_vault`, `db_event_subscription`,
/// `accessanalyzer_analyzer`). `<service>_unread` is false
/// when the reads a check relies on answered and unknown
/// otherwise, so a check that finds nothing says UNKNOWN, not FAILED, when those reads failed or were not selected.
enum LiveAnchors {
    /// Per-region links: the edge attribute, the linked type, the discovery service that reads it.
    static let regional: [(attribute: String, type: String, service: String)] = [
        ("guardduty_detector", "aws_guardduty_detector", "guardduty"),
        ("config_recorder", "aws_config_configuration_recorder_status", "config"),
        ("securityhub_account", "aws_securityhub_account", "securityhub"),
        ("backup_vault", "aws_backup_vault", "backup"),
        ("db_event_subscription", "aws_db_event_subscription", "rds"),
        ("accessanalyzer_analyzer", "aws_accessanalyzer_analyzer", "accessanalyzer"),
    ]
    /// The services the CIS monitoring chain (trail → log group → metric filter → alarm → topic → subscription) reads.
    static let monitoring: Set<String> = ["cloudtrail", "logs", "cloudwatch", "sns"]

    /// The anchors for `account` and `regions`, given what was read, what failed and which services were selected.
    static func anchors(
        live: [LiveResource], errors: [DiscoveryError], account: String, regions: [String], selected: Set<String>
    ) -> [LiveResource] {
        func unread(_ services: Set<String>, region: String?) -> Value {
            let complete =
                services.isSubset(of: selected)
                && !errors.contains { services.contains($0.service) && (region == nil || $0.region == region) }
            return complete ? .bool(false) : .unknown
        }
        let linked: [(attribute: String, type: String)] = [
            ("trail", "aws_cloudtrail"), ("role_policy_attachment", "aws_iam_role_policy_attachment"),
            ("user_policy_attachment", "aws_iam_user_policy_attachment"),
            ("group_policy_attachment", "aws_iam_group_policy_attachment"), ("role", "aws_iam_role"),
            ("saml_provider", "aws_iam_saml_provider"),
            ("organization", "aws_organizations_organization"),
        ]
        let accountEdges = linked.flatMap { link in
            live.filter { $0.type == link.type }.map { LiveResource.Edge(attribute: link.attribute, type: link.type, id: $0.id) }
        }
        var anchors = [
            LiveResource(
                mode: .data, type: "aws_live_account", id: account, name: "account_\(account)",
                originID: "arn:aws:iam::\(account):root", region: nil,
                attributes: [
                    "id": .string(account), "account_id": .string(account),
                    "monitoring_unread": unread(monitoring, region: nil), "iam_unread": unread(["iam"], region: nil),
                    "cloudtrail_unread": unread(["cloudtrail"], region: nil),
                    "organizations_unread": unread(["organizations"], region: nil),
                ],
                edges: accountEdges)
        ]
        for region in regions {
            var attributes: [String: Value] = ["id": .string(region), "name": .string(region)]
            var edges: [LiveResource.Edge] = []
            for link in regional {
                attributes["\(link.service)_unread"] = unread([link.service], region: region)
                edges += live.filter { $0.type == link.type && $0.region == region }.map {
                    .init(attribute: link.attribute, type: link.type, id: $0.id)
                }
            }
            anchors.append(
                LiveResource(
                    mode: .data, type: "aws_live_region", id: region, name: region,
                    originID: "arn:aws:iam::\(account):root/\(region)", region: region, attributes: attributes,
                    edges: edges))
        }
        return anchors
    }

    /// Marks each trail whose bucket is not among the resources read: `s3_bucket_unread` is unknown when the bucket
    /// list was not read (S3 not selected, or ListBuckets failed), so the trail-bucket checks say UNKNOWN rather than
    /// judging the bucket to be another account's; false otherwise.
    static func markTrailBuckets(_ live: inout [LiveResource], errors: [DiscoveryError], selected: Set<String>) {
        let listed = selected.contains("s3") && !errors.contains { $0.service == "s3" && $0.operation == "ListBuckets" }
        let buckets = Set(live.filter { $0.type == "aws_s3_bucket" }.map(\.id))
        for index in live.indices where live[index].type == "aws_cloudtrail" {
            let bucket = live[index].attributes["s3_bucket_name"]?.stringValue
            let found = bucket.map { buckets.contains($0) } ?? true
            live[index].attributes["s3_bucket_unread"] = found || listed ? .bool(false) : .unknown
        }
    }

    /// Links every alarm to the metric filters that publish its metric (same region, metric name and namespace), as
    /// `metric_name = aws_cloudwatch_log_metric_filter.x.metric_transformation[0].name` does in Terraform.
    static func linkAlarms(_ live: inout [LiveResource]) {
        var filters: [String: [String]] = [:]
        for resource in live where resource.type == "aws_cloudwatch_log_metric_filter" {
            for metric in resource.attributes["metric_transformation"]?.elements ?? [] {
                guard let name = metric[member: "name"].stringValue else { continue }
                let key = [resource.region ?? "", name, metric[member: "namespace"].stringValue ?? ""]
                filters[key.joined(separator: "\u{0}"), default: []].append(resource.id)
            }
        }
        for index in live.indices where live[index].type == "aws_cloudwatch_metric_alarm" {
            let alarm = live[index]
            guard let metric = alarm.attributes["metric_name"]?.stringValue else { continue }
            let key = [alarm.region ?? "", metric, alarm.attributes["namespace"]?.stringValue ?? ""]
            for id in filters[key.joined(separator: "\u{0}")] ?? [] {
                live[index].edges.append(.init(attribute: "metric_name", type: "aws_cloudwatch_log_metric_filter", id: id))
            }
        }
    }
}
