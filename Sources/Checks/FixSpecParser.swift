import Model

/// Compiles a check's `fix:` mapping into a `FixSpec`, with positioned errors for every bad shape.
enum FixSpecParser {
    private static let keys: Set<String> = ["id", "summary", "set", "remove", "add_block", "add_resource", "named"]

    /// The fix declared by `node`; `file` positions the spec for later diagnostics.
    static func parse(_ node: YNode, file: String) throws(LoadError) -> FixSpec {
        let pairs = try node.requireMapping("fix")
        try node.requireKeys(in: keys, "fix")
        var actions: [FixAction] = []
        for pair in pairs {
            switch pair.key {
            case "set": for item in try entries(pair.node, "fix.set") { actions.append(.set(try set(item))) }
            case "remove": for item in try entries(pair.node, "fix.remove") { actions.append(.remove(try remove(item))) }
            case "add_block":
                for item in try entries(pair.node, "fix.add_block") { actions.append(.addBlock(try addBlock(item))) }
            case "add_resource":
                for item in try entries(pair.node, "fix.add_resource") { actions.append(.addResource(try addResource(item))) }
            case "named":
                for item in try entries(pair.node, "fix.named") { actions.append(.named(try named(item))) }
            default: continue
            }
        }
        guard let first = actions.first else {
            throw node.error("fix needs at least one action (set, remove, add_block, add_resource or named)")
        }
        let id = try node["id"]?.requireString("fix.id") ?? defaultID(first)
        guard !id.isEmpty, !id.contains(where: \.isWhitespace) else { throw node.error("fix.id must be one word") }
        let summary = try node["summary"]?.requireString("fix.summary") ?? actions.map(describe).joined(separator: "; ")
        guard !summary.contains("\n") else { throw node.error("fix.summary must be one line") }
        let position = SourcePosition(line: node.line, column: node.column, byte: 0)
        return FixSpec(
            id: id, summary: summary, actions: actions,
            source: SourceRange(file: file, start: position, end: position))
    }

    /// A mapping or a list of mappings.
    private static func entries(_ node: YNode, _ what: String) throws(LoadError) -> [YNode] {
        if let items = node.sequenceItems {
            guard !items.isEmpty else { throw node.error("\(what) must not be empty") }
            return items
        }
        return [node]
    }

    private static func path(_ node: YNode?, in parent: YNode, _ what: String) throws(LoadError) -> [String] {
        guard let node else { throw parent.error("\(what) needs a 'path'") }
        let text = try node.requireString("\(what).path")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy(TerraformName.isValid) else {
            throw node.error("\(what).path '\(text)' must be dot-separated Terraform names (no wildcards or indexes)")
        }
        return parts
    }

    private static func value(of node: YNode, _ what: String) throws(LoadError) -> FixValue {
        let hasValue = node["value"] != nil
        let hasParam = node["param"] != nil
        guard hasValue != hasParam else { throw node.error("\(what) needs exactly one of 'value' or 'param'") }
        if let param = node["param"] {
            let name = try param.requireString("\(what).param")
            guard FixParameters.known.contains(name) else {
                throw param.error("unknown fix parameter '\(name)' (known: \(FixParameters.known.sorted().joined(separator: ", ")))")
            }
            return .parameter(name)
        }
        guard let literal = node["value"] else { throw node.error("\(what) needs a 'value'") }
        return .literal(try scalarOrList(literal, "\(what).value"))
    }

    private static func scalarOrList(_ node: YNode, _ what: String) throws(LoadError) -> Value {
        if node.mappingPairs != nil { throw node.error("\(what) must be a string, number, bool or list") }
        if let items = node.sequenceItems {
            var out: [Value] = []
            for item in items { out.append(try scalarOrList(item, what)) }
            return .tuple(out)
        }
        return node.value
    }

    private static func set(_ node: YNode) throws(LoadError) -> SetAttributeAction {
        try node.requireKeys(in: ["path", "value", "param", "aliases", "create"], "fix.set")
        let aliases = try node["aliases"]?.requireStringList("fix.set.aliases") ?? []
        var create = true
        if let c = node["create"] {
            guard case .bool(let b)? = c.scalarValue else { throw c.error("fix.set.create must be true or false") }
            create = b
        }
        return SetAttributeAction(
            path: try path(node["path"], in: node, "fix.set"), value: try value(of: node, "fix.set"),
            aliases: aliases, create: create)
    }

    private static func remove(_ node: YNode) throws(LoadError) -> RemoveElementAction {
        try node.requireKeys(in: ["path", "value"], "fix.remove")
        guard let v = node["value"], v.scalarValue != nil else { throw node.error("fix.remove needs a scalar 'value'") }
        return RemoveElementAction(path: try path(node["path"], in: node, "fix.remove"), value: v.value)
    }

