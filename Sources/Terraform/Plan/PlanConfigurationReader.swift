import HCL
import Model

/// Turns the `configuration` section of a plan into reference edges.
///
/// The configuration is per module *call*, not per instance, so edges are keyed by the resource's
/// configuration address (`module.workers.terraform_data.job`) with targets relative to the module;
/// `PlanReader` makes them absolute for each instance with the instance's own module path.
struct PlanConfigurationReader {
    /// Reference roots that never name a resource.
    private static let nonResourceRoots: Set<String> = [
        "var", "local", "each", "count", "path", "terraform", "self", "ephemeral", "action", "run",
    ]

    /// Deepest chain of `module.x.output` indirections followed.
    let maxModuleDepth: Int

    /// Edges by configuration address, targets relative to the referring resource's module.
    func references(rootModule: JSONNode?) -> [String: [Reference]] {
        var out: [String: [Reference]] = [:]
        if let rootModule { collect(module: rootModule, path: [], depth: 0, into: &out) }
        return out
    }

    private func collect(module: JSONNode, path: [String], depth: Int, into out: inout [String: [Reference]]) {
        guard depth <= maxModuleDepth else { return }
        for resource in module["resources"]?.arrayItems ?? [] {
            guard let address = resourceAddress(resource) else { continue }
            var edges: [Reference] = []
            if let expressions = resource["expressions"] {
                walk(expressions, attribute: "", module: module, into: &edges)
            }
            for meta in [("count_expression", "count"), ("for_each_expression", "for_each")] {
                if let expression = resource[meta.0] { walk(expression, attribute: meta.1, module: module, into: &edges) }
            }
            // Explicit depends_on lists plain addresses; they read no attribute.
            if let dependsOn = resource["depends_on"]?.arrayItems {
                let refs = dependsOn.compactMap(\.stringValue)
                addReferences(refs, attribute: "depends_on", module: module, into: &edges)
            }
            let key = (path + [address]).joined(separator: ".")
            out[key, default: []].append(contentsOf: edges)
        }
        for call in module["module_calls"]?.objectMembers ?? [] {
            guard let child = call.value["module"] else { continue }
            collect(module: child, path: path + ["module." + call.key], depth: depth + 1, into: &out)
        }
    }

    /// `type.name` or `data.type.name`, from the fields (the `address` is relative anyway).
    private func resourceAddress(_ resource: JSONNode) -> String? {
        guard let type = resource["type"]?.stringValue, let name = resource["name"]?.stringValue else { return nil }
        return (resource["mode"]?.stringValue == "data" ? "data." : "") + type + "." + name
    }

    /// Visits an expressions tree: expression objects yield edges; nested blocks (objects or arrays of
    /// objects of expressions) extend the dotted attribute path.
    private func walk(_ node: JSONNode, attribute: String, module: JSONNode, into edges: inout [Reference]) {
        switch node.kind {
        case .object(let members):
            if Self.isExpression(members) {
                let refs = node["references"]?.arrayItems?.compactMap(\.stringValue) ?? []
                addReferences(refs, attribute: attribute, module: module, into: &edges)
                return
            }
            for member in members {
                walk(member.value, attribute: Self.join(attribute, member.key), module: module, into: &edges)
            }
        case .array(let items):
            for item in items { walk(item, attribute: attribute, module: module, into: &edges) }
        default:
            return
        }
    }

