import CloudHTTP
import Foundation
import Model

/// The three Security Hub calls a finding provider needs, over the REST-JSON protocol: import (create or update
/// findings, at most 100 per request as the API allows), and reading this product's findings back.
public struct SecurityHubClient: Sendable {
    /// Most findings one `BatchImportFindings` request may carry.
    public static let batchSize = 100

    public let client: AWSClient

    /// A client over `client` (credentials, endpoint, retries).
    public init(client: AWSClient) { self.client = client }

    /// What one `BatchImportFindings` request answered.
    public struct ImportResult: Sendable, Hashable {
        public var succeeded: Int
        /// The findings Security Hub refused: their ID and its error.
        public var failed: [Failure]

        /// One refused finding.
        public struct Failure: Sendable, Hashable {
            public var id: String
            public var code: String
            public var message: String
        }
    }

    /// Imports `findings` (each one encoded ASFF object) in requests of at most `batchSize`.
    public func importFindings(_ findings: [Data], region: String) async throws(AWSError) -> ImportResult {
        var result = ImportResult(succeeded: 0, failed: [])
        var start = 0
        while start < findings.count {
            let batch = findings[start..<min(start + Self.batchSize, findings.count)]
            start += Self.batchSize
            var body = Data("{\"Findings\":[".utf8)
            for (i, finding) in batch.enumerated() {
                if i > 0 { body.append(UInt8(ascii: ",")) }
                body.append(finding)
            }
            body.append(contentsOf: Array("]}".utf8))
            let answer = try await call("BatchImportFindings", path: "/findings/import", body: body, region: region)
            let failures = answer.members?["FailedFindings"]?.elements ?? []
            let failed = failures.map { f in
                ImportResult.Failure(
                    id: f.members?["Id"]?.stringValue ?? "", code: f.members?["ErrorCode"]?.stringValue ?? "",
                    message: f.members?["ErrorMessage"]?.stringValue ?? "")
            }
            let succeeded = answer.members?["SuccessCount"]?.numberValue.map { Int($0) } ?? (batch.count - failed.count)
            result.succeeded += succeeded
            result.failed += failed
        }
        return result
    }

    /// The ACTIVE findings of `productARN` whose ID starts with `idPrefix`, every page. The filter is sent to Security
    /// Hub and applied again here, so an endpoint that ignores filters cannot make other findings look like ours.
    public func activeFindings(productARN: String, idPrefix: String, region: String) async throws(AWSError) -> [Value] {
        let filters: Value = .object([
            "ProductArn": .list([.object(["Value": .string(productARN), "Comparison": .string("EQUALS")])]),
            "RecordState": .list([.object(["Value": .string("ACTIVE"), "Comparison": .string("EQUALS")])]),
            "Id": .list([.object(["Value": .string(idPrefix), "Comparison": .string("PREFIX")])]),
        ])
        var found: [Value] = []
        var token: String?
        var seen: Set<String> = []
        var pages = 0
        repeat {
            var request: [String: Value] = ["Filters": filters, "MaxResults": .number(100)]
            if let token { request["NextToken"] = .string(token) }
            let body: Data
            do { body = try JSONBody.encode(.object(request)) } catch {
                throw AWSError(
                    .invalidConfiguration, "GetFindings request cannot be encoded", service: "securityhub", operation: "GetFindings")
            }
            let page = try await call("GetFindings", path: "/findings", body: body, region: region)
            pages += 1
            for finding in page.members?["Findings"]?.elements ?? [] {
                let members = finding.members ?? [:]
                guard members["ProductArn"]?.stringValue == productARN, members["RecordState"]?.stringValue == "ACTIVE",
                    members["Id"]?.stringValue?.hasPrefix(idPrefix) == true
                else { continue }
                found.append(finding)
            }
            token = page.members?["NextToken"]?.stringValue
            if let current = token, current.isEmpty || !seen.insert(current).inserted { token = nil }
            if pages >= client.maxPages, token != nil {
                throw AWSError(.tooManyPages, "more than \(client.maxPages) pages", service: "securityhub", operation: "GetFindings")
            }
        } while token != nil
        return found
    }

    /// One POST with a JSON body; the decoded answer.
    func call(_ operation: String, path: String, body: Data, region: String) async throws(AWSError) -> Value {
        let response = try await client.send(
            service: .securityhub, operation: operation, region: region, resource: nil, method: "POST", path: path,
            query: [], headers: [("Content-Type", "application/json")], body: body)
        do {
            return JSONBody.isBlank(response.body) ? .object([:]) : try JSONBody.decode(response.body)
        } catch {
            throw AWSError(
                .malformedResponse, "response is not valid JSON", service: "securityhub", operation: operation,
                httpStatus: response.status, requestID: AWSClient.requestID(response), underlying: error)
        }
    }
}
