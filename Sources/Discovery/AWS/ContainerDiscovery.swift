import AWS
import Model

/// ECR repositories (one paginated call, then their lifecycle and repository policies) and ECS clusters (a list,
/// then DescribeClusters in batches of 100 with their settings and execute-command configuration) in one region.
enum ContainerDiscovery {
    static func repositories(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let repositories =
            (await reader.jsonPages(.ecr, "DescribeRepositories", ["maxResults": .number(1000)], token: "nextToken")
            ?? []).flatMap { $0[member: "repositories"].elements ?? [] }
        for repository in repositories {
            guard let arn = repository[member: "repositoryArn"].stringValue,
                let name = repository[member: "repositoryName"].stringValue
            else { continue }
            let encryption = repository[member: "encryptionConfiguration"]
            reader.add(
                LiveResource(
                    type: "aws_ecr_repository", id: name, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "name": .string(name),
                        "repository_url": repository[member: "repositoryUri"],
                        "image_tag_mutability": .string(repository[member: "imageTagMutability"].stringValue ?? "MUTABLE"),
                        "image_scanning_configuration": .block([
                            "scan_on_push": .bool(repository[member: "imageScanningConfiguration"][member: "scanOnPush"].boolValue ?? false)
                        ]),
                        "encryption_configuration": .block([
                            "encryption_type": .string(encryption[member: "encryptionType"].stringValue ?? "AES256"),
                            "kms_key": encryption[member: "kmsKey"],
                        ]),
                    ]))
        }
        let names = repositories.compactMap { $0[member: "repositoryName"].stringValue }
        await reader.gather(names) { name in
            await ECRPolicyDiscovery.repository(name, client: client, account: account, region: region)
        }
        return reader
    }

    static func clusters(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let arns = (await reader.jsonPages(.ecs, "ListClusters", ["maxResults": .number(100)], token: "nextToken") ?? []).flatMap {
            ($0[member: "clusterArns"].elements ?? []).compactMap(\.stringValue)
        }
        var batches: [[String]] = []
        var start = 0
        while start < arns.count {
            batches.append(Array(arns[start..<min(start + 100, arns.count)]))
            start += 100
        }
        for batch in batches {
            let answer = await reader.json(
                .ecs, "DescribeClusters",
                ["clusters": .strings(batch), "include": .strings(["SETTINGS", "CONFIGURATIONS", "TAGS"])], resource: nil)
            for cluster in answer?[member: "clusters"].elements ?? [] { self.cluster(cluster, into: &reader) }
        }
        return reader
    }

    static func cluster(_ cluster: Value, into reader: inout ServiceReader) {
        guard let arn = cluster[member: "clusterArn"].stringValue else { return }
        let name = cluster[member: "clusterName"].stringValue ?? arn
        let settings: [Value] = (cluster[member: "settings"].elements ?? []).map {
            .object(["name": $0[member: "name"], "value": $0[member: "value"]])
        }
        let exec = cluster[member: "configuration"][member: "executeCommandConfiguration"]
        let configuration: Value =
            exec.isNull
            ? .list([])
            : .block([
                "execute_command_configuration": .block([
                    "logging": .string(exec[member: "logging"].stringValue ?? "DEFAULT"),
                    "kms_key_id": exec[member: "kmsKeyId"],
                ])
            ])
        var tags: [String: Value] = [:]
        for tag in cluster[member: "tags"].elements ?? [] {
            if let key = tag[member: "key"].stringValue { tags[key] = .string(tag[member: "value"].stringValue ?? "") }
        }
        reader.add(
            LiveResource(
                type: "aws_ecs_cluster", id: arn, name: name, originID: arn, region: reader.region,
                attributes: [
                    "id": .string(arn), "arn": .string(arn), "name": .string(name), "setting": .list(settings),
                    "configuration": configuration, "tags": .map(tags),
                ]))
    }
}
