import HCL
import Model

/// Reference edges: the resources a value was computed from, followed through locals, variables,
/// `each.value` and module outputs.
extension ModuleInstance {
    /// Edges from each attribute (dotted path for nested blocks) to the resources its value came from.
    func references(of analysed: [(path: String, traversals: [Traversal])], _ instanceCtx: EvalContext) -> [Reference] {
        var out: [Reference] = []
        var seen: Set<Reference> = []
        for (path, traversals) in analysed {
            // Meta-arguments configure the resource rather than describe it; depends_on still is an edge.
            let head = path.split(separator: ".", maxSplits: 1).first.map(String.init) ?? path
            if head != "depends_on" && ModuleConfig.resourceMetaArguments.contains(head) { continue }
            for (target, attribute) in targets(of: traversals, instanceCtx).targets.sorted(by: { $0.key < $1.key }) {
                let ref = Reference(attribute: path, target: target, targetAttribute: attribute)
                if seen.insert(ref).inserted { out.append(ref) }
            }
        }
        return out
    }

    /// The absolute resource addresses `e` draws on, directly or through locals, variables and module outputs.
    func targets(of e: HCL.Expression, _ context: EvalContext) -> ReferenceTargets {
        targets(of: e.traversals, context)
    }

    func targets(of traversals: [Traversal], _ context: EvalContext) -> ReferenceTargets {
        var out = ReferenceTargets()
        for t in traversals {
            let names = t.leadingAttributes
            switch t.root {
            case "local":
                if let n = names.first, let inner = localTargets[n] { out.formUnion(inner) }
            case "var":
                if let n = names.first, let inner = inputTargets[n] { out.formUnion(inner) }
            case "each":
                guard names.first == "value" else { continue }
                let attribute = names.count > 1 ? names[1] : nil
                for (target, existing) in eachTargets.targets { out.insert(target, attribute: attribute ?? existing) }
            case "module":
                if let call = names.first {
                    let outputName = ModuleGraph.moduleOutputName(t)
                    if let perOutput = instanceOutputTargets(call, t, context) ?? moduleOutputTargets[call] {
                        if let outputName, let inner = perOutput[outputName] {
                            out.formUnion(inner)
                        } else if outputName == nil {
                            for inner in perOutput.values { out.formUnion(inner) }
                        }
                    }
                }
            case "data":
                guard t.steps.count >= 2, case .attribute(let type) = t.steps[0], case .attribute(let name) = t.steps[1] else { continue }
                let (address, attribute) = instanceAddress("data.\(type).\(name)", Array(t.steps.dropFirst(2)), context)
                out.insert(address, attribute: attribute)
            default:
                guard resourceTypes.contains(t.root), case .attribute(let name)? = t.steps.first else { continue }
                let (address, attribute) = instanceAddress("\(t.root).\(name)", Array(t.steps.dropFirst()), context)
                out.insert(address, attribute: attribute)
            }
        }
        return out
    }

    /// The resources `each.value` refers to for one instance: the keyed instance when `for_each` is a
    /// resource itself, else whatever the `for_each` expression draws on.
    func targetsOfEach(_ forEach: HCL.Expression?, key: Resource.InstanceKey?) -> ReferenceTargets {
        guard let forEach else { return ReferenceTargets() }
        var direct: String?
        if case .getAttribute(let source, let name) = forEach.kind, case .variable(let type) = source.kind, resourceTypes.contains(type) {
            direct = addressPrefix + "\(type).\(name)"
        }
        if let direct, let key {
            var out = ReferenceTargets()
            out.insert(direct + key.description, attribute: nil)
            return out
        }
        return targets(of: forEach, ctx)
    }

    /// Absolute address with the instance key when the index is known, plus the attribute read after it.
    /// The output targets of the one instance `module.call[key]` names, when the key is known and the call has it.
    private func instanceOutputTargets(_ call: String, _ t: Traversal, _ context: EvalContext) -> [String: ReferenceTargets]? {
        guard t.steps.count >= 2, case .index(let keyExpr) = t.steps[1],
            let perInstance = moduleInstanceOutputTargets[call], !perInstance.isEmpty,
            let key = try? Evaluator.evaluate(keyExpr, in: context)
        else { return nil }
        switch key {
        case .number(let n) where n == n.rounded() && n >= 0: return perInstance[Resource.InstanceKey.int(Int(n)).description]
        case .string(let s): return perInstance[Resource.InstanceKey.string(s).description]
        default: return nil
        }
    }

    private func instanceAddress(_ local: String, _ rest: [Traversal.Step], _ context: EvalContext) -> (String, String?) {
        var address = addressPrefix + local
        var remaining = rest[...]
        if case .index(let keyExpr)? = remaining.first {
            remaining = remaining.dropFirst()
            if let key = try? Evaluator.evaluate(keyExpr, in: context) {
                switch key {
                case .number(let n) where n == n.rounded() && n >= 0: address += Resource.InstanceKey.int(Int(n)).description
                case .string(let s): address += Resource.InstanceKey.string(s).description
                default: break
                }
            }
        }
        var attribute: String?
        if case .attribute(let a)? = remaining.first { attribute = a }
        return (address, attribute)
    }
}
