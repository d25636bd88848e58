import Foundation
import Hummingbird
import Testing

extension ServerTests {
    /// `docs/openapi.yaml` and the router agree: every operation it describes is routed (a request to it is never
    /// the router's "no such route" or "method not allowed"), and a request it does not describe is.
    @Suite("OpenAPI description")
    struct OpenAPICoverageTests {
        static var specification: String {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("docs/openapi.yaml").path
        }

        /// (method, path) of every operation, from the `paths:` block (two-space path keys, four-space methods).
        static func operations() throws -> [(String, String)] {
            let text = try String(contentsOfFile: specification, encoding: .utf8)
            var operations: [(String, String)] = []
            var path: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("components:") { break }
                if line.hasPrefix("  /"), line.hasSuffix(":") {
                    path = String(line.dropFirst(2).dropLast())
                } else if let path, let method = ["get", "post", "delete"].first(where: { line == "    \($0):" }) {
                    operations.append((method, path))
                }
            }
            return operations
        }

        @Test("every described operation is routed; an undescribed one is not")
        func routed() async throws {
            let operations = try Self.operations()
            #expect(operations.count >= 25)
            try await withServer(.sqlite) { server in
                for (method, template) in operations {
                    let path = template.replacingOccurrences(of: "{target}", with: "infra")
                        .replacingOccurrences(of: "{framework}", with: "cis-aws").replacingOccurrences(of: "{scan}", with: "1")
                        .replacingOccurrences(of: "{remediation}", with: "1").replacingOccurrences(of: "{alert}", with: "1")
                        .replacingOccurrences(of: "{name}", with: "nobody")
                    let verb: HTTPRequest.Method = method == "get" ? .get : method == "post" ? .post : .delete
                    let reply = try await server.request(verb, path, role: .admin)
                    #expect(!reply.body.contains("no such route") && reply.status != 405, "\(method) \(template)")
                }
                let undescribed = try await server.request(.get, "/api/v1/secrets", role: .admin)
                #expect(undescribed.status == 404 && undescribed.body.contains("no such route"))
            }
        }
    }
}
