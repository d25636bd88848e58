import AWS
import Model

/// The CIS monitoring pieces in one region: CloudWatch metric alarms and CloudWatch Logs metric filters, one
/// paginated call each.
enum MonitoringDiscovery {
    static func alarms(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let alarms = (await reader.queryPages(.cloudwatch, "DescribeAlarms", ["MaxRecords": "100"], token: "NextToken") ?? [])
            .flatMap { $0.all("DescribeAlarmsResult/MetricAlarms/member") }
        for alarm in alarms {
            guard let name = alarm.string("AlarmName") else { continue }
            let arn = alarm.string("AlarmArn") ?? reader.arn("cloudwatch", "alarm:\(name)")
            let actions = alarm.all("AlarmActions/member").map(\.text)
            reader.add(
                LiveResource(
                    type: "aws_cloudwatch_metric_alarm", id: name, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "alarm_name": .string(name),
                        "actions_enabled": .bool(alarm.bool("ActionsEnabled") ?? true),
                        "alarm_actions": .strings(actions),
                        "metric_name": .string(alarm.string("MetricName")), "namespace": .string(alarm.string("Namespace")),
                        "statistic": .string(alarm.string("Statistic")),
                        "comparison_operator": .string(alarm.string("ComparisonOperator")),
                        "threshold": .number(alarm.number("Threshold")),
                        "evaluation_periods": .number(alarm.number("EvaluationPeriods")),
                        "period": .number(alarm.number("Period")),
                    ],
                    edges: actions.filter { $0.hasPrefix("arn:aws:sns:") }.map {
                        .init(attribute: "alarm_actions", type: "aws_sns_topic", id: $0)
                    }))
        }
        return reader
    }

    static func metricFilters(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let filters = (await reader.jsonPages(.logs, "DescribeMetricFilters", ["limit": .number(50)], token: "nextToken") ?? [])
            .flatMap { $0[member: "metricFilters"].elements ?? [] }
        for filter in filters {
            guard let name = filter[member: "filterName"].stringValue, let group = filter[member: "logGroupName"].stringValue
            else { continue }
            let transformations: [Value] = (filter[member: "metricTransformations"].elements ?? []).map {
                .object([
                    "name": $0[member: "metricName"], "namespace": $0[member: "metricNamespace"],
                    "value": $0[member: "metricValue"],
                ])
            }
            let key = "\(group):\(name)"
            reader.add(
                LiveResource(
                    type: "aws_cloudwatch_log_metric_filter", id: key, name: name,
                    originID: reader.arn("logs", "log-group:\(group):metric-filter:\(name)"), region: region,
                    attributes: [
                        "id": .string(name), "name": .string(name), "log_group_name": .string(group),
                        "pattern": filter[member: "filterPattern"], "metric_transformation": .list(transformations),
                    ],
                    edges: [
                        .init(attribute: "log_group_name", type: "aws_cloudwatch_log_group", id: reader.arn("logs", "log-group:\(group)"))
                    ]))
        }
        return reader
    }
}
