import AWS
import Model

/// Whether Security Hub is enabled in one region (DescribeHub, one call): enabled, it is the Terraform resource
/// `aws_securityhub_account`; not subscribed (`InvalidAccessException`), there is no such resource.
enum SecurityHubDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard
            let hub = await reader.restJSON(
                .securityhub, "DescribeHub", path: "/accounts", resource: nil, absent: ["InvalidAccessException"])
        else { return reader }
        let arn = hub[member: "HubArn"].stringValue ?? reader.arn("securityhub", "hub/default")
        reader.add(
            LiveResource(
                type: "aws_securityhub_account", id: arn, name: "account_\(region)", originID: arn, region: region,
                attributes: [
                    "id": .string(account), "arn": .string(arn),
                    "auto_enable_controls": .sent(hub[member: "AutoEnableControls"]),
                    "control_finding_generator": .sent(hub[member: "ControlFindingGenerator"]),
                ]))
        return reader
    }
}
