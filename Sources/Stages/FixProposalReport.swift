import Reconciler

/// What the propose stage did for each fix group in one cycle.
public struct FixProposalReport: StageReport, Hashable {
    /// The result of one group.
    public enum Result: Sendable, Hashable, CustomStringConvertible {
        /// Every finding of the group was in a closed or merged request.
        case declinedEarlier
        /// The planner had no fix for any finding of the group.
        case noAutomaticFix
        /// No automatic fix; `count` findings are left to a person.
        case leftManual(count: Int)
        /// The open request (its label, or the branch when no host is configured) already holds these fixes.
        case upToDate(String)
        /// The branch was pushed (no code host configured).
        case pushed(branch: String, commit: String)
        /// A request was opened, or an existing one updated; the text is the request's label.
        case opened(String)
        case updated(String)
        /// The fix commit could not be pushed (a refused or unreachable remote); the text says why.
        case failed(String)

        public var description: String {
            switch self {
            case .declinedEarlier: return "declined earlier (closed/merged request)"
            case .noAutomaticFix: return "no automatic fix"
            case .leftManual(let count): return "\(count) left manual"
            case .upToDate(let label): return "up to date (\(label))"
            case .pushed(let branch, let commit): return "pushed \(branch) \(commit.prefix(12))"
            case .opened(let label): return "opened \(label)"
            case .updated(let label): return "updated \(label)"
            case .failed(let reason): return "failed: \(reason)"
            }
        }
    }

    /// One group's key and result.
    public struct Group: Sendable, Hashable {
        public var key: String
        public var result: Result
    }

    public var groups: [Group]

    public var counts: [StageCount] {
        var pushed = 0
        var opened = 0
        var updated = 0
        var upToDate = 0
        var manual = 0
        var failed = 0
        for group in groups {
            switch group.result {
            case .pushed: pushed += 1
            case .opened: opened += 1
            case .updated: updated += 1
            case .upToDate: upToDate += 1
            case .noAutomaticFix, .leftManual: manual += 1
            case .failed: failed += 1
            case .declinedEarlier: break
            }
        }
        return [
            StageCount("fix_groups", groups.count), StageCount("fix_branches_pushed", pushed),
            StageCount("fix_requests_opened", opened), StageCount("fix_requests_updated", updated),
            StageCount("fix_groups_up_to_date", upToDate), StageCount("fix_groups_manual", manual),
            StageCount("fix_push_failed", failed),
        ]
    }

    /// `<group> <result>` per group, comma-separated.
    public var description: String {
        groups.map { "\($0.key) \($0.result)" }.joined(separator: ", ")
    }
}
