import AWS
import Model

/// AWS Config recorders and their status in one region: two calls for the region.
enum ConfigDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let recorders = await reader.call("config", "DescribeConfigurationRecorders") { () async throws(AWSError) -> Value in
            try await client.json(service: .config, target: "DescribeConfigurationRecorders", region: region)
        }
        for recorder in recorders?.members?["ConfigurationRecorders"]?.elements ?? [] {
            guard let r = recorder.members, let name = r["name"]?.stringValue else { continue }
            let group = r["recordingGroup"]?.members ?? [:]
            reader.add(
                LiveResource(
                    type: "aws_config_configuration_recorder", id: "\(region)/\(name)", name: "\(name)_\(region)",
                    originID: reader.arn("config", "configuration-recorder/\(name)"), region: region,
                    attributes: [
                        "id": .string(name), "name": .string(name), "role_arn": r["roleARN"] ?? .null,
                        "recording_group": .block([
                            "all_supported": group["allSupported"] ?? .bool(true),
                            "include_global_resource_types": group["includeGlobalResourceTypes"] ?? .bool(false),
                            "resource_types": group["resourceTypes"] ?? .list([]),
                        ]),
                    ]))
        }
        let statuses = await reader.call("config", "DescribeConfigurationRecorderStatus") { () async throws(AWSError) -> Value in
            try await client.json(service: .config, target: "DescribeConfigurationRecorderStatus", region: region)
        }
        for status in statuses?.members?["ConfigurationRecordersStatus"]?.elements ?? [] {
            guard let s = status.members, let name = s["name"]?.stringValue else { continue }
            reader.add(
                LiveResource(
                    type: "aws_config_configuration_recorder_status", id: "\(region)/\(name)",
                    name: "\(name)_\(region)", originID: reader.arn("config", "configuration-recorder/\(name)"),
                    region: region,
                    attributes: [
                        "id": .string(name), "name": .string(name),
                        "is_enabled": .bool(s["recording"]?.boolValue ?? false),
                        "last_status": s["lastStatus"] ?? .null,
                    ],
                    edges: [
                        .init(
                            attribute: "name", type: "aws_config_configuration_recorder",
                            id: "\(region)/\(name)")
                    ]))
        }
        return reader
    }
}
