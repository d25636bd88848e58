import CloudHTTP
import Foundation
import Model

extension AWSClient {
    /// A rest-json GET (Lambda, EFS, GuardDuty): the operation is the path; the decoded body.
    public func restJSON(
        service: AWSService, operation: String, path: String, query: [(String, String)] = [],
        region: String? = nil, resource: String? = nil
    ) async throws(AWSError) -> Value {
        guard case .restJSON = service.wireProtocol else {
            throw AWSError(
                .invalidConfiguration, "\(service.id) does not speak the rest-json protocol", service: service.id,
                operation: operation)
        }
        let response = try await send(
            service: service, operation: operation, region: region, resource: resource, method: "GET", path: path,
            query: query, headers: [("Accept", "application/json")], body: Data())
        return try Self.jsonBody(of: response, service: service, operation: operation, resource: resource)
    }

    /// Every page of a rest-json list: the query parameter `tokenParameter` is fed from the body field
    /// `tokenField` (`NextMarker`, `nextToken`) until it is absent.
    public func restJSONPages(
        service: AWSService, operation: String, path: String, query: [(String, String)] = [], region: String? = nil,
        tokenParameter: String, tokenField: String
    ) async throws(AWSError) -> [Value] {
        try await pages(service: service.id, operation: operation) { (token: String?) async throws(AWSError) -> Value in
            var request = query
            if let token { request.append((tokenParameter, token)) }
            return try await restJSON(service: service, operation: operation, path: path, query: request, region: region)
        } next: { page in
            page.members?[tokenField]?.stringValue
        }
    }

    /// A JSON response body decoded (a blank body is an empty object), or `malformed_response` naming the call.
    static func jsonBody(
        of response: HTTPResponse, service: AWSService, operation: String, resource: String?
    ) throws(AWSError) -> Value {
        do {
            return JSONBody.isBlank(response.body) ? .object([:]) : try JSONBody.decode(response.body)
        } catch {
            throw AWSError(
                .malformedResponse, "response is not valid JSON", service: service.id, operation: operation,
                resource: resource, httpStatus: response.status, requestID: AWSClient.requestID(response),
                underlying: error)
        }
    }
}
