import HCL
import Model

/// The identifying fields shared by `planned_values` resources and `resource_changes` entries.
struct PlanResourceIdentity {
    var mode: Resource.Mode
    var type: String
    var name: String
    var provider: String
    var modulePath: [String]
    var instanceKey: Resource.InstanceKey?

    /// The instance address, rendered the same way as `Resource.address` so both sections line up.
    var address: String {
        Resource(
            mode: mode, provider: provider, type: type, name: name, modulePath: modulePath,
            instanceKey: instanceKey, origin: .state(file: ""), attributes: [:]
        ).address
    }

    /// Reads mode/type/name/provider_name/index; the module path comes from `moduleKey` of the entry
    /// (`module_address`) or, when given, from the enclosing module.
    static func read(
        _ item: JSONNode, moduleKey: String?, modulePath enclosing: [String] = [], what: String,
        checker: inout JSONShapeChecker
    ) -> PlanResourceIdentity? {
        guard let type = checker.requiredString(item, "type", what), let name = checker.requiredString(item, "name", what)
        else { return nil }
        var mode = Resource.Mode.managed
        if let modeText = checker.string(item["mode"], "\"mode\"") {
            guard let parsed = Resource.Mode(rawValue: modeText) else {
                checker.error("Unknown resource mode \(Value.quote(modeText))", at: item["mode"]?.range ?? item.range)
                return nil
            }
            mode = parsed
        }
        var modulePath = enclosing
        if let moduleKey, let moduleNode = item[moduleKey], let moduleText = checker.string(moduleNode, "\"\(moduleKey)\"") {
            guard let parsed = TerraformAddress.modulePath(moduleText) else {
                checker.error("Invalid module address \(Value.quote(moduleText))", at: moduleNode.range)
                return nil
            }
            modulePath = parsed
        }
        var key: Resource.InstanceKey?
        if let indexNode = item["index"], !indexNode.isNullNode {
            guard let parsed = TerraformAddress.instanceKey(TerraformJSONValue.value(indexNode)) else {
                checker.error("Expected \"index\" to be an integer or a string, found \(indexNode.kindName)", at: indexNode.range)
                return nil
            }
            key = parsed
        }
        let providerText = checker.string(item["provider_name"], "\"provider_name\"")
        let provider = providerText.map(TerraformAddress.providerLocalName) ?? Resource.impliedProvider(ofType: type)
        return PlanResourceIdentity(
            mode: mode, type: type, name: name, provider: provider, modulePath: modulePath, instanceKey: key)
    }
}
