import AWS
import Foundation
import Model

/// Shorthands for the calls service readers make: each records its failure (and returns nil) as `call` does.
extension ServiceReader {
    /// Every page of a query-protocol list.
    mutating func queryPages(
        _ service: AWSService, _ action: String, _ params: [String: String] = [:], token: String = "Marker",
        element: String? = nil
    ) async -> [XMLNode]? {
        let client = self.client
        let region = self.region
        return await call(service.id, action) { () async throws(AWSError) -> [XMLNode] in
            try await client.queryPages(
                service: service, action: action, params: params, region: region, tokenParameter: token,
                tokenElement: element ?? token)
        }
    }

    /// One query-protocol call about `resource`.
    mutating func query(_ service: AWSService, _ action: String, _ params: [String: String], resource: String?) async -> XMLNode? {
        let client = self.client
        let region = self.region
        return await call(service.id, action, resource: resource) { () async throws(AWSError) -> XMLNode in
            try await client.query(service: service, action: action, params: params, region: region, resource: resource)
        }
    }

    /// Every page of a json-protocol list.
    mutating func jsonPages(
        _ service: AWSService, _ target: String, _ body: [String: Value] = [:], token: String = "NextToken",
        responseToken: String? = nil
    ) async -> [Value]? {
        let client = self.client
        let region = self.region
        return await call(service.id, target) { () async throws(AWSError) -> [Value] in
            try await client.jsonPages(
                service: service, target: target, body: body, region: region, tokenField: token,
                responseTokenField: responseToken)
        }
    }

    /// One json-protocol call about `resource`; codes in `absent` mean "not configured".
    mutating func json(
        _ service: AWSService, _ target: String, _ body: [String: Value], resource: String?, absent: Set<String> = []
    ) async -> Value? {
        let client = self.client
        let region = self.region
        return await call(service.id, target, resource: resource, absent: absent) { () async throws(AWSError) -> Value in
            try await client.json(service: service, target: target, body: body, region: region, resource: resource)
        }
    }

    /// One rest-json GET about `resource`; codes in `absent` mean "not configured".
    mutating func restJSON(
        _ service: AWSService, _ operation: String, path: String, resource: String?, absent: Set<String> = []
    ) async -> Value? {
        let client = self.client
        let region = self.region
        return await call(service.id, operation, resource: resource, absent: absent) { () async throws(AWSError) -> Value in
            try await client.restJSON(service: service, operation: operation, path: path, region: region, resource: resource)
        }
    }

    /// Every page of a rest-json list, with fixed `query` parameters, about `resource` when it lists one's parts.
    mutating func restJSONPages(
        _ service: AWSService, _ operation: String, path: String, query: [(String, String)] = [], token: String,
        field: String, resource: String? = nil
    ) async -> [Value]? {
        let client = self.client
        let region = self.region
        return await call(service.id, operation, resource: resource) { () async throws(AWSError) -> [Value] in
            try await client.restJSONPages(
                service: service, operation: operation, path: path, query: query, region: region,
                tokenParameter: token, tokenField: field)
        }
    }
}

extension Value {
    /// The member `name` of an object, null when absent (an absent setting is Terraform's null).
    subscript(member name: String) -> Value { members?[name] ?? .null }
}

/// An IAM-style policy document as Terraform holds it: IAM returns it URL-encoded, other services as plain JSON.
func policyText(_ raw: String?) -> Value {
    guard let raw, !raw.isEmpty else { return .null }
    if raw.hasPrefix("{") || raw.hasPrefix("[") { return .string(raw) }
    return .string(raw.removingPercentEncoding ?? raw)
}
