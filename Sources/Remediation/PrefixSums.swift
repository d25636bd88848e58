/// Running totals over a list of counts that change one at a time (a Fenwick tree): a fragment's position in its
/// file is the sum of the lines and bytes of the fragments before it, and an edit changes one fragment's counts,
/// so both the update and the sum cost a logarithm of the number of fragments rather than a pass over them.
struct PrefixSums: Sendable {
    private var tree: [Int]
    private var values: [Int]

    /// Totals over `values`, in order.
    init(_ values: [Int]) {
        self.values = values
        tree = [0] + values
        for i in 1..<max(1, tree.count) {
            let parent = i + (i & -i)
            if parent < tree.count { tree[parent] += tree[i] }
        }
    }

    /// Sets the count at `index` to `value`; returns the steps taken.
    @discardableResult
    mutating func set(_ index: Int, to value: Int) -> Int {
        guard values.indices.contains(index) else { return 0 }
        let delta = value - values[index]
        values[index] = value
        var i = index + 1
        var steps = 0
        while i < tree.count {
            tree[i] += delta
            i += i & -i
            steps += 1
        }
        return steps
    }

    /// The sum of the counts before `index`, and the steps taken.
    func sum(before index: Int) -> (total: Int, steps: Int) {
        var i = min(max(0, index), values.count)
        var total = 0
        var steps = 0
        while i > 0 {
            total += tree[i]
            i -= i & -i
            steps += 1
        }
        return (total, steps)
    }
}
