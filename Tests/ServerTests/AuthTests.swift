import Foundation
import Hummingbird
import Model
import Server
import Store
import Testing

extension ServerTests {
    @Suite("Authentication and roles")
    struct AuthTests {
        @Test("no token, unknown token, revoked token, wrong role; health and metrics are open", arguments: Backend.allCases)
        func tokens(backend: Backend) async throws {
            try await withServer(backend) { server in
                let anonymous = try await server.request(.get, "/api/v1/targets")
                #expect(anonymous.status == 401 && anonymous.errorCode == "unauthorized")
                #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                let forged = try await server.request(.get, "/api/v1/targets", token: TokenSecret.generate())
                #expect(forged.status == 401)
                let huge = try await server.request(.get, "/api/v1/targets", token: String(repeating: "x", count: 4_000))
                #expect(huge.status == 401)
                #expect(try await server.request(.get, "/api/v1/targets", role: .viewer).status == 200)

                #expect(try await server.request(.post, "/api/v1/targets/infra/reconcile", role: .approver).status == 403)
                #expect(try await server.request(.post, "/api/v1/targets/infra/reconcile", role: .operator).status == 202)
                #expect(try await server.request(.get, "/api/v1/tokens", role: .operator).status == 403)
                #expect(try await server.request(.get, "/api/v1/tokens", role: .admin).status == 200)

                #expect(try await server.request(.delete, "/api/v1/tokens/viewer", role: .admin).status == 204)
                let revoked = try await server.request(.get, "/api/v1/targets", role: .viewer)
                #expect(revoked.status == 401 && revoked.body.contains("revoked"))

                #expect(try await server.request(.get, "/health/live").status == 200)
                let ready = try await server.request(.get, "/health/ready")
                #expect(ready.json["database"] as? String == "reachable")
                #expect((ready.json["targets"] as? [String: Int])?["Unknown"] == 2)
                let metrics = try await server.request(.get, "/metrics")
                #expect(metrics.status == 200 && metrics.body.contains("bulwark_http_requests_total"))
                #expect(metrics.body.contains("route=\"/api/v1/targets\""))
            }
        }

        @Test("the dashboard cookie authenticates like the bearer header", arguments: [Backend.sqlite])
        func cookie(backend: Backend) async throws {
            try await withServer(backend) { server in
                let token = try #require(server.tokens[.viewer])
                let reply = try await server.request(.get, "/api/v1/targets", headers: [.cookie: "bulwark_token=\(token)"])
                #expect(reply.status == 200)
                let wrong = try await server.request(.get, "/api/v1/targets", headers: [.cookie: "bulwark_token=nope"])
                #expect(wrong.status == 401)
            }
        }

        @Test("tokens through the API: created once, listed without secret, revoked, audited", arguments: [Backend.sqlite])
        func tokenAPI(backend: Backend) async throws {
            try await withServer(backend) { server in
                let created = try await server.request(.post, "/api/v1/tokens", role: .admin, body: #"{"name":"ci","role":"operator"}"#)
                #expect(created.status == 201)
                let token = try #require(created.json["token"] as? String)
                #expect(try await server.request(.get, "/api/v1/targets", token: token).status == 200)
                let list = try await server.request(.get, "/api/v1/tokens", role: .admin)
                #expect(!list.body.contains(token) && list.body.contains("\"ci\""))
                let duplicate = try await server.request(.post, "/api/v1/tokens", role: .admin, body: #"{"name":"ci","role":"viewer"}"#)
                #expect(duplicate.status == 409)
                let badRole = try await server.request(.post, "/api/v1/tokens", role: .admin, body: #"{"name":"x","role":"root"}"#)
                #expect(badRole.status == 400 && (badRole.json["error"] as? [String: Any])?["field"] as? String == "role")
                let missing = try await server.request(.post, "/api/v1/tokens", role: .admin, body: #"{"role":"viewer"}"#)
                #expect(missing.status == 400 && (missing.json["error"] as? [String: Any])?["field"] as? String == "name")
                let malformed = try await server.request(.post, "/api/v1/tokens", role: .admin, body: "{")
                #expect(malformed.status == 400)
                #expect(try await server.request(.delete, "/api/v1/tokens/ci", role: .admin).status == 204)
                #expect(try await server.request(.get, "/api/v1/targets", token: token).status == 401)
                #expect(try await server.request(.delete, "/api/v1/tokens/ci", role: .admin).status == 404)
                let audit = try await server.store.apiAuditEvents(limit: 10).map(\.action)
                #expect(audit == ["token.create", "token.revoke"])
            }
        }

        @Test("errors come in one envelope without internals; bodies are capped", arguments: [Backend.sqlite])
        func envelope(backend: Backend) async throws {
            try await withServer(backend) { server in
                let unknown = try await server.request(.get, "/api/v1/nowhere", role: .viewer)
                #expect(unknown.status == 404 && unknown.errorCode == "not_found")
                #expect(unknown.headers[.init("X-Request-Id")!] == unknown.json["request_id"] as? String)
                let big = String(repeating: "a", count: 200_000)
                let tooLarge = try await server.request(.post, "/api/v1/tokens", role: .admin, body: "{\"name\":\"\(big)\"}")
                #expect(tooLarge.status == 413 && tooLarge.errorCode == "payload_too_large")
                // A database that cannot answer is a 503 that names neither the backend nor its file.
                await server.store.close()
                let down = try await server.request(.get, "/api/v1/scans/1", role: .viewer)
                #expect(down.status == 503 && down.errorCode == "unavailable")
                #expect(!down.body.contains("sqlite") && !down.body.contains("bulwark.db") && !down.body.contains("SELECT"))
            }
        }
    }
}
