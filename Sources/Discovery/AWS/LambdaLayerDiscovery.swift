import AWS
import CloudHTTP
import Foundation
import Model

/// Lambda layers in one region: the latest version of each (one paginated ListLayers) and who may use it (one
/// GetLayerVersionPolicy per layer, each statement one `aws_lambda_layer_version_permission`; Principal `*` shares
/// the version with every account).
enum LambdaLayerDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let layers =
            (await reader.restJSONPages(
                .lambda, "ListLayers", path: "/2018-10-31/layers", token: "Marker", field: "NextMarker") ?? [])
            .flatMap { $0[member: "Layers"].elements ?? [] }
        await reader.gather(layers) { layer in await self.layer(layer, client: client, account: account, region: region) }
        return reader
    }

    static func layer(_ layer: Value, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let latest = layer[member: "LatestMatchingVersion"]
        guard let name = layer[member: "LayerName"].stringValue, let version = latest[member: "Version"].numberValue else {
            return reader
        }
        let number = Int(version)
        let layerARN = layer[member: "LayerArn"].stringValue ?? reader.arn("lambda", "layer:\(name)")
        let arn = latest[member: "LayerVersionArn"].stringValue ?? "\(layerARN):\(number)"
        reader.add(
            LiveResource(
                type: "aws_lambda_layer_version", id: "\(name):\(number)", name: name, originID: arn, region: region,
                attributes: [
                    "id": .string(arn), "arn": .string(arn), "layer_arn": .string(layerARN), "layer_name": .string(name),
                    "version": .string(String(number)), "description": latest[member: "Description"],
                    "license_info": latest[member: "LicenseInfo"],
                    "compatible_runtimes": .strings((latest[member: "CompatibleRuntimes"].elements ?? []).compactMap(\.stringValue)),
                    "compatible_architectures": .strings(
                        (latest[member: "CompatibleArchitectures"].elements ?? []).compactMap(\.stringValue)),
                ]))
        let answer = await reader.restJSON(
            .lambda, "GetLayerVersionPolicy", path: "/2018-10-31/layers/\(name)/versions/\(number)/policy", resource: arn,
            absent: ["ResourceNotFoundException", "NotFound"])
        let edge = LiveResource.Edge(attribute: "layer_name", type: "aws_lambda_layer_version", id: "\(name):\(number)")
        func permission(_ sid: String, _ attributes: [String: Value]) -> LiveResource {
            LiveResource(
                type: "aws_lambda_layer_version_permission", id: "\(name):\(number):\(sid)", name: "\(name)_\(number)_\(sid)",
                originID: "\(arn)|\(sid)", region: region,
                attributes: attributes.merging([
                    "id": .string("\(layerARN),\(number)"), "layer_name": .string(layerARN),
                    "version_number": .number(Double(number)),
                ]) { first, _ in first },
                edges: [edge])
        }
        if answer == nil, reader.lastCallFailed {
            // No `organization_id`: "is one set?" must not be answered yes for a policy that was not read.
            reader.notRead(
                permission("policy", ["statement_id": .unknown, "principal": .unknown, "action": .unknown, "policy": .unknown]),
                keep: ["id", "layer_name", "version_number"], checked: true)
            return reader
        }
        guard let text = answer?[member: "Policy"].stringValue, let document = try? JSONBody.decode(Data(text.utf8)) else {
            return reader
        }
        for statement in document[member: "Statement"].elements ?? [] {
            let sid = statement[member: "Sid"].stringValue ?? "statement"
            let principal = statement[member: "Principal"]
            let principalText = principal.stringValue ?? principal[member: "AWS"].stringValue
            let organization = statement[member: "Condition"][member: "StringEquals"][member: "aws:PrincipalOrgID"]
            reader.add(
                permission(
                    sid,
                    [
                        "statement_id": .string(sid), "action": statement[member: "Action"], "principal": .string(principalText),
                        "organization_id": organization, "policy": .string(text),
                    ]))
        }
        return reader
    }
}
