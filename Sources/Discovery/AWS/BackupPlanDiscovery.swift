import AWS
import Model

/// AWS Backup plans and their resource selections in one region: the plan list, then each plan's selections and
/// each selection's detail (the list does not carry the resources it names).
enum BackupPlanDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let plans =
            (await reader.restJSONPages(.backup, "ListBackupPlans", path: "/backup/plans/", token: "nextToken", field: "NextToken")
            ?? []).flatMap { $0[member: "BackupPlansList"].elements ?? [] }
        for plan in plans {
            guard let id = plan[member: "BackupPlanId"].stringValue else { continue }
            let arn = plan[member: "BackupPlanArn"].stringValue ?? reader.arn("backup", "backup-plan:\(id)")
            reader.add(
                LiveResource(
                    type: "aws_backup_plan", id: id, name: plan[member: "BackupPlanName"].stringValue ?? id, originID: arn,
                    region: region,
                    attributes: ["id": .string(id), "arn": .string(arn), "name": plan[member: "BackupPlanName"]]))
        }
        let ids = plans.compactMap { $0[member: "BackupPlanId"].stringValue }
        await reader.gather(ids) { id in await selections(plan: id, client: client, account: account, region: region) }
        return reader
    }

    /// The selections of plan `plan` as `aws_backup_selection`, in Terraform's vocabulary.
    static func selections(plan: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let listed =
            (await reader.restJSONPages(
                .backup, "ListBackupSelections", path: "/backup/plans/\(plan)/selections/", token: "nextToken",
                field: "NextToken") ?? []).flatMap { $0[member: "BackupSelectionsList"].elements ?? [] }
        for item in listed {
            guard let id = item[member: "SelectionId"].stringValue else { continue }
            guard
                let answer = await reader.restJSON(
                    .backup, "GetBackupSelection", path: "/backup/plans/\(plan)/selections/\(id)", resource: id)
            else { continue }
            let selection = answer[member: "BackupSelection"]
            let tags: [Value] = (selection[member: "ListOfTags"].elements ?? []).map { tag in
                .object([
                    "type": tag[member: "ConditionType"], "key": tag[member: "ConditionKey"], "value": tag[member: "ConditionValue"],
                ])
            }
            var conditions: [String: Value] = [:]
            for (field, attribute) in [
                ("StringEquals", "string_equals"), ("StringLike", "string_like"), ("StringNotEquals", "string_not_equals"),
                ("StringNotLike", "string_not_like"),
            ] {
                let entries = selection[member: "Conditions"][member: field].elements ?? []
                if !entries.isEmpty {
                    conditions[attribute] = .list(
                        entries.map { .object(["key": $0[member: "ConditionKey"], "value": $0[member: "ConditionValue"]]) })
                }
            }
            reader.add(
                LiveResource(
                    type: "aws_backup_selection", id: id, name: selection[member: "SelectionName"].stringValue ?? id,
                    originID: "arn:aws:backup:\(region):\(account):backup-plan:\(plan)/selection/\(id)", region: region,
                    attributes: [
                        "id": .string(id), "plan_id": .string(plan), "name": selection[member: "SelectionName"],
                        "iam_role_arn": selection[member: "IamRoleArn"],
                        "resources": .list(selection[member: "Resources"].elements ?? []),
                        "not_resources": .list(selection[member: "NotResources"].elements ?? []),
                        "selection_tag": .list(tags),
                        "condition": conditions.isEmpty ? .list([]) : .block(conditions),
                    ],
                    edges: [.init(attribute: "plan_id", type: "aws_backup_plan", id: plan)]))
        }
        return reader
    }
}
