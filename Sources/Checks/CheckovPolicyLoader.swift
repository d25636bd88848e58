import Foundation
import Model

/// Translates Checkov custom YAML policies (`metadata` + `definition` with `cond_type` blocks) into checks.
///
/// Deviations from Checkov, chosen so that nothing passes silently: a connection is looked for in both
/// directions; attribute blocks on the connected types of a sibling connection become that connection's
/// condition on the connected resource; an attribute block whose types do not cover the policy's types is
/// neutral for other types (true inside `and`, false inside `or`); anything not translatable is a load error.
public enum CheckovPolicyLoader {
    private static let renamed: [String: String] = [
        "starting_with": "starts_with", "not_starting_with": "not_starts_with",
        "ending_with": "ends_with", "not_ending_with": "not_ends_with",
    ]
    private static let withoutValue: Set<String> = [
        "exists", "not_exists", "is_empty", "is_not_empty", "is_true", "is_false",
    ]

    /// Loads every `*.yaml`/`*.yml` below `directory`; a file that cannot be translated yields a diagnostic.
    public static func load(directory: String) -> (checks: [CheckDefinition], diagnostics: [Diagnostic]) {
        var checks: [CheckDefinition] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        let files: [String]
        do {
            files = try CheckLoader.yamlFiles(under: directory)
        } catch {
            return ([], [Diagnostic(.io, "cannot list policy directory: \(error)", at: .wholeFile(directory))])
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.io, "cannot read Checkov policy", at: .wholeFile(file)))
                continue
            }
            switch load(yaml: text, file: file) {
            case .failure(let d):
                diagnostics.append(d)
            case .success(let check):
                if let previous = seen[check.id] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicate, "duplicate policy ID \(check.id) (first defined in \(previous))",
                            at: check.source ?? .wholeFile(file)))
                } else {
                    seen[check.id] = file
                    checks.append(check)
                }
            }
        }
        return (checks, diagnostics)
    }

    /// Translates one policy from YAML text.
    public static func load(yaml text: String, file: String) -> Result<CheckDefinition, Diagnostic> {
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { throw LoadError("policy file is empty", line: 1, column: 1) }
            return .success(try translate(root, file: file))
        } catch {
            return .failure(error.diagnostic(file: "\(file)"))
        }
    }

    private static func translate(_ root: YNode, file: String) throws(LoadError) -> CheckDefinition {
        try root.requireKeys(in: ["metadata", "definition", "scope"], "a Checkov policy")
        guard let metadata = root["metadata"] else { throw root.error("missing 'metadata'") }
        guard let definition = root["definition"] else { throw root.error("missing 'definition'") }
        guard let idNode = metadata["id"] else { throw metadata.error("metadata needs 'id'") }
        let id = try idNode.requireString("metadata.id")
        let name = try metadata["name"]?.requireString("metadata.name") ?? id
        var severity = Severity.medium
        if let s = metadata["severity"] {
            let text = try s.requireString("metadata.severity").lowercased()
            if text == "info" {
                severity = .low
            } else if let parsed = Severity(rawValue: text) {
                severity = parsed
            } else {
                throw s.error("severity must be CRITICAL, HIGH, MEDIUM, LOW or INFO")
            }
        }
        let category = try metadata["category"]?.requireString("metadata.category")

        var scan = Scan()
        try scan.collect(definition)
        var mainTypes = scan.mainTypes
        if let filter = scan.filterTypes {
            mainTypes = mainTypes.isEmpty || mainTypes.contains("*") ? filter : mainTypes.intersection(filter)
        }
        guard !mainTypes.isEmpty else { throw definition.error("the policy names no resource types to check", .unsupported) }
        let translator = Translator(mainTypes: mainTypes, connectedTypes: scan.connectedTypes)
        let condition = try translator.translate(definition, context: .and)
        let types = mainTypes.sorted()
        let position = SourcePosition(line: root.line, column: root.column, byte: 0)
        return CheckDefinition(
            id: id, title: name, description: category.map { "Checkov custom policy (category \($0))" } ?? "Checkov custom policy",
            severity: severity, provider: provider(of: types), resourceTypes: types, condition: condition,
            remediation: try metadata["guideline"]?.requireString("metadata.guideline") ?? "",
            references: CheckReferences(checkov: [id]), source: SourceRange(file: file, start: position, end: position))
    }

    private static func provider(of types: [String]) -> String {
        guard let first = types.first(where: { $0 != "*" }) else { return "unknown" }
        switch Resource.impliedProvider(ofType: first) {
        case "azurerm", "azuread", "azapi": return "azure"
        case let other: return other
        }
    }

    /// First pass: which types the policy checks, which are only reached through connections, and filters.
    private struct Scan {
        var attributeTypes: [Set<String>] = []
        var connectionTypes = Set<String>()
        var connectedTypes = Set<String>()
        var filterTypes: Set<String>?

        mutating func collect(_ node: YNode) throws(LoadError) {
            let pairs = try node.requireMapping("a definition block")
            if let list = node["and"] ?? node["or"] {
                guard pairs.count == 1 else { throw node.error("'and'/'or' must be the only key of its block") }
                guard let items = list.sequenceItems else { throw list.error("'and'/'or' must be a list") }
                for item in items { try collect(item) }
                return
            }
            guard let condType = node["cond_type"] else { throw node.error("a definition block needs 'cond_type', 'and' or 'or'") }
            switch try condType.requireString("cond_type") {
            case "attribute":
                attributeTypes.append(try Translator.types(node))
            case "connection":
                connectionTypes.formUnion(try Translator.types(node))
                guard let connected = node["connected_resource_types"] else {
                    throw node.error("a connection needs 'connected_resource_types'")
                }
                connectedTypes.formUnion(try connected.requireStringList("connected_resource_types"))
            case "filter":
                let value = try node["value"]?.requireStringList("filter value") ?? []
                filterTypes = (filterTypes ?? Set(value)).intersection(value)
            case let other:
                throw condType.error("unsupported cond_type '\(other)'", .unsupported)
            }
        }

        /// Types of connection blocks, plus attribute blocks that are not only about connected resources.
        var mainTypes: Set<String> {
            var main = connectionTypes
            for types in attributeTypes
            where connectedTypes.isEmpty || !types.isSubset(of: connectedTypes) || types.isSubset(of: connectionTypes) {
                main.formUnion(types)
            }
            if main.contains("all") { return ["*"] }
            return main
        }
    }

    /// Second pass: builds the condition tree.
    private struct Translator {
        enum Context { case and, or }
        let mainTypes: Set<String>
        let connectedTypes: Set<String>

        static func types(_ node: YNode) throws(LoadError) -> Set<String> {
            guard let typesNode = node["resource_types"] else { throw node.error("block needs 'resource_types'") }
            return Set(try typesNode.requireStringList("resource_types"))
        }

        func translate(_ node: YNode, context: Context) throws(LoadError) -> Condition {
            if let list = node["and"] ?? node["or"] {
                let isAnd = node["and"] != nil
                return try translateList(list.sequenceItems ?? [], isAnd: isAnd, at: node)
            }
            return try translateLeaf(node, context: context)
        }

        /// Translates an and/or list, folding attribute blocks about connected-only types into the connections.
        private func translateList(_ items: [YNode], isAnd: Bool, at node: YNode) throws(LoadError) -> Condition {
            var connections: [(YNode, [Condition])] = []
            var folded: [(YNode, Condition)] = []
            var plain: [Condition] = []
            for item in items {
                if item["cond_type"].flatMap({ try? $0.requireString("cond_type") }) == "connection" {
                    connections.append((item, []))
                } else if let types = isConnectedOnly(item) {
                    folded.append((item, try attribute(item, types: types, guarded: false, context: isAnd ? .and : .or)))
                } else {
                    plain.append(try translate(item, context: isAnd ? .and : .or))
                }
            }
            for (item, condition) in folded {
                guard
                    let target = connections.firstIndex(where: { c in
                        (try? c.0["connected_resource_types"]?.requireStringList("")).map { list in
                            (try? Self.types(item)).map { $0.isSubset(of: Set(list)) } ?? false
                        } ?? false
                    })
                else {
                    throw item.error("attribute block on connected resource types has no sibling connection", .unsupported)
                }
                connections[target].1.append(condition)
            }
            for (item, nested) in connections {
                let inner: Condition? = nested.isEmpty ? nil : (nested.count == 1 ? nested[0] : (isAnd ? .and(nested) : .or(nested)))
                plain.append(try connection(item, nested: inner, context: isAnd ? .and : .or))
            }
            return isAnd ? .and(plain) : .or(plain)
        }

        /// The block's types when it is an attribute block only about connected resources.
        private func isConnectedOnly(_ node: YNode) -> Set<String>? {
            guard !connectedTypes.isEmpty,
                node["cond_type"].flatMap({ try? $0.requireString("cond_type") }) == "attribute",
                let types = try? Self.types(node),
                types.isSubset(of: connectedTypes), types.isDisjoint(with: mainTypes)
            else { return nil }
            return types
        }

        private func translateLeaf(_ node: YNode, context: Context) throws(LoadError) -> Condition {
            guard let condType = node["cond_type"] else { throw node.error("a definition block needs 'cond_type'") }
            switch try condType.requireString("cond_type") {
            case "attribute":
                return try attribute(node, types: try Self.types(node), guarded: true, context: context)
            case "connection":
                return try connection(node, nested: nil, context: context)
            case "filter":
                try node.requireKeys(in: ["cond_type", "attribute", "operator", "value"], "a filter")
                guard try node["attribute"]?.requireString("attribute") == "resource_type",
                    try node["operator"]?.requireString("operator") == "within"
                else { throw node.error("only filters 'resource_type within [...]' are supported", .unsupported) }
                return .resourceType(Set(try node["value"]?.requireStringList("filter value") ?? []))
            case let other:
                throw condType.error("unsupported cond_type '\(other)'", .unsupported)
            }
        }

        private func attribute(_ node: YNode, types: Set<String>, guarded: Bool, context: Context) throws(LoadError) -> Condition {
            try node.requireKeys(in: ["cond_type", "resource_types", "attribute", "operator", "value"], "an attribute block")
            guard let opNode = node["operator"] else { throw node.error("attribute block needs 'operator'") }
            let raw = try opNode.requireString("operator")
            let name = renamed[raw] ?? raw
            guard let attributeNode = node["attribute"] else { throw node.error("attribute block needs 'attribute'") }
            let path = try ConditionCompiler.path(attributeNode)
            let op: AttributeOperator
            do throws(LoadError) {
                op = try ConditionCompiler.makeOperator(
                    name, withoutValue.contains(name) ? nil : node["value"],
                    at: opNode, in: node, anchoredRegex: true)
            } catch  where error.code == .unsupported {
                throw opNode.error("unsupported Checkov operator '\(raw)'", .unsupported)
            }
            let condition = Condition.attribute(AttributeCondition(path: path, op: op))
            return guarded ? guardTypes(types, condition, context: context) : condition
        }

        private func connection(_ node: YNode, nested: Condition?, context: Context) throws(LoadError) -> Condition {
            try node.requireKeys(in: ["cond_type", "resource_types", "connected_resource_types", "operator"], "a connection block")
            let types = try Self.types(node)
            guard let connectedNode = node["connected_resource_types"] else {
                throw node.error("a connection needs 'connected_resource_types'")
            }
            let connected = Set(try connectedNode.requireStringList("connected_resource_types"))
            let op = try node["operator"]?.requireString("operator") ?? "exists"
            let base = Condition.connection(ConnectionCondition(resourceTypes: connected, via: nil, direction: .either, condition: nested))
            let condition: Condition
            switch op {
            case "exists": condition = base
            case "not_exists": condition = .not(base)
            default: throw node.error("unsupported connection operator '\(op)'", .unsupported)
            }
            return guardTypes(types, condition, context: context)
        }

        /// Applies `condition` only to resources of `types`; other resources get the neutral value of the context.
        private func guardTypes(_ types: Set<String>, _ condition: Condition, context: Context) -> Condition {
            if types.contains("all") || mainTypes.isSubset(of: types) { return condition }
            switch context {
            case .and: return .or([.not(.resourceType(types)), condition])
            case .or: return .and([.resourceType(types), condition])
            }
        }
    }
}

extension YNode {
    /// An error at this node with a specific diagnostic code.
    func error(_ message: String, _ code: Diagnostic.Code) -> LoadError {
        LoadError(message, line: line, column: column, code: code)
    }
}
