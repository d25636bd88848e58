import HCL
import Model

/// Reads `resource_changes` / `resource_drift` entries, one at a time so a bad entry loses only itself.
struct PlanChangesReader {
    /// A change and the raw `after_unknown` tree, which `PlanReader` also applies to `planned_values`.
    struct Entry {
        var change: ResourceChange
        var afterUnknown: JSONNode?
    }

    /// Every readable entry of a `resource_changes`-shaped array.
    static func read(_ node: JSONNode?, section: String, checker: inout JSONShapeChecker) -> [Entry] {
        guard let items = checker.items(node, "\"\(section)\"") else { return [] }
        var out: [Entry] = []
        out.reserveCapacity(items.count)
        for item in items {
            if let entry = readEntry(item, section: section, checker: &checker) { out.append(entry) }
        }
        return out
    }

    private static func readEntry(_ item: JSONNode, section: String, checker: inout JSONShapeChecker) -> Entry? {
        guard item.objectMembers != nil else {
            checker.error("Expected each entry of \"\(section)\" to be an object, found \(item.kindName)", at: item.range)
            return nil
        }
        let what = "A \"\(section)\" entry"
        guard let identity = PlanResourceIdentity.read(item, moduleKey: "module_address", what: what, checker: &checker)
        else { return nil }
        guard let change = item["change"], change.objectMembers != nil else {
            checker.error("\(what) (\(identity.address)) has no \"change\" object", at: item.range)
            return nil
        }
        var actions: [ResourceChange.Action] = []
        for actionNode in checker.items(change["actions"], "\"actions\"") ?? [] {
            guard let text = actionNode.stringValue, let action = ResourceChange.Action(rawValue: text) else {
                checker.error("Unknown change action \(actionNode.stringValue.map(Value.quote) ?? actionNode.kindName)", at: actionNode.range)
                continue
            }
            actions.append(action)
        }
        let afterUnknown = change["after_unknown"]
        let after = change["after"].map(TerraformJSONValue.value)
        let resourceChange = ResourceChange(
            address: identity.address,
            previousAddress: checker.string(item["previous_address"], "\"previous_address\""),
            deposed: checker.string(item["deposed"], "\"deposed\""),
            mode: identity.mode, type: identity.type, name: identity.name, provider: identity.provider,
            actions: actions,
            before: change["before"].map(TerraformJSONValue.value),
            after: TerraformJSONValue.applyingUnknown(after, afterUnknown),
            beforeSensitive: change["before_sensitive"].map(TerraformJSONValue.value),
            afterSensitive: change["after_sensitive"].map(TerraformJSONValue.value),
            actionReason: checker.string(item["action_reason"], "\"action_reason\""))
        return Entry(change: resourceChange, afterUnknown: afterUnknown)
    }
}

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
        Resource(mode: mode, provider: provider, type: type, name: name, modulePath: modulePath,
                 instanceKey: instanceKey, origin: .state(file: ""), attributes: [:]).address
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

extension JSONNode {
    /// True for a JSON `null`.
    var isNullNode: Bool {
        if case .null = kind { return true }
        return false
    }
}
