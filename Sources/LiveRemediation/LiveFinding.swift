import Checks
import Foundation
import Model
import Store

/// A failed check on a live resource, as the live-posture stage produces it.
public struct LiveFinding: Sendable {
    public var result: CheckResult
    /// The discovered resource (its origin must be `.live`).
    public var resource: Resource
    /// When the finding was first detected (the start of MTTR).
    public var detectedAt: Date

    /// Memberwise.
    public init(result: CheckResult, resource: Resource, detectedAt: Date) {
        self.result = result
        self.resource = resource
        self.detectedAt = detectedAt
    }

    /// The failed results on live resources of `graph` (the graph the results were evaluated on), as findings.
    public static func failed(_ results: [CheckResult], in graph: ResourceGraph, detectedAt: Date) -> [LiveFinding] {
        results.compactMap { result in
            guard result.verdict == .failed, let resource = graph.resource(at: result.resourceAddress),
                case .live = resource.origin
            else { return nil }
            return LiveFinding(result: result, resource: resource, detectedAt: detectedAt)
        }
    }
}

/// What `propose` did with one finding.
public struct ProposalOutcome: Sendable {
    public var checkID: String
    public var resourceAddress: String
    /// The request (new or the existing one with the same idempotency key); nil when skipped.
    public var record: RemediationRecord?
    /// False when an identical request already existed.
    public var created: Bool
    /// Why no request was made (no live fix, not a live resource, …).
    public var skipped: String?
    /// The apply, when the target's mode applied it automatically.
    public var applied: ApplyOutcome?
}

/// The result of an apply (or a verification).
public struct ApplyOutcome: Sendable {
    /// How it ended.
    public enum Result: Sendable, Hashable {
        /// Applied and the check passes on the re-read resource.
        case verified
        /// Applied, but verification did not pass (the reason); the request stays `applied`.
        case applied(reason: String)
        /// A call failed; the request is `failed` with this error.
        case failed(error: String)
        /// Nothing was done: another controller holds or already did it, or it is not approved (the status).
        case notApplied(status: RemediationStatus)
    }

    public var record: RemediationRecord
    public var result: Result
    /// Calls that were sent and succeeded, in order.
    public var executed: [LiveAPICall]
    /// For a failed apply whose earlier calls had completed: what was undone and what remains.
    public var rollback: LiveRollback? = nil
}

extension RemediationRecord {
    /// Mean-time-to-remediate for this request: detected → verified, nil until verified.
    public var timeToRemediate: TimeInterval? { verifiedAt.map { $0.timeIntervalSince(detectedAt) } }
}
