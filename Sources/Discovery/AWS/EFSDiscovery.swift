import AWS
import Model

/// EFS file systems in one region: one paginated call, then each file system's backup and resource policies.
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
        let ids = systems.compactMap { $0[member: "FileSystemId"].stringValue }
        await reader.gather(ids) { id in await policies(id, client: client, account: account, region: region) }
        return reader
    }

    /// The backup policy and the resource policy of file system `id`, each referring to it (two calls: the list does
    /// not carry them). A policy that could not be read is unknown on a placeholder, never absent.
    static func policies(_ id: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        func resource(_ type: String, _ attributes: [String: Value]) -> LiveResource {
            LiveResource(
                type: type, id: id, name: id, originID: reader.arn("elasticfilesystem", "file-system/\(id)"), region: region,
                attributes: attributes.merging(["id": .string(id), "file_system_id": .string(id)]) { first, _ in first },
                edges: [.init(attribute: "file_system_id", type: "aws_efs_file_system", id: id)])
        }
        let path = "/2015-02-01/file-systems/\(id)"
        if let answer = await reader.restJSON(
            .efs, "DescribeBackupPolicy", path: path + "/backup-policy", resource: id, absent: ["PolicyNotFound"])
        {
            let status = answer[member: "BackupPolicy"][member: "Status"]
            reader.add(resource("aws_efs_backup_policy", ["backup_policy": .block(["status": .sent(status)])]))
        } else if reader.lastCallFailed {
            reader.notRead(resource("aws_efs_backup_policy", ["backup_policy": .unknown]), keep: ["id", "file_system_id"], checked: true)
        }
        if let answer = await reader.restJSON(
            .efs, "DescribeFileSystemPolicy", path: path + "/policy", resource: id, absent: ["PolicyNotFound"])
        {
            reader.add(resource("aws_efs_file_system_policy", ["policy": policyText(answer[member: "Policy"].stringValue)]))
        } else if reader.lastCallFailed {
            reader.notRead(resource("aws_efs_file_system_policy", ["policy": .unknown]), keep: ["id", "file_system_id"], checked: true)
        }
        return reader
    }
}
