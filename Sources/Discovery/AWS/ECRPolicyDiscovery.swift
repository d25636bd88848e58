import AWS
import Model

/// ECR beyond the repository list: each repository's lifecycle and resource policies (two calls per repository,
/// the list does not carry them) and the region's registry scanning configuration (one call).
enum ECRPolicyDiscovery {
    /// The lifecycle policy and the repository policy of repository `name`, each referring to the repository.
    static func repository(_ name: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        func resource(_ type: String, _ policy: Value) -> LiveResource {
            LiveResource(
                type: type, id: name, name: name, originID: reader.arn("ecr", "repository/\(name)"), region: region,
                attributes: ["id": .string(name), "repository": .string(name), "registry_id": .string(account), "policy": policy],
                edges: [.init(attribute: "repository", type: "aws_ecr_repository", id: name)])
        }
        // A policy that could not be read is unknown on a placeholder that checks look into, never absent.
        let reads: [(type: String, operation: String, absent: String, field: String)] = [
            ("aws_ecr_lifecycle_policy", "GetLifecyclePolicy", "LifecyclePolicyNotFoundException", "lifecyclePolicyText"),
            ("aws_ecr_repository_policy", "GetRepositoryPolicy", "RepositoryPolicyNotFoundException", "policyText"),
        ]
        for read in reads {
            if let answer = await reader.json(
                .ecr, read.operation, ["repositoryName": .string(name)], resource: name, absent: [read.absent])
            {
                reader.add(resource(read.type, policyText(answer[member: read.field].stringValue)))
            } else if reader.lastCallFailed {
                reader.notRead(resource(read.type, .unknown), keep: ["id", "repository"], checked: true)
            }
        }
        return reader
    }

    /// The region's registry scanning configuration (`aws_ecr_registry_scanning_configuration`): scan type and rules.
    static func registryScanning(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let arn = "arn:aws:ecr:\(region):\(account):registry/\(account)"
        func resource(_ attributes: [String: Value]) -> LiveResource {
            LiveResource(
                type: "aws_ecr_registry_scanning_configuration", id: "\(account)/\(region)", name: "registry_\(region)",
                originID: arn, region: region,
                attributes: attributes.merging(["id": .string(account), "registry_id": .string(account), "arn": .string(arn)]) {
                    first, _ in first
                })
        }
        guard let answer = await reader.json(.ecr, "GetRegistryScanningConfiguration", [:], resource: account) else {
            if reader.lastCallFailed { reader.notRead(resource(["scan_type": .unknown, "rule": .unknown]), checked: true) }
            return reader
        }
        let configuration = answer[member: "scanningConfiguration"]
        let rules = (configuration[member: "rules"].elements ?? []).map { rule in
            Value.object([
                "scan_frequency": rule[member: "scanFrequency"],
                "repository_filter": .list(
                    (rule[member: "repositoryFilters"].elements ?? []).map { filter in
                        .object(["filter": filter[member: "filter"], "filter_type": filter[member: "filterType"]])
                    }),
            ])
        }
        reader.add(resource(["scan_type": .string(configuration[member: "scanType"].stringValue ?? "BASIC"), "rule": .list(rules)]))
        return reader
    }
}
