/// The IAM actions of the Service Authorization Reference with their access levels and whether they can be
/// restricted to resource ARNs; expands action patterns (`*`, `iam:*`, `iam:Put*`) into sets of actions.
public struct ActionCatalogue: Sendable {
    /// `service:Action` as the reference spells it, by index.
    public let names: [String]
    let levels: [AccessLevel]
    private let lowerNames: [[UInt8]]
    private let index: [String: Int]
    private let services: [String: [Int]]
    /// Actions a statement can restrict to ARNs.
    let restrictable: ActionSet
    private let byLevel: [AccessLevel: ActionSet]
    /// Every listed action.
    public let all: ActionSet
    /// `ActionGroups.credentialsExposure`, `.dataExfiltration` and each of `.privilegeEscalation`, expanded once.
    public private(set) var credentialsExposure: ActionSet
    public private(set) var dataExfiltration: ActionSet
    public private(set) var escalationPaths: [ActionSet]

    /// The catalogue generated from the reference.
    public static let standard = ActionCatalogue(rows: ActionTable.rows())

    init(rows: [ActionTable.Row]) {
        var names: [String] = []
        var levels: [AccessLevel] = []
        var index: [String: Int] = [:]
        var services: [String: [Int]] = [:]
        for row in rows {
            let name = row.service + ":" + row.name
            let lower = name.lowercased()
            guard index[lower] == nil else { continue }
            index[lower] = names.count
            services[row.service.lowercased(), default: []].append(names.count)
            names.append(name)
            levels.append(row.level)
        }
        self.names = names
        self.levels = levels
        self.lowerNames = names.map { Array($0.lowercased().utf8) }
        self.index = index
        self.services = services
        var restrictable = ActionSet(count: names.count)
        var byLevel: [AccessLevel: ActionSet] = [:]
        for level in AccessLevel.allCases { byLevel[level] = ActionSet(count: names.count) }
        var seen = Set<String>()
        for row in rows {
            let lower = (row.service + ":" + row.name).lowercased()
            guard seen.insert(lower).inserted, let i = index[lower] else { continue }
            if row.restrictable { restrictable.insert(i) }
            byLevel[row.level]?.insert(i)
        }
        self.restrictable = restrictable
        self.byLevel = byLevel
        var all = ActionSet(count: names.count)
        for i in names.indices { all.insert(i) }
        self.all = all
        // Placeholders until every stored property is set and `expand` can run.
        credentialsExposure = all
        dataExfiltration = all
        escalationPaths = []
        credentialsExposure = expand(ActionGroups.credentialsExposure)
        dataExfiltration = expand(ActionGroups.dataExfiltration)
        escalationPaths = ActionGroups.privilegeEscalation.map { expand($0.actions) }
    }

    /// The number of actions listed.
    public var count: Int { names.count }

    /// The empty set.
    public var empty: ActionSet { ActionSet(count: names.count) }

    /// The listed actions at `level`.
    public func actions(at level: AccessLevel) -> ActionSet { byLevel[level] ?? empty }

    /// The access level of `action` (any case); nil when the catalogue does not list it.
    public func level(of action: String) -> AccessLevel? { index[action.lowercased()].map { levels[$0] } }

    /// Whether `action` can be restricted to resource ARNs; nil when the catalogue does not list it.
    public func isRestrictable(_ action: String) -> Bool? { index[action.lowercased()].map { restrictable.contains($0) } }

    /// The actions `pattern` grants: `*` is every action, `svc:Prefix*` the service's actions that match, and a
    /// name without wildcards itself (kept by name when the catalogue does not list it).
    public func expand(_ pattern: String) -> ActionSet {
        var out = empty
        let lower = pattern.lowercased()
        if lower == "*" { return all }
        guard ActionPattern.isWildcard(lower) else {
            if let i = index[lower] { out.insert(i) } else { out.unlisted.insert(lower) }
            return out
        }
        let bytes = Array(lower.utf8)
        let service = lower.split(separator: ":", maxSplits: 1).first.map(String.init) ?? lower
        let candidates = ActionPattern.isWildcard(service) ? Array(names.indices) : services[service] ?? []
        for i in candidates where ActionPattern.matches(bytes, lowerNames[i]) { out.insert(i) }
        return out
    }

    /// The union of the patterns' expansions.
    public func expand(_ patterns: [String]) -> ActionSet {
        var out = empty
        for p in patterns { out.formUnion(expand(p)) }
        return out
    }

    /// The names of the actions in `set`, listed ones as the reference spells them, sorted.
    public func names(in set: ActionSet) -> [String] {
        (set.indexes.map { names[$0] } + set.unlisted).sorted()
    }

    /// Up to `limit` names of `set` (listed ones in table order, then unlisted ones), and how many there are: for
    /// evidence, without naming every action of a wildcard.
    public func sample(of set: ActionSet, limit: Int) -> (names: [String], count: Int) {
        var out: [String] = []
        var count = 0
        for (w, word) in set.bits.enumerated() where word != 0 {
            count += word.nonzeroBitCount
            guard out.count < limit else { continue }
            for b in 0..<64 where word & (1 << UInt64(b)) != 0 && out.count < limit { out.append(names[w * 64 + b]) }
        }
        let unlisted = set.unlisted.sorted()
        out += unlisted.prefix(max(0, limit - out.count))
        return (out, count + unlisted.count)
    }
}
