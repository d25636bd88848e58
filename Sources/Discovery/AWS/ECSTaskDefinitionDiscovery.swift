import AWS
import CloudHTTP
import Foundation
import Model

/// ECS task definitions in one region: the active families (one paginated list), then the latest active revision of
/// each (one DescribeTaskDefinition per family). `container_definitions` is the JSON text Terraform stores, except
/// that environment variables keep their names only: their values are secrets-prone and never leave the API answer.
enum ECSTaskDefinitionDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let families =
            (await reader.jsonPages(
                .ecs, "ListTaskDefinitionFamilies", ["status": .string("ACTIVE"), "maxResults": .number(100)], token: "nextToken")
            ?? []).flatMap { ($0[member: "families"].elements ?? []).compactMap(\.stringValue) }
        await reader.gather(families) { family in await taskDefinition(family, client: client, account: account, region: region) }
        return reader
    }

    static func taskDefinition(_ family: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard
            let answer = await reader.json(
                .ecs, "DescribeTaskDefinition", ["taskDefinition": .string(family), "include": .strings(["TAGS"])], resource: family)
        else {
            let attributes: [String: Value] = [
                "id": .string(family), "family": .string(family), "container_definitions": .unknown, "network_mode": .unknown,
                "pid_mode": .unknown, "volume": .unknown, "revision": .unknown,
            ]
            reader.notRead(
                LiveResource(
                    type: "aws_ecs_task_definition", id: family, name: family,
                    originID: reader.arn("ecs", "task-definition/\(family)"), region: region, attributes: attributes),
                keep: ["id", "family"], checked: true)
            return reader
        }
        reader.add(resource(answer[member: "taskDefinition"], tags: answer[member: "tags"], family: family, reader: reader))
        return reader
    }

    /// A task definition as Terraform's `aws_ecs_task_definition` (id: the family).
    static func resource(_ definition: Value, tags: Value, family: String, reader: ServiceReader) -> LiveResource {
        let revision = definition[member: "revision"].numberValue.map { Int($0) }
        let arn =
            definition[member: "taskDefinitionArn"].stringValue
            ?? reader.arn("ecs", "task-definition/\(family):\(revision.map(String.init) ?? "latest")")
        let containers = redacted(definition[member: "containerDefinitions"])
        let text = (try? JSONBody.encode(containers)).flatMap { String(data: $0, encoding: .utf8) }
        let volumes: [Value] = (definition[member: "volumes"].elements ?? []).map { volume in
            let efs = volume[member: "efsVolumeConfiguration"]
            let authorization = efs[member: "authorizationConfig"]
            return .object([
                "name": volume[member: "name"], "host_path": volume[member: "host"][member: "sourcePath"],
                "efs_volume_configuration": efs.isNull
                    ? .list([])
                    : .block([
                        "file_system_id": efs[member: "fileSystemId"], "root_directory": efs[member: "rootDirectory"],
                        "transit_encryption": efs[member: "transitEncryption"],
                        "transit_encryption_port": efs[member: "transitEncryptionPort"],
                        "authorization_config": authorization.isNull
                            ? .list([])
                            : .block(["access_point_id": authorization[member: "accessPointId"], "iam": authorization[member: "iam"]]),
                    ]),
            ])
        }
        var edges: [LiveResource.Edge] = []
        for (attribute, role) in [("execution_role_arn", "executionRoleArn"), ("task_role_arn", "taskRoleArn")] {
            if let text = definition[member: role].stringValue {
                edges.append(
                    .init(attribute: attribute, type: "aws_iam_role", id: text.split(separator: "/").last.map(String.init) ?? text))
            }
        }
        for volume in definition[member: "volumes"].elements ?? [] {
            if let system = volume[member: "efsVolumeConfiguration"][member: "fileSystemId"].stringValue {
                edges.append(.init(attribute: "volume.efs_volume_configuration.file_system_id", type: "aws_efs_file_system", id: system))
            }
        }
        return LiveResource(
            type: "aws_ecs_task_definition", id: family, name: family, originID: arn, region: reader.region,
            attributes: [
                "id": .string(family), "arn": .string(arn), "family": .string(family),
                "revision": revision.map { Value.number(Double($0)) } ?? .unknown,
                "container_definitions": text.map(Value.string) ?? .unknown,
                "network_mode": definition[member: "networkMode"], "pid_mode": definition[member: "pidMode"],
                "ipc_mode": definition[member: "ipcMode"],
                "requires_compatibilities": .strings(
                    (definition[member: "requiresCompatibilities"].elements ?? []).compactMap(\.stringValue)),
                "cpu": definition[member: "cpu"], "memory": definition[member: "memory"],
                "execution_role_arn": definition[member: "executionRoleArn"], "task_role_arn": definition[member: "taskRoleArn"],
                "volume": .list(volumes), "tags": SecretsManagerDiscovery.tags(Self.capitalised(tags)),
            ], edges: edges)
    }

    /// The container definitions with each environment variable's value removed (its name kept).
    static func redacted(_ containers: Value) -> Value {
        .list(
            (containers.elements ?? []).map { container in
                guard var members = container.members else { return container }
                if let environment = members["environment"]?.elements {
                    members["environment"] = .list(
                        environment.map { variable in .object(["name": variable[member: "name"]]) })
                }
                return .object(members)
            })
    }

    /// ECS tags (`key`/`value`) in the `Key`/`Value` shape the shared tag reader takes.
    static func capitalised(_ tags: Value) -> Value {
        .list((tags.elements ?? []).map { .object(["Key": $0[member: "key"], "Value": $0[member: "value"]]) })
    }
}
