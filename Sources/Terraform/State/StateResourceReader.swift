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
        let provider =
            checker.string(item["provider"], "\"provider\"").map(TerraformAddress.providerLocalName)
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
