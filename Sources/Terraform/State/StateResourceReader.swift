import HCL
import Model

/// One instance read from state, with its raw `dependencies` still to be resolved.
struct StateInstanceEntry {
    var resource: Resource
    var deposed: Bool
    /// Absolute configuration addresses (module keys dropped), as Terraform records them.
    var dependencies: [String]
}

/// Reads the `resources[].instances[]` of a version 4 state, entry by entry.
struct StateResourceReader {
    let filename: String

    /// Every readable instance, in file order.
    func read(_ node: JSONNode?, checker: inout JSONShapeChecker) -> [StateInstanceEntry] {
        var out: [StateInstanceEntry] = []
        for item in checker.items(node, "\"resources\"") ?? [] {
            guard item.objectMembers != nil else {
                checker.error("Expected each resource to be an object, found \(item.kindName)", at: item.range)
                continue
            }
            readResource(item, checker: &checker, into: &out)
        }
        return out
    }

    private func readResource(_ item: JSONNode, checker: inout JSONShapeChecker, into out: inout [StateInstanceEntry]) {
        let what = "A state resource"
        guard let type = checker.requiredString(item, "type", what), let name = checker.requiredString(item, "name", what)
        else { return }
        var mode = Resource.Mode.managed
        if let modeText = checker.string(item["mode"], "\"mode\"") {
            guard let parsed = Resource.Mode(rawValue: modeText) else {
                checker.error("Unknown resource mode \(Value.quote(modeText))", at: item["mode"]?.range ?? item.range)
                return
            }
            mode = parsed
        }
        var modulePath: [String] = []
        if let moduleNode = item["module"], let moduleText = checker.string(moduleNode, "\"module\"") {
            guard let parsed = TerraformAddress.modulePath(moduleText) else {
                checker.error("Invalid module address \(Value.quote(moduleText))", at: moduleNode.range)
                return
            }
            modulePath = parsed
        }
        let provider = checker.string(item["provider"], "\"provider\"").map(TerraformAddress.providerLocalName)
            ?? Resource.impliedProvider(ofType: type)
        for instance in checker.items(item["instances"], "\"instances\"") ?? [] {
            guard instance.objectMembers != nil else {
                checker.error("Expected each instance to be an object, found \(instance.kindName)", at: instance.range)
                continue
            }
            var key: Resource.InstanceKey?
            if let keyNode = instance["index_key"], !keyNode.isNullNode {
                guard let parsed = TerraformAddress.instanceKey(TerraformJSONValue.value(keyNode)) else {
                    checker.error("Expected \"index_key\" to be an integer or a string, found \(keyNode.kindName)", at: keyNode.range)
                    continue
                }
                key = parsed
            }
            let resource = Resource(
                mode: mode, provider: provider, type: type, name: name, modulePath: modulePath, instanceKey: key,
                origin: .state(file: filename), attributes: attributes(instance, checker: &checker))
            let dependencies = (checker.items(instance["dependencies"], "\"dependencies\"") ?? []).compactMap(\.stringValue)
            let deposed = checker.string(instance["deposed"], "\"deposed\"") != nil
            out.append(StateInstanceEntry(resource: resource, deposed: deposed, dependencies: dependencies))
        }
    }

    /// `attributes`, or for objects last written by a pre-0.12 provider, the flat `attributes_flat` strings.
    private func attributes(_ instance: JSONNode, checker: inout JSONShapeChecker) -> [String: Value] {
        if let members = checker.members(instance["attributes"], "\"attributes\"") {
            return TerraformJSONValue.members(members)
        }
        if let members = checker.members(instance["attributes_flat"], "\"attributes_flat\"") {
            return TerraformJSONValue.members(members)
        }
        return [:]
    }
}

/// Turns state `dependencies` (configuration addresses such as `module.workers.aws_x.y`) into
/// references a `ResourceGraph` can resolve, by putting back the module instance keys.
enum StateDependencyResolver {
    /// Fills `resource.references` of every entry from its `dependencies`.
    ///
    /// A dependency inside a repeated module names no instance; it is expanded to the module instances
    /// present in the state that agree with the referring resource's own module keys, so a resource
    /// in `module.workers["a"]` depends on `module.workers["a"]…`, and one outside on every instance.
    static func resolve(_ entries: inout [StateInstanceEntry]) {
        var instancePaths: [[String]: Set<[String]>] = [:]
        for entry in entries {
            let path = entry.resource.modulePath
            instancePaths[TerraformAddress.configPath(path), default: []].insert(path)
        }
        var cache: [String: [String]] = [:]
        for i in entries.indices where !entries[i].dependencies.isEmpty {
            let ownPath = entries[i].resource.modulePath
            var references: [Reference] = []
            for dependency in entries[i].dependencies {
                let cacheKey = ownPath.joined(separator: ".") + "\u{0}" + dependency
                let targets = cache[cacheKey] ?? expand(dependency, from: ownPath, instancePaths: instancePaths)
                cache[cacheKey] = targets
                for target in targets { references.append(Reference(attribute: "", target: target)) }
            }
            entries[i].resource.references = references
        }
    }

    private static func expand(_ dependency: String, from ownPath: [String], instancePaths: [[String]: Set<[String]>]) -> [String] {
        guard let steps = TerraformAddress.steps(dependency) else { return [dependency] }
        // Split the leading `module.x` pairs from the resource part.
        var moduleConfig: [String] = []
        var i = 0
        while i + 1 < steps.count, steps[i] == .name("module"), case .name(let call) = steps[i + 1] {
            moduleConfig.append("module." + call)
            i += 2
        }
        let local = TerraformAddress.render(steps[i...])
        guard !moduleConfig.isEmpty else { return [local] }
        let ownConfig = TerraformAddress.configPath(ownPath)
        let candidates = instancePaths[moduleConfig] ?? []
        let matching = candidates.filter { candidate in
            // Agree with the referrer on every leading module call both paths share.
            var k = 0
            while k < candidate.count, k < ownPath.count, ownConfig[k] == moduleConfig[k] {
                if candidate[k] != ownPath[k] { return false }
                k += 1
            }
            return true
        }
        // No instance of that module in state (e.g. it has none): keep the configuration address.
        guard !matching.isEmpty else { return [dependency] }
        return matching.map { ($0 + [local]).joined(separator: ".") }.sorted()
    }
}
