import HCL
import Model

/// Reads the module tree of `planned_values` (or of a `terraform show -json` state's `values`).
struct PlanValuesReader {
    /// A resource instance from the module tree, before origin and references are attached.
    struct Entry {
        var identity: PlanResourceIdentity
        var attributes: [String: Value]
    }

    /// Deepest module nesting followed.
    let maxModuleDepth: Int

    /// Every readable resource of `root_module` and its `child_modules`, depth first in file order.
    func read(rootModule: JSONNode?, checker: inout JSONShapeChecker) -> [Entry] {
        var out: [Entry] = []
        if let rootModule { collect(rootModule, modulePath: [], depth: 0, checker: &checker, into: &out) }
        return out
    }

    private func collect(
        _ module: JSONNode, modulePath: [String], depth: Int, checker: inout JSONShapeChecker, into out: inout [Entry]
    ) {
        guard checker.members(module, "a module") != nil else { return }
        guard depth <= maxModuleDepth else {
            checker.error("Modules are nested deeper than \(maxModuleDepth) levels", at: module.range)
            return
        }
        for item in checker.items(module["resources"], "\"resources\"") ?? [] {
            guard item.objectMembers != nil else {
                checker.error("Expected each resource to be an object, found \(item.kindName)", at: item.range)
                continue
            }
            guard
                let identity = PlanResourceIdentity.read(
                    item, moduleKey: nil, modulePath: modulePath, what: "A planned resource", checker: &checker)
            else { continue }
            let attributes = checker.members(item["values"], "\"values\"").map(TerraformJSONValue.members) ?? [:]
            out.append(Entry(identity: identity, attributes: attributes))
        }
        for child in checker.items(module["child_modules"], "\"child_modules\"") ?? [] {
            guard child.objectMembers != nil else {
                checker.error("Expected each child module to be an object, found \(child.kindName)", at: child.range)
                continue
            }
            guard let addressNode = child["address"], let address = addressNode.stringValue else {
                checker.error("A child module has no \"address\" string", at: child.range)
                continue
            }
            guard let path = TerraformAddress.modulePath(address), !path.isEmpty else {
                checker.error("Invalid module address \(Value.quote(address))", at: addressNode.range)
                continue
            }
            collect(child, modulePath: path, depth: depth + 1, checker: &checker, into: &out)
        }
    }
}
