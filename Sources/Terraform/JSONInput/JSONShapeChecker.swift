import HCL
import Model

/// Checks the shape of a Terraform JSON document node by node, collecting one diagnostic per bad
/// node so the reader can skip just that entry and keep going.
struct JSONShapeChecker {
    /// `.invalidPlan` or `.invalidState`.
    let code: Diagnostic.Code
    private(set) var diagnostics: [Diagnostic] = []

    init(code: Diagnostic.Code) {
        self.code = code
    }

    /// Records an error at the node's position. Messages never include attribute values (they may be sensitive).
    mutating func error(_ message: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(code, message, at: range))
    }

    /// Records a warning at the node's position.
    mutating func warning(_ message: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(code, message, at: range, severity: .warning))
    }

    /// Adds an already built diagnostic (e.g. from a nested parse).
    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The members of an object node; records an error and returns nil for any other kind.
    /// A missing or null node is not an error: Terraform omits empty sections.
    mutating func members(_ node: JSONNode?, _ what: String) -> [JSONMember]? {
        guard let node, !node.isNullNode else { return nil }
        if let members = node.objectMembers { return members }
        error("Expected \(what) to be an object, found \(node.kindName)", at: node.range)
        return nil
    }

    /// The items of an array node; records an error and returns nil for any other kind (null and missing allowed).
    mutating func items(_ node: JSONNode?, _ what: String) -> [JSONNode]? {
        guard let node, !node.isNullNode else { return nil }
        if let items = node.arrayItems { return items }
        error("Expected \(what) to be an array, found \(node.kindName)", at: node.range)
        return nil
    }

    /// The string payload; records an error when present with another kind (null and missing allowed).
    mutating func string(_ node: JSONNode?, _ what: String) -> String? {
        guard let node, !node.isNullNode else { return nil }
        if let s = node.stringValue { return s }
        error("Expected \(what) to be a string, found \(node.kindName)", at: node.range)
        return nil
    }

    /// The string payload of a member that must be present; records an error against `parent` when missing.
    mutating func requiredString(_ parent: JSONNode, _ key: String, _ what: String) -> String? {
        guard let node = parent[key] else {
            error("\(what) has no \"\(key)\"", at: parent.range)
            return nil
        }
        if let s = node.stringValue { return s }
        error("Expected \"\(key)\" of \(what) to be a string, found \(node.kindName)", at: node.range)
        return nil
    }
}

extension JSONNode {
    /// True for a JSON `null`.
    var isNullNode: Bool {
        if case .null = kind { return true }
        return false
    }
}
