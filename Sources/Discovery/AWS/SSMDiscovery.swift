import AWS
import Model

/// SSM parameters (metadata only: values are never read) and the account's own documents with whom they are
/// shared (one DescribeDocumentPermission call per document) in one region.
enum SSMDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let parameters = (await reader.jsonPages(.ssm, "DescribeParameters", ["MaxResults": .number(50)]) ?? []).flatMap {
            $0[member: "Parameters"].elements ?? []
        }
        for parameter in parameters {
            guard let name = parameter[member: "Name"].stringValue else { continue }
            let arn = parameter[member: "ARN"].stringValue ?? reader.arn("ssm", "parameter/\(name.drop { $0 == "/" })")
            reader.add(
                LiveResource(
                    type: "aws_ssm_parameter", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "name": .string(name), "type": parameter[member: "Type"],
                        "key_id": parameter[member: "KeyId"], "tier": parameter[member: "Tier"],
                        "data_type": parameter[member: "DataType"], "description": parameter[member: "Description"],
                    ]))
        }
        let filter: Value = .list([.object(["Key": .string("Owner"), "Values": .list([.string("Self")])])])
        let documents = (await reader.jsonPages(.ssm, "ListDocuments", ["Filters": filter, "MaxResults": .number(50)]) ?? [])
            .flatMap { $0[member: "DocumentIdentifiers"].elements ?? [] }
        await reader.gather(documents) { document in await self.document(document, client: client, account: account, region: region) }
        return reader
    }

    static func document(_ document: Value, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let name = document[member: "Name"].stringValue else { return reader }
        let arn = reader.arn("ssm", "document/\(name)")
        let answer = await reader.json(
            .ssm, "DescribeDocumentPermission", ["Name": .string(name), "PermissionType": .string("Share")], resource: name)
        let accounts = (answer?[member: "AccountIds"].elements ?? []).compactMap(\.stringValue)
        // `permissions` is Terraform's map; a document shared with everyone has account_ids = "All".
        let permissions: Value =
            answer == nil
            ? .unknown
            : accounts.isEmpty
                ? .null : .map(["type": .string("Share"), "account_ids": .string(accounts.sorted().joined(separator: ","))])
        reader.add(
            LiveResource(
                type: "aws_ssm_document", id: name, name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(name), "arn": .string(arn), "name": .string(name),
                    "document_type": document[member: "DocumentType"],
                    "document_format": document[member: "DocumentFormat"], "permissions": permissions,
                ]))
        return reader
    }
}
