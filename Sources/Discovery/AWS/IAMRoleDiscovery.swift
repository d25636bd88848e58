import AWS
import Model

/// IAM roles, groups and customer-managed policies (global), with their inline policies and managed-policy
/// attachments, from one paginated GetAccountAuthorizationDetails call filtered to those three kinds.
enum IAMRoleDiscovery {
    static func read(client: AWSClient, account: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
        let details =
            await reader.queryPages(
                .iam, "GetAccountAuthorizationDetails",
                [
                    "Filter.member.1": "Role", "Filter.member.2": "Group", "Filter.member.3": "LocalManagedPolicy",
                    "MaxItems": "1000",
                ]) ?? []
        let result = "GetAccountAuthorizationDetailsResult"
        for role in details.flatMap({ $0.all("\(result)/RoleDetailList/member") }) { self.role(role, into: &reader) }
        for group in details.flatMap({ $0.all("\(result)/GroupDetailList/member") }) { self.group(group, into: &reader) }
        for policy in details.flatMap({ $0.all("\(result)/Policies/member") }) {
            guard let arn = policy.string("Arn") else { continue }
            // The name is the ARN's last segment when the answer omits it (moto does).
            let name = policy.string("PolicyName") ?? arn.split(separator: "/").last.map(String.init) ?? arn
            let versions = policy.all("PolicyVersionList/member")
            let current = versions.first { $0.bool("IsDefaultVersion") == true } ?? versions.first
            reader.add(
                LiveResource(
                    type: "aws_iam_policy", id: arn, name: name, originID: arn, region: nil,
                    attributes: [
                        "id": .string(arn), "arn": .string(arn), "name": .string(name),
                        "path": .string(policy.string("Path") ?? "/"), "policy_id": .string(policy.string("PolicyId")),
                        "description": .string(policy.string("Description")),
                        "attachment_count": .number(policy.number("AttachmentCount")),
                        // A policy whose default version could not be read is unknown, not empty.
                        "policy": current.map { policyText($0.string("Document")) } ?? .unknown,
                        "tags": policy.tags("Tags/member", key: "Key", value: "Value"),
                    ]))
        }
        return reader
    }

    static func role(_ role: XMLNode, into reader: inout ServiceReader) {
        guard let name = role.string("RoleName") else { return }
        let arn = role.string("Arn") ?? reader.arn("iam", "role/\(name)", global: true)
        let managed = role.all("AttachedManagedPolicies/member").compactMap { $0.string("PolicyArn") }
        reader.add(
            LiveResource(
                type: "aws_iam_role", id: name, name: name, originID: arn, region: nil,
                attributes: [
                    "id": .string(name), "arn": .string(arn), "name": .string(name), "unique_id": .string(role.string("RoleId")),
                    "path": .string(role.string("Path") ?? "/"),
                    "assume_role_policy": policyText(role.string("AssumeRolePolicyDocument")),
                    "max_session_duration": .number(role.number("MaxSessionDuration") ?? 3600),
                    "managed_policy_arns": .strings(managed),
                    "permissions_boundary": .string(role.string("PermissionsBoundary/PermissionsBoundaryArn")),
                    "tags": role.tags("Tags/member", key: "Key", value: "Value"),
                ]))
        let edge = [LiveResource.Edge(attribute: "role", type: "aws_iam_role", id: name)]
        for policy in role.all("RolePolicyList/member") {
            let policyName = policy.string("PolicyName") ?? "inline"
            reader.add(
                LiveResource(
                    type: "aws_iam_role_policy", id: "\(name):\(policyName)", name: "\(name)_\(policyName)",
                    originID: "\(arn)|\(policyName)", region: nil,
                    attributes: [
                        "id": .string("\(name):\(policyName)"), "name": .string(policyName), "role": .string(name),
                        "policy": policyText(policy.string("PolicyDocument")),
                    ], edges: edge))
        }
        for policy in role.all("AttachedManagedPolicies/member") {
            guard let policyARN = policy.string("PolicyArn") else { continue }
            reader.add(
                LiveResource(
                    type: "aws_iam_role_policy_attachment", id: "\(name)/\(policyARN)",
                    name: "\(name)_\(policy.string("PolicyName") ?? "policy")", originID: "\(arn)|\(policyARN)",
                    region: nil, attributes: ["role": .string(name), "policy_arn": .string(policyARN)], edges: edge))
        }
    }

    static func group(_ group: XMLNode, into reader: inout ServiceReader) {
        guard let name = group.string("GroupName") else { return }
        let arn = group.string("Arn") ?? reader.arn("iam", "group/\(name)", global: true)
        reader.add(
            LiveResource(
                type: "aws_iam_group", id: name, name: name, originID: arn, region: nil,
                attributes: [
                    "id": .string(name), "arn": .string(arn), "name": .string(name),
                    "path": .string(group.string("Path") ?? "/"), "unique_id": .string(group.string("GroupId")),
                ]))
        let edge = [LiveResource.Edge(attribute: "group", type: "aws_iam_group", id: name)]
        for policy in group.all("GroupPolicyList/member") {
            let policyName = policy.string("PolicyName") ?? "inline"
            reader.add(
                LiveResource(
                    type: "aws_iam_group_policy", id: "\(name):\(policyName)", name: "\(name)_\(policyName)",
                    originID: "\(arn)|\(policyName)", region: nil,
                    attributes: [
                        "id": .string("\(name):\(policyName)"), "name": .string(policyName), "group": .string(name),
                        "policy": policyText(policy.string("PolicyDocument")),
                    ], edges: edge))
        }
        for policy in group.all("AttachedManagedPolicies/member") {
            guard let policyARN = policy.string("PolicyArn") else { continue }
            reader.add(
                LiveResource(
                    type: "aws_iam_group_policy_attachment", id: "\(name)/\(policyARN)",
                    name: "\(name)_\(policy.string("PolicyName") ?? "policy")", originID: "\(arn)|\(policyARN)",
                    region: nil, attributes: ["group": .string(name), "policy_arn": .string(policyARN)], edges: edge))
        }
    }
}
