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
                checker.error(
                    "Unknown change action \(actionNode.stringValue.map(Value.quote) ?? actionNode.kindName)", at: actionNode.range)
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
