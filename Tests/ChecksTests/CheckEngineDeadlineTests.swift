import Model
import Testing

@testable import Checks

/// The check engine's per-resource loop stops at the evaluation deadline.
@Suite struct CheckEngineDeadlineTests {
    static var graph: ResourceGraph {
        ResourceGraph((0..<3).map { makeResource("aws_s3_bucket", "b\($0)", ["acl": .string("private")]) })
    }

    @Test func pastDeadlineThrowsBeforeAnyResult() throws {
        let engine = CheckEngine(checks: [try makeCheck("{attribute: acl, operator: not_within, value: [public-read, public-read-write]}")])
        let past = EvaluationDeadline(at: .now - .seconds(1))
        do {
            let results = try engine.evaluate(graph: Self.graph, deadline: past)
            Issue.record("expected a deadline error, got \(results.count) results")
        } catch {
            #expect(error.code == .deadlineExceeded)
            #expect(error.message.contains("aws_s3_bucket.b0"))
        }
    }

    @Test func liveDeadlineGivesTheSameResultsAsNone() throws {
        let engine = CheckEngine(checks: [try makeCheck("{attribute: acl, operator: not_within, value: [public-read, public-read-write]}")])
        let results = try engine.evaluate(graph: Self.graph, deadline: EvaluationDeadline(after: .seconds(3600)))
        #expect(results.map(\.verdict) == engine.evaluate(graph: Self.graph).map(\.verdict))
        #expect(results.count == 3)
    }
}
