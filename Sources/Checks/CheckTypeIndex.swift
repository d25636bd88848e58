import Model

/// Check indices by the resource type they apply to, with the every-type (`*`) checks already merged in, so a
/// resource finds its checks with one lookup and no per-resource allocation.
struct CheckTypeIndex: Sendable {
    /// Sorted check indices by key: a managed resource's type, or `data.TYPE` for a data source.
    private let byKey: [String: [Int]]
    /// The `*` checks, for a managed resource whose type no check names.
    private let everyType: [Int]

    /// Indexes the checks of `checks` that `include` admits.
    init(checks: [CheckDefinition], include: (CheckDefinition) -> Bool) {
        var byKey: [String: [Int]] = [:]
        var everyType: [Int] = []
        for (i, check) in checks.enumerated() where include(check) {
            for type in Set(check.resourceTypes) {
                if type == "*" { everyType.append(i) } else { byKey[type, default: []].append(i) }
            }
        }
        if !everyType.isEmpty {
            // Data sources meet only the checks that name them, so `*` joins managed types alone.
            for (key, typed) in byKey where !key.hasPrefix("data.") {
                byKey[key] = Array(Set(typed + everyType)).sorted()
            }
        }
        self.byKey = byKey
        self.everyType = everyType
    }

    /// The indices of the checks that apply to `resource`, in check order.
    func checks(for resource: Resource) -> [Int] {
        if resource.mode == .data { return byKey["data." + resource.type] ?? [] }
        return byKey[resource.type] ?? everyType
    }
}