    private static func addBlock(_ node: YNode) throws(LoadError) -> AddBlockAction {
        try node.requireKeys(in: ["path", "body"], "fix.add_block")
        let body = try node["body"].map { b throws(LoadError) in try self.body(b, "fix.add_block.body") } ?? FixBody()
        return AddBlockAction(path: try path(node["path"], in: node, "fix.add_block"), body: body)
    }

    private static func addResource(_ node: YNode) throws(LoadError) -> AddResourceAction {
        try node.requireKeys(in: ["type", "reference", "reference_attribute", "body", "unless_block"], "fix.add_resource")
        guard let typeNode = node["type"] else { throw node.error("fix.add_resource needs a 'type'") }
        let type = try typeNode.requireString("fix.add_resource.type")
        guard TerraformName.isValid(type) else { throw typeNode.error("fix.add_resource.type must be a resource type") }
        guard let refNode = node["reference"] else { throw node.error("fix.add_resource needs a 'reference' attribute name") }
        let reference = try refNode.requireString("fix.add_resource.reference")
        guard TerraformName.isValid(reference) else { throw refNode.error("fix.add_resource.reference must be an attribute name") }
        let attribute = try node["reference_attribute"]?.requireString("fix.add_resource.reference_attribute") ?? "id"
        let body = try node["body"].map { b throws(LoadError) in try self.body(b, "fix.add_resource.body") } ?? FixBody()
        return AddResourceAction(
            type: type, reference: reference, referenceAttribute: attribute, body: body,
            unlessBlock: try node["unless_block"]?.requireString("fix.add_resource.unless_block"))
    }

    private static func named(_ node: YNode) throws(LoadError) -> NamedFixAction {
        if node.scalarValue != nil { return NamedFixAction(name: try node.requireString("fix.named")) }
        try node.requireKeys(in: ["name", "arguments"], "fix.named")
        guard let nameNode = node["name"] else { throw node.error("fix.named needs a 'name'") }
        var arguments: [String: Value] = [:]
        if let args = node["arguments"] {
            for pair in try args.requireMapping("fix.named.arguments") {
                arguments[pair.key] = try scalarOrList(pair.node, "fix.named.arguments.\(pair.key)")
            }
        }
        return NamedFixAction(name: try nameNode.requireString("fix.named.name"), arguments: arguments)
    }

    /// Scalars and lists are attributes; mappings are nested blocks; a list of mappings is repeated blocks.
    private static func body(_ node: YNode, _ what: String) throws(LoadError) -> FixBody {
        var items: [FixBody.Item] = []
        for pair in try node.requireMapping(what) {
            guard TerraformName.isValid(pair.key) else {
                throw LoadError("'\(pair.key)' in \(what) is not a Terraform name", line: pair.node.line, column: pair.node.column)
            }
            if pair.node.mappingPairs != nil {
                if pair.node["param"] != nil, pair.node.mappingPairs?.count == 1 {
                    items.append(.attribute(pair.key, try value(of: pair.node, "\(what).\(pair.key)")))
                } else {
                    items.append(.block(pair.key, try body(pair.node, "\(what).\(pair.key)")))
                }
            } else if let list = pair.node.sequenceItems, let first = list.first, first.mappingPairs != nil {
                for item in list { items.append(.block(pair.key, try body(item, "\(what).\(pair.key)"))) }
            } else {
                items.append(.attribute(pair.key, .literal(try scalarOrList(pair.node, "\(what).\(pair.key)"))))
            }
        }
        return FixBody(items)
    }

    private static func defaultID(_ action: FixAction) -> String {
        switch action {
        case .set(let a): return "set-attribute:" + a.path.joined(separator: ".")
        case .remove(let a): return "remove-element:" + a.path.joined(separator: ".")
        case .addBlock(let a): return "add-block:" + a.path.joined(separator: ".")
        case .addResource(let a): return "add-resource:" + a.type
        case .named(let a): return "named:" + a.name
        }
    }

    private static func describe(_ action: FixAction) -> String {
        switch action {
        case .set(let a): return "set \(a.path.joined(separator: ".")) = \(render(a.value))"
        case .remove(let a): return "remove \(render(.literal(a.value))) from \(a.path.joined(separator: "."))"
        case .addBlock(let a): return "add a \(a.path.joined(separator: ".")) block"
        case .addResource(let a): return "add a \(a.type) resource"
        case .named(let a): return "apply \(a.name)"
        }
    }

    private static func render(_ value: FixValue) -> String {
        switch value {
        case .parameter(let p): return "<\(p)>"
        case .literal(.string(let s)): return "\"\(s)\""
        case .literal(let v): return ValueConversions.string(v) ?? "\(v)"
        }
    }
}

/// The parameters a fix may use in place of a literal value; the planner's caller supplies them.
public enum FixParameters {
    /// The CIDR an administrative port (SSH, RDP) may be opened to instead of the internet.
    public static let adminCIDR = "admin_cidr"
    /// Every parameter name a check file may use.
    public static let known: Set<String> = [adminCIDR]
}
