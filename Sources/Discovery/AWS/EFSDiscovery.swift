import AWS
import Model

/// EFS file systems in one region, one paginated call.
enum EFSDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let systems =
            (await reader.restJSONPages(
                .efs, "DescribeFileSystems", path: "/2015-02-01/file-systems", token: "Marker", field: "NextMarker") ?? [])
            .flatMap { $0[member: "FileSystems"].elements ?? [] }
        for system in systems {
            guard let id = system[member: "FileSystemId"].stringValue else { continue }
            let arn = system[member: "FileSystemArn"].stringValue ?? reader.arn("elasticfilesystem", "file-system/\(id)")
            var edges: [LiveResource.Edge] = []
            if let key = system[member: "KmsKeyId"].stringValue {
                edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key))
            }
            reader.add(
                LiveResource(
                    type: "aws_efs_file_system", id: id, name: id, originID: arn, region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(arn), "creation_token": system[member: "CreationToken"],
                        "encrypted": .bool(system[member: "Encrypted"].boolValue ?? false),
                        "kms_key_id": system[member: "KmsKeyId"],
                        "performance_mode": system[member: "PerformanceMode"],
                        "throughput_mode": system[member: "ThroughputMode"],
                        "availability_zone_name": system[member: "AvailabilityZoneName"],
                        // Always in the answer; if it is not, the count is unknown rather than none.
                        "number_of_mount_targets": system[member: "NumberOfMountTargets"].numberValue.map(Value.number)
                            ?? .unknown,
                        "tags": SecretsManagerDiscovery.tags(system[member: "Tags"]),
                    ], edges: edges))
        }
        return reader
    }
}
