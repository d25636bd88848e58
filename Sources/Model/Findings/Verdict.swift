/// The answer of one check for one resource.
public enum Verdict: Sendable, Hashable, CustomStringConvertible {
    case passed
    case failed
    /// The answer depends on values known only after apply.
    case unknown(reason: String)
    /// A suppression applied; the condition was not evaluated.
    case skipped(reason: String)

    /// The verdict without its reason: what the store keeps and tallies count.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
        case passed, failed, unknown, skipped

        /// The upper-case form reports print (`PASSED`, `FAILED`, `UNKNOWN`, `SKIPPED`).
        public var description: String { rawValue.uppercased() }
    }

    /// The verdict without its reason.
    public var kind: Kind {
        switch self {
        case .passed: return .passed
        case .failed: return .failed
        case .unknown: return .unknown
        case .skipped: return .skipped
        }
    }

    /// The unknown or skip reason; nil for passed and failed.
    public var reason: String? {
        switch self {
        case .passed, .failed: return nil
        case .unknown(let reason), .skipped(let reason): return reason
        }
    }

    public var description: String { kind.description }
}
