import Crypto
import Foundation
import Hummingbird
import Server
import Testing

extension ServerTests {
    @Suite("Webhooks")
    struct WebhookTests {
        static let secret = "s3cret-webhook-key"

        static func withSecret(_ environment: inout ServerEnvironment) {
            environment.targets[0].webhookSecret = secret
            environment.webhookRatePerMinute = 30
        }

        static func push(ref: String = "refs/heads/main", url: String = "https://github.com/example/infra.git") -> String {
            #"{"ref":"\#(ref)","repository":{"clone_url":"\#(url)","html_url":"\#(url)"}}"#
        }

        static func signature(_ body: String, secret: String = secret) -> String {
            let mac = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
        }

        static func github(_ event: String, delivery: String, body: String, signature: String?) -> HTTPFields {
            var headers: HTTPFields = [
                .init("X-GitHub-Event")!: event, .init("X-GitHub-Delivery")!: delivery,
                .contentType: "application/json",
            ]
            if let signature { headers[.init("X-Hub-Signature-256")!] = signature }
            return headers
        }

        @Test("GitHub: valid, invalid, missing and replayed signatures; other branches and events", arguments: [Backend.sqlite])
        func github(backend: Backend) async throws {
            try await withServer(backend, adjust: Self.withSecret) { server in
                let body = Self.push()
                let missing = try await server.request(
                    .post, "/hooks/github", headers: Self.github("push", delivery: "d0", body: body, signature: nil), body: body)
                #expect(missing.status == 401)
                let wrong = try await server.request(
                    .post, "/hooks/github",
                    headers: Self.github("push", delivery: "d1", body: body, signature: Self.signature(body, secret: "guess")),
                    body: body)
                #expect(wrong.status == 401 && server.cycles.pending("infra") == nil)
                let tampered = try await server.request(
                    .post, "/hooks/github",
                    headers: Self.github("push", delivery: "d1", body: body, signature: Self.signature(body)),
                    body: body.replacingOccurrences(of: "main", with: "prod"))
                #expect(tampered.status == 401)

                let valid = try await server.request(
                    .post, "/hooks/github", headers: Self.github("push", delivery: "d2", body: body, signature: Self.signature(body)),
                    body: body)
                #expect(valid.status == 202 && valid.json["outcome"] as? String == "accepted")
                let queued = try #require(server.cycles.pending("infra"))
                #expect((valid.json["cycle_ids"] as? [String]) == [queued])
                #expect(server.cycles.pending("apps") == nil)
                let replay = try await server.request(
                    .post, "/hooks/github", headers: Self.github("push", delivery: "d2", body: body, signature: Self.signature(body)),
                    body: body)
                #expect(replay.status == 202 && replay.json["outcome"] as? String == "duplicate")
                #expect(try await server.store.apiAuditEvents(limit: 10).map(\.actor) == ["webhook:github"])

                let other = Self.push(ref: "refs/heads/feature")
                let branch = try await server.request(
                    .post, "/hooks/github", headers: Self.github("push", delivery: "d3", body: other, signature: Self.signature(other)),
                    body: other)
                #expect(branch.status == 202 && branch.json["outcome"] as? String == "ignored")
                let ping = try await server.request(
                    .post, "/hooks/github", headers: Self.github("ping", delivery: "d4", body: body, signature: Self.signature(body)),
                    body: body)
                #expect(ping.status == 202 && ping.json["outcome"] as? String == "ignored")
                let stranger = Self.push(url: "https://github.com/example/unknown")
                let unknown = try await server.request(
                    .post, "/hooks/github",
                    headers: Self.github("push", delivery: "d5", body: stranger, signature: Self.signature(stranger)), body: stranger)
                #expect(unknown.status == 401)
                let notJSON = try await server.request(
                    .post, "/hooks/github", headers: Self.github("push", delivery: "d6", body: "x", signature: nil), body: "x")
                #expect(notJSON.status == 400)
            }
        }

        @Test("GitLab token, SSH-form repository address; floods and oversized bodies are bounded", arguments: [Backend.sqlite])
        func gitlabAndLimits(backend: Backend) async throws {
            // Five a minute, so the flood is refused however slowly a loaded machine sends it.
            let adjust: (inout ServerEnvironment) -> Void = {
                Self.withSecret(&$0)
                $0.webhookRatePerMinute = 5
            }
            try await withServer(backend, adjust: adjust) { server in
                let body = #"{"ref":"refs/heads/main","project":{"git_ssh_url":"git@github.com:Example/infra.git"}}"#
                func gitlab(_ token: String?, _ uuid: String) -> HTTPFields {
                    var headers: HTTPFields = [.init("X-Gitlab-Event")!: "Push Hook", .init("X-Gitlab-Event-UUID")!: uuid]
                    if let token { headers[.init("X-Gitlab-Token")!] = token }
                    return headers
                }
                #expect(try await server.request(.post, "/hooks/gitlab", headers: gitlab("nope", "g1"), body: body).status == 401)
                #expect(try await server.request(.post, "/hooks/gitlab", headers: gitlab(nil, "g1"), body: body).status == 401)
                let valid = try await server.request(.post, "/hooks/gitlab", headers: gitlab(Self.secret, "g2"), body: body)
                #expect(valid.status == 202 && valid.json["targets"] as? [String] == ["infra"])

                let big = String(repeating: " ", count: 2 << 20)
                let oversized = try await server.request(.post, "/hooks/gitlab", headers: gitlab(Self.secret, "g3"), body: big)
                #expect(oversized.status == 413)
                // Past five a minute from one address, the rest of a flood is refused without being read.
                var limited = 0
                for index in 0..<40 {
                    let reply = try await server.request(.post, "/hooks/gitlab", headers: gitlab("nope", "f\(index)"), body: body)
                    if reply.status == 429 { limited += 1 }
                }
                #expect(limited >= 10)
                let metrics = try await server.request(.get, "/metrics")
                #expect(metrics.body.contains("outcome=\"limited\"") && metrics.body.contains("outcome=\"accepted\""))
            }
        }
    }
}
