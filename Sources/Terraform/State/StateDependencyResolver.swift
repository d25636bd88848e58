import Model

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
