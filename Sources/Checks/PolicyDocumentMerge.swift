import HCL
import Model

/// The statements an `aws_iam_policy_document` whose `json` is unknown can render, read from its statement
/// blocks and the documents merged into them, each with whether it is certainly kept in the merged document.
///
/// Merging follows the provider: `source_json`, then each of `source_policy_documents`, then the statement blocks,
/// then each of `override_policy_documents`, then `override_json`; a statement replaces an earlier one with the
/// same non-empty Sid, and a statement without Sid is always kept. The merged statements are a subset of all the
/// inputs' statements, so every input statement is a candidate; one a later Sid may replace is only maybe kept.
enum PolicyDocumentMerge {
    /// A candidate statement of the merged document.
    struct Candidate {
        let statement: Value
        /// `.true` when no later input can replace it, `.unknown` when one with an unknown Sid might.
        let kept: Truth
    }

    /// Merge inputs before the statement blocks, then after them, in merge order.
    private static let sources = ["source_json", "source_policy_documents"]
    private static let overrides = ["override_policy_documents", "override_json"]

    /// The candidate statements of `members`, or nil when a merge input is unknown or not a valid document
    /// (its statements then cannot be read).
    static func candidates(_ members: [String: Value], ownStatements: [Value]) -> [Candidate]? {
        var layers: [[Value]] = []
        for name in sources {
            guard let docs = documents(members[name]) else { return nil }
            layers += docs
        }
        layers.append(ownStatements)
        for name in overrides {
            guard let docs = documents(members[name]) else { return nil }
            layers += docs
        }
        var out: [Candidate] = []
        for (i, layer) in layers.enumerated() {
            let later = layers[(i + 1)...].joined().map(sid)
            for statement in layer {
                let kept = survival(sid(statement), later: Array(later))
                if kept != .false { out.append(Candidate(statement: statement, kept: kept)) }
            }
        }
        return out
    }

    /// Whether a statement with Sid `own` stays when statements with Sids `later` merge after it.
    /// A nil Sid is unknown; an empty one is absent.
    private static func survival(_ own: String?, later: [String?]) -> Truth {
        if own == "" { return .true }
        var kept = Truth.true
        for other in later {
            guard let other else {
                kept = .unknown
                continue
            }
            if other.isEmpty { continue }
            guard let own else {
                kept = .unknown
                continue
            }
            if other == own { return .false }
        }
        return kept
    }

    /// The statement's Sid: empty when absent, nil when known only after apply.
    private static func sid(_ statement: Value) -> String? {
        guard let value = statement["Sid"] ?? statement["sid"], !value.isNull else { return "" }
        guard value.isKnown else { return nil }
        return ValueConversions.string(value) ?? ""
    }

    /// The statement lists of one merge argument (a string or a list of strings), one per document; nil when
    /// the argument or one of its documents is unknown or is not a JSON policy.
    private static func documents(_ argument: Value?) -> [[Value]]? {
        guard let argument, !argument.isNull else { return [] }
        guard argument.isKnown else { return nil }
        var out: [[Value]] = []
        for item in ValueConversions.asCollection(argument) {
            guard item.isKnown else { return nil }
            guard let text = item.stringValue else { return nil }
            if text.isEmpty { continue }
            guard let parsed = (try? JSONParser.parse(text, filename: "policy"))?.value, let doc = parsed.members else {
                return nil
            }
            guard let statement = doc["Statement"] else {
                out.append([])
                continue
            }
            if statement.members != nil {
                out.append([statement])
            } else if let list = statement.elements {
                out.append(list)
            } else {
                return nil
            }
        }
        return out
    }
}
