import AWS
import Model

/// Call shorthands for rest-xml services (CloudFront, Route 53); each records its failure (and returns nil) as `call`
/// does.
extension ServiceReader {
    /// One rest-xml GET about `resource`; codes in `absent` mean "not configured".
    mutating func restXML(
        _ service: AWSService, _ operation: String, path: String, resource: String?, absent: Set<String> = []
    ) async -> XMLNode? {
        let client = self.client
        let region = self.region
        return await call(service.id, operation, resource: resource, absent: absent) { () async throws(AWSError) -> XMLNode in
            try await client.restXML(service: service, operation: operation, path: path, region: region, resource: resource)
        }
    }

    /// Every page of a rest-xml list.
    mutating func restXMLPages(
        _ service: AWSService, _ operation: String, path: String, token: String, element: String
    ) async -> [XMLNode]? {
        let client = self.client
        let region = self.region
        return await call(service.id, operation) { () async throws(AWSError) -> [XMLNode] in
            try await client.restXMLPages(
                service: service, operation: operation, path: path, region: region, tokenParameter: token,
                tokenElement: element)
        }
    }
}

extension XMLNode {
    /// The texts of every `item` element under `path`'s `Items` (CloudFront's `{Quantity, Items}` lists).
    func items(_ path: String, _ item: String) -> [String] {
        all(path + "/Items/" + item).map(\.text)
    }
}
