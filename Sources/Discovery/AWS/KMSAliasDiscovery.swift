import AWS
import Model

/// Customer KMS aliases in one region (AWS's own `alias/aws/*` are not Terraform's), one paginated call.
enum KMSAliasDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let aliases =
            (await reader.jsonPages(
                .kms, "ListAliases", ["Limit": .number(100)], token: "Marker", responseToken: "NextMarker") ?? []).flatMap {
                $0[member: "Aliases"].elements ?? []
            }
        for alias in aliases {
            guard let name = alias[member: "AliasName"].stringValue, !name.hasPrefix("alias/aws/") else { continue }
            let arn = alias[member: "AliasArn"].stringValue ?? reader.arn("kms", name)
            let target = alias[member: "TargetKeyId"].stringValue
            reader.add(
                LiveResource(
                    type: "aws_kms_alias", id: arn, name: String(name.dropFirst("alias/".count)), originID: arn,
                    region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "name": .string(name), "target_key_id": .string(target),
                        "target_key_arn": target.map { .string(reader.arn("kms", "key/\($0)")) } ?? .null,
                    ],
                    edges: target.map { [.init(attribute: "target_key_id", type: "aws_kms_key", id: reader.arn("kms", "key/\($0)"))] }
                        ?? []))
        }
        return reader
    }
}
