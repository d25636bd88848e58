import HCL
import Model

/// A managed resource named by its address, with the file its block is in.
struct ResourceReference: Sendable {
    let type: String
    let name: String
    /// Module call names from the root (`module.a.module.b.x.y` → `["a", "b"]`).
    var modulePath: [String]
    /// The file holding the resource block (a path in the tree).
    var file: String
    var address: String

    /// Parses `address` (instance keys are ignored: the block is shared by every instance); nil for data sources
    /// and anything that is not `[module.NAME.]…TYPE.NAME`.
    init?(address: String, file: String) {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in address {
            switch c {
            case "[": depth += 1
            case "]": depth -= 1
            case "." where depth == 0:
                parts.append(current)
                current = ""
            default: if depth == 0 { current.append(c) }
            }
        }
        parts.append(current)
        var modules: [String] = []
        var i = 0
        while i + 1 < parts.count, parts[i] == "module" {
            modules.append(parts[i + 1])
            i += 2
        }
        guard parts.count - i == 2, parts[i] != "data", !parts[i].isEmpty, !parts[i + 1].isEmpty else { return nil }
        self.type = parts[i]
        self.name = parts[i + 1]
        self.modulePath = modules
        self.file = file
        self.address = address
    }

    /// The resource block in its file as edited so far (the fragment holding it, for a large file).
    func locate(in workspace: inout EditWorkspace) throws(FixProblem) -> (file: WorkingFile, block: Block) {
        guard let found = try workspace.resource(type: type, name: name, in: self.file) else {
            throw FixProblem(.notFound, "resource \"\(type)\" \"\(name)\" is not in \(self.file)")
        }
        return found
    }

    /// True when `expression` reads this resource (`TYPE.NAME…`).
    func isReferenced(by expression: Expression) -> Bool {
        Self.addresses(readBy: expression).contains(type + "." + name)
    }

    /// Every `ROOT.NAME` the expression reads through an attribute, index, splat or template: the resources it may
    /// refer to, as `isReferenced(by:)` sees them.
    static func addresses(readBy expression: Expression) -> Set<String> {
        var out = Set<String>()
        collect(expression, into: &out)
        return out
    }

    private static func collect(_ expression: Expression, into out: inout Set<String>) {
        switch expression.kind {
        case .getAttribute(let source, let attribute):
            if case .variable(let root) = source.kind { out.insert(root + "." + attribute) }
            collect(source, into: &out)
        case .index(let source, _), .parentheses(let source), .splat(let source, _): collect(source, into: &out)
        case .template(let parts):
            for part in parts { if case .interpolation(let e) = part { collect(e, into: &out) } }
        default: break
        }
    }
}
