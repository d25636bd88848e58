/// Orders named nodes so that every node comes after the nodes it depends on, and names every cycle.
struct DependencyOrder {
    /// Nodes in evaluation order; nodes on a cycle are included (after their non-cyclic dependencies).
    var order: [String]
    /// Each cycle as the list of its nodes, in the order they refer to each other.
    var cycles: [[String]]

    /// `nodes` in declaration order (ties keep it); `dependencies[n]` are the nodes `n` refers to.
    init(nodes: [String], dependencies: [String: [String]]) {
        // Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
        var index: [String: Int] = [:]
        var lowlink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var next = 0
        var order: [String] = []
        var cycles: [[String]] = []
        let known = Set(nodes)
        // Names that are not nodes (`var.x`, undeclared items) are dropped once, not on every visit.
        var edges: [String: [String]] = [:]
        edges.reserveCapacity(nodes.count)
        for node in nodes { edges[node] = (dependencies[node] ?? []).filter { known.contains($0) } }

        for root in nodes where index[root] == nil {
            var work: [(node: String, edge: Int)] = [(root, 0)]
            index[root] = next
            lowlink[root] = next
            next += 1
            stack.append(root)
            onStack.insert(root)
            while let (node, edge) = work.last {
                let deps = edges[node] ?? []
                if edge < deps.count {
                    work[work.count - 1].edge += 1
                    let dep = deps[edge]
                    if index[dep] == nil {
                        index[dep] = next
                        lowlink[dep] = next
                        next += 1
                        stack.append(dep)
                        onStack.insert(dep)
                        work.append((dep, 0))
                    } else if onStack.contains(dep) {
                        lowlink[node] = min(lowlink[node] ?? 0, index[dep] ?? 0)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node {
                    lowlink[parent] = min(lowlink[parent] ?? 0, lowlink[node] ?? 0)
                }
                if lowlink[node] == index[node] {
                    var component: [String] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
                        component.append(top)
                        if top == node { break }
                    }
                    let selfLoop = component.count == 1 && (dependencies[node] ?? []).contains(node)
                    if component.count > 1 || selfLoop {
                        cycles.append(Self.cyclePath(component, dependencies))
                    }
                    order.append(contentsOf: component.reversed())
                }
            }
        }
        self.order = order
        self.cycles = cycles
    }

    /// Walks the component along its edges so the message reads `a -> b -> c -> a`.
    private static func cyclePath(_ component: [String], _ dependencies: [String: [String]]) -> [String] {
        let members = Set(component)
        guard let start = component.min() else { return component }
        var path = [start]
        var visited: Set<String> = [start]
        var current = start
        while let next = (dependencies[current] ?? []).first(where: { members.contains($0) && !visited.contains($0) }) {
            path.append(next)
            visited.insert(next)
            current = next
        }
        return path
    }
}
