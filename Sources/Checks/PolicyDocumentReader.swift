import HCL
import IAMPolicy
import Model

/// Reads the policy document a check's attribute holds (JSON text, a `jsonencode` object) or an
/// `aws_iam_policy_document` renders, into the analysis engine's statements.
enum PolicyDocumentReader {
    /// The document, or the outcome to report when there is none to read.
    static func read(_ value: Value, cache: PolicyDocumentCache = .shared) -> Result<PolicyDocument, OutcomeError> {
        switch value {
        case .unknown:
            return .failure(OutcomeError(Outcome(.unknown, "policy known only after apply")))
        case .null:
            return .failure(OutcomeError(Outcome(.false, "no policy")))
        case .string(let text):
            return cache.document(text) { _ in parsed(value) }
        default:
            if let rendered = renderedDocument(of: value) { return rendered }
            if value.members == nil { return .failure(OutcomeError(Outcome(.false, "policy is not a JSON object"))) }
        }
        return parsed(value)
    }

    /// The document a JSON text or object holds, or why it holds none.
    private static func parsed(_ value: Value) -> Result<PolicyDocument, OutcomeError> {
        do {
            let document = try PolicyDocument.parse(value)
            if document.statementsUnknown, document.statements.isEmpty {
                return .failure(OutcomeError(Outcome(.unknown, "policy statements known only after apply")))
            }
            return .success(document)
        } catch {
            return .failure(OutcomeError(Outcome(.false, "policy is not a valid document (\(error))")))
        }
    }

    /// Arguments through which other documents merge into an `aws_iam_policy_document`'s statement blocks.
    private static let mergedDocumentArguments = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

    /// For an `aws_iam_policy_document` that carries its rendered `json`: that document, which has the source and
    /// override documents merged in. When `json` is unknown the statement blocks still decide, together with the
    /// statements of the documents merged into them (a source may add a statement, an override may replace one by
    /// Sid); a merged document that is itself unknown leaves the policy unknown.
    /// Nil when the value is not such a data source (its statement blocks are read as they are).
    private static func renderedDocument(of value: Value) -> Result<PolicyDocument, OutcomeError>? {
        guard let members = value.members, let rendered = members["json"] else { return nil }
        if case .string = rendered { return read(rendered) }
        let merges = mergedDocumentArguments.contains { name in
            guard let v = members[name] else { return false }
            return !v.isNull && v != .string("") && v.elements?.isEmpty != true
        }
        guard merges else { return nil }
        let own = members["statement"] ?? .null
        if !own.isKnown {
            return .failure(OutcomeError(Outcome(.unknown, "policy statements known only after apply")))
        }
        let ownStatements = own.members != nil ? [own] : own.elements ?? []
        guard let candidates = PolicyDocumentMerge.candidates(members, ownStatements: ownStatements) else {
            return .failure(OutcomeError(Outcome(.unknown, "policy document merges documents known only after apply")))
        }
        var statements: [PolicyStatement] = []
        for (i, candidate) in candidates.enumerated() {
            do {
                statements.append(
                    try PolicyDocument.parseStatement(
                        candidate.statement, at: "Statement[\(i)]", presence: Tristate(candidate.kept)))
            } catch {
                return .failure(OutcomeError(Outcome(.false, "policy is not a valid document (\(error))")))
            }
        }
        return .success(PolicyDocument(statements: statements))
    }
}

/// Wraps an outcome so that `Result` can carry it as its failure.
struct OutcomeError: Error {
    let outcome: Outcome
    init(_ outcome: Outcome) { self.outcome = outcome }
}

extension Tristate {
    /// The check engine's truth for a policy answer's.
    init(_ truth: Truth) {
        switch truth {
        case .true: self = .true
        case .false: self = .false
        case .unknown: self = .unknown
        }
    }
}

extension Truth {
    /// The check engine's truth for a policy answer's.
    init(_ tristate: Tristate) {
        switch tristate {
        case .true: self = .true
        case .false: self = .false
        case .unknown: self = .unknown
        }
    }
}
