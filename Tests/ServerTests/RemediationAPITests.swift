import Foundation
import Model
import Store
import Testing

extension ServerTests {
    @Suite("Remediation API")
    struct RemediationAPITests {
        static let plan = #"""
            {"fixID":"s3-public-access-block","checkID":"CKV_AWS_53","provider":"aws","resourceType":"aws_s3_bucket",
             "resourceAddress":"aws_s3_bucket.logs","liveID":"logs","account":"123456789012","region":"us-east-1",
             "summary":"block public access on logs","calls":[]}
            """#

        static func request(_ store: Store, _ key: String) async throws -> Int64 {
            let now = Date()
            let record = RemediationRecord(
                idempotencyKey: key, target: "infra", checkID: "CKV_AWS_53", resourceAddress: "aws_s3_bucket.logs",
                liveID: "logs", kind: "live", plan: plan, detectedAt: now, createdAt: now, updatedAt: now)
            return try #require(try await store.createRemediation(record).record.id)
        }

        @Test("list, show with audit, approve and reject by role, the actor is the token", arguments: Backend.allCases)
        func workflow(backend: Backend) async throws {
            try await withServer(backend) { server in
                let id = try await Self.request(server.store, "one")
                let other = try await Self.request(server.store, "two")
                let list = try await server.request(.get, "/api/v1/remediations?status=proposed", role: .viewer)
                #expect((list.json["remediations"] as? [[String: Any]])?.count == 2)
                #expect(try await server.request(.get, "/api/v1/remediations?status=maybe", role: .viewer).status == 400)

                #expect(try await server.request(.post, "/api/v1/remediations/\(id)/approve", role: .viewer).status == 403)
                let approved = try await server.request(
                    .post, "/api/v1/remediations/\(id)/approve", role: .approver, body: #"{"reason":"ok","actor":"mallory"}"#)
                #expect(approved.status == 200 && approved.json["status"] as? String == "approved")
                let shown = try await server.request(.get, "/api/v1/remediations/\(id)", role: .viewer)
                let audit = try #require(shown.json["audit"] as? [[String: Any]])
                #expect(audit.last?["actor"] as? String == "approver" && audit.last?["detail"] as? String == "ok")

                let rejected = try await server.request(.post, "/api/v1/remediations/\(other)/reject", role: .approver)
                #expect(rejected.json["status"] as? String == "rejected")
                let late = try await server.request(.post, "/api/v1/remediations/\(other)/approve", role: .approver)
                #expect(late.status == 409 && late.errorCode == "conflict" && late.body.contains("rejected"))
                #expect(try await server.request(.post, "/api/v1/remediations/999999/approve", role: .approver).status == 404)

                let dryRun = try await server.request(.post, "/api/v1/remediations/\(id)/apply?dry_run=true", role: .operator)
                #expect(dryRun.status == 200 && dryRun.json["result"] as? String == "planned")
                #expect(try await server.request(.post, "/api/v1/remediations/\(id)/apply?dry_run=true", role: .approver).status == 403)
                let notApproved = try await server.request(.post, "/api/v1/remediations/\(other)/apply", role: .operator)
                #expect(notApproved.status == 409)
            }
        }

        @Test("concurrent approvals through the API: exactly one transition is recorded", arguments: Backend.allCases)
        func concurrentApprovals(backend: Backend) async throws {
            try await withServer(backend) { server in
                for round in 0..<4 {
                    let id = try await Self.request(server.store, "race-\(round)")
                    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                        for _ in 0..<6 {
                            group.addTask { try await server.request(.post, "/api/v1/remediations/\(id)/approve", role: .approver).status }
                        }
                        return try await group.reduce(into: []) { $0.append($1) }
                    }
                    #expect(statuses.allSatisfy { $0 == 200 }, "round \(round)")
                    let events = try await server.store.auditEvents(remediationID: id)
                    #expect(events.filter { $0.toStatus == .approved }.count == 1, "round \(round)")
                }
            }
        }
    }
}
