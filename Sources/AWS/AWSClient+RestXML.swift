import Foundation

extension AWSClient {
    /// A rest-xml GET (CloudFront, Route 53): the operation is the path; the parsed answer's root element.
    public func restXML(
        service: AWSService, operation: String, path: String, query: [(String, String)] = [],
        region: String? = nil, resource: String? = nil
    ) async throws(AWSError) -> XMLNode {
        guard case .restXML = service.wireProtocol else {
            throw AWSError(
                .invalidConfiguration, "\(service.id) does not speak the rest-xml protocol", service: service.id,
                operation: operation)
        }
        let response = try await send(
            service: service, operation: operation, region: region, resource: resource, method: "GET", path: path,
            query: query, headers: [], body: Data())
        return try parseXML(response, service: service, operation: operation, resource: resource)
    }

    /// Every page of a rest-xml list: the query parameter `tokenParameter` (`Marker`, `marker`, `nexttoken`) is fed
    /// from the element `tokenElement` (`NextMarker`, `NextToken`) until it is absent or `IsTruncated` is false.
    public func restXMLPages(
        service: AWSService, operation: String, path: String, query: [(String, String)] = [], region: String? = nil,
        tokenParameter: String, tokenElement: String
    ) async throws(AWSError) -> [XMLNode] {
        try await pages(service: service.id, operation: operation) { (token: String?) async throws(AWSError) -> XMLNode in
            var request = query
            if let token { request.append((tokenParameter, token)) }
            return try await restXML(service: service, operation: operation, path: path, query: request, region: region)
        } next: { page in
            page.first(named: "IsTruncated")?.text == "false" ? nil : page.first(named: tokenElement)?.text
        }
    }
}
