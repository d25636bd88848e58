import Model

/// The `FragmentFacts` of every fragment of a module directory's `.tf` files, with totals over the directory, kept
/// in step as fixes replace fragments: "does another attribute read this variable", "where is this local defined",
/// "is there a companion for this resource" cost a lookup, not a walk over every block, once per fix.
struct DirectoryIndex: Sendable {
    /// Fragment keys in the order a walk would meet them: files sorted by path, fragments in file order.
    let order: [String]
    private var rank: [String: Int] = [:]
    private(set) var facts: [String: FragmentFacts] = [:]
    /// Per symbol: attribute name → how many attributes of that name read it.
    private var readers: [String: [String: Int]] = [:]
    /// Per local, variable, `TYPE NAME` resource and `TYPE READ` companion: the ranks of the fragments holding it.
    private var locals: [String: Set<Int>] = [:]
    private var variables: [String: Set<Int>] = [:]
    private var resources: [String: Set<Int>] = [:]
    private var companions: [String: Set<Int>] = [:]

    /// The index of the fragments `files` (keys and current text), in walk order.
    init(_ files: [WorkingFile]) {
        order = files.map(\.path)
        for (i, file) in files.enumerated() {
            rank[file.path] = i
            let found = FragmentFacts(file)
            add(found, at: i)
            facts[file.path] = found
        }
    }

    /// Takes the edited text of fragment `file` into account; a fragment of another directory is ignored.
    mutating func replace(_ file: WorkingFile) {
        guard let i = rank[file.path] else { return }
        if let old = facts[file.path] { remove(old, at: i) }
        let new = FragmentFacts(file)
        add(new, at: i)
        facts[file.path] = new
    }

    /// The first attribute, in walk order, not named `attribute` that reads `symbol`, with its fragment's key.
    func otherReader(of symbol: String, besides attribute: String) -> (key: String, name: String, range: SourceRange)? {
        guard readers[symbol]?.contains(where: { $0.key != attribute && $0.value > 0 }) == true else { return nil }
        for key in order {
            if let found = facts[key]?.readers[symbol]?.first(where: { $0.name != attribute }) {
                return (key, found.name, found.range)
            }
        }
        return nil
    }

    /// The key of the first fragment defining local `name`.
    func local(_ name: String) -> String? { first(locals[name]) }

    /// The key of the first fragment declaring variable `name`.
    func variable(_ name: String) -> String? { first(variables[name]) }

    /// The key of the first fragment holding a `type` resource that reads the resource `address` (`T.N`).
    func companion(type: String, reading address: String) -> String? { first(companions[type + " " + address]) }

    /// True when a two-label `type` resource named `name` is in the directory.
    func hasResource(type: String, name: String) -> Bool { !(resources[type + " " + name] ?? []).isEmpty }

    private func first(_ ranks: Set<Int>?) -> String? {
        ranks?.min().map { order[$0] }
    }

    private mutating func add(_ facts: FragmentFacts, at i: Int) {
        for (symbol, uses) in facts.readers {
            for use in uses { readers[symbol, default: [:]][use.name, default: 0] += 1 }
        }
        for name in facts.locals { locals[name, default: []].insert(i) }
        for name in facts.variables { variables[name, default: []].insert(i) }
        for name in facts.resources { resources[name, default: []].insert(i) }
        for name in facts.companions { companions[name, default: []].insert(i) }
    }

    private mutating func remove(_ facts: FragmentFacts, at i: Int) {
        for (symbol, uses) in facts.readers {
            for use in uses { readers[symbol]?[use.name]? -= 1 }
        }
        for name in facts.locals { locals[name]?.remove(i) }
        for name in facts.variables { variables[name]?.remove(i) }
        for name in facts.resources { resources[name]?.remove(i) }
        for name in facts.companions { companions[name]?.remove(i) }
    }
}