    /// An expression object has only `references` (a list of strings) and/or `constant_value`;
    /// anything else is a nested block.
    private static func isExpression(_ members: [JSONMember]) -> Bool {
        guard !members.isEmpty else { return false }
        for member in members {
            switch member.key {
            case "constant_value": continue
            case "references": if member.value.arrayItems == nil { return false }
            default: return false
            }
        }
        return true
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    /// Adds the edges of one expression's reference list.
    ///
    /// Terraform lists each reference followed by its shorter prefixes (`a.b[0].id`, `a.b[0]`, `a.b`);
    /// a prefix adds nothing once a longer form of it was seen, so it is dropped.
    func addReferences(_ refs: [String], attribute: String, module: JSONNode, into edges: inout [Reference]) {
        var covered: Set<String> = []
        var attributesByTarget: [String: [String]] = [:]
        for text in refs {
            for resolved in resolve(text, module: module, depth: 0) {
                if let attr = resolved.targetAttribute {
                    let seen = attributesByTarget[resolved.target] ?? []
                    if seen.contains(where: { $0 == attr || $0.hasPrefix(attr + ".") }) { continue }
                    attributesByTarget[resolved.target, default: []].append(attr)
                } else if covered.contains(resolved.target) {
                    continue
                }
                covered.formUnion(resolved.covers)
                edges.append(Reference(attribute: attribute, target: resolved.target, targetAttribute: resolved.targetAttribute))
            }
        }
    }

    /// A reference resolved to a resource: target relative to the module the expression is in.
    struct ResolvedReference {
        var target: String
        var targetAttribute: String?
        /// The target and its shorter forms (without instance key), which later prefixes would repeat.
        var covers: [String]
    }

    /// Resolves one reference string; `module.x.out` follows the output's own references into the child.
    func resolve(_ text: String, module: JSONNode, depth: Int) -> [ResolvedReference] {
        guard let steps = TerraformAddress.steps(text), case .name(let root) = steps[0] else { return [] }
        if Self.nonResourceRoots.contains(root) { return [] }
        if root == "module" { return resolveModuleOutput(steps, module: module, depth: depth) }
        var i = 0
        var prefix = ""
        if root == "data" {
            prefix = "data."
            i = 1
        }
        guard i + 1 < steps.count, case .name(let type) = steps[i], case .name(let name) = steps[i + 1] else { return [] }
        let base = prefix + type + "." + name
        var target = base
        i += 2
        if i < steps.count, case .key(let key) = steps[i] {
            target += key.description
            i += 1
        }
        return [ResolvedReference(target: target, targetAttribute: Self.attributePath(steps[i...]), covers: [target, base])]
    }

    /// `id`, `versioning.enabled`: names after the resource, index steps dropped; nil when none.
    private static func attributePath(_ steps: ArraySlice<TraversalStep>) -> String? {
        let names = steps.compactMap { step -> String? in
            if case .name(let n) = step { return n }
            return nil
        }
        return names.isEmpty ? nil : names.joined(separator: ".")
    }

    /// `module.call[key].output…`: the references of that output's expression inside the child module,
    /// prefixed with the call. Skipped when the instance cannot be told (a repeated call without key).
    private func resolveModuleOutput(_ steps: [TraversalStep], module: JSONNode, depth: Int) -> [ResolvedReference] {
        guard depth < maxModuleDepth, steps.count >= 3, case .name(let call) = steps[1] else { return [] }
        var i = 2
        var key: Resource.InstanceKey?
        if case .key(let k) = steps[i] {
            key = k
            i += 1
        }
        guard i < steps.count, case .name(let output) = steps[i],
            let callNode = module["module_calls"]?[call], let child = callNode["module"]
        else { return [] }
        let repeated = callNode["count_expression"] != nil || callNode["for_each_expression"] != nil
        guard repeated == (key != nil) else { return [] }
        let refs = child["outputs"]?[output]?["expression"]?["references"]?.arrayItems?.compactMap(\.stringValue) ?? []
        let callPrefix = "module." + call + (key?.description ?? "") + "."
        var out: [ResolvedReference] = []
        for ref in refs {
            for inner in resolve(ref, module: child, depth: depth + 1) {
                out.append(
                    ResolvedReference(
                        target: callPrefix + inner.target, targetAttribute: inner.targetAttribute,
                        covers: inner.covers.map { callPrefix + $0 }))
            }
        }
        return out
    }
}
