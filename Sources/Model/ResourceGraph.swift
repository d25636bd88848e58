/// Resources of one configuration with lookups by address and by incoming reference.
public struct ResourceGraph: Sendable {
    public private(set) var resources: [Resource]
    private var byAddress: [String: Int]
    private var byConfigAddress: [String: [Int]]

    public init(_ resources: [Resource]) {
        self.resources = resources
        var byAddress: [String: Int] = [:]
        var byConfigAddress: [String: [Int]] = [:]
        for (i, r) in resources.enumerated() {
            byAddress[r.address] = i
            byConfigAddress[r.configAddress, default: []].append(i)
        }
        self.byAddress = byAddress
        self.byConfigAddress = byConfigAddress
    }

    /// The resource with exactly this instance address.
    public func resource(at address: String) -> Resource? {
        byAddress[address].map { resources[$0] }
    }

    /// The resources a reference target names: one instance, or every instance of a config address.
    public func resolve(_ target: String) -> [Resource] {
        if let i = byAddress[target] { return [resources[i]] }
        return (byConfigAddress[target] ?? []).map { resources[$0] }
    }

    /// Resources that refer to `resource`, optionally only of `type` and only through `attribute`.
    public func referrers(of resource: Resource, type: String? = nil, attribute: String? = nil) -> [Resource] {
        let names: Set<String> = [resource.address, resource.configAddress]
        return resources.filter { candidate in
            if let type, candidate.type != type { return false }
            return candidate.references.contains { ref in
                names.contains(ref.target) && (attribute == nil || ref.attribute == attribute)
            }
        }
    }
}
