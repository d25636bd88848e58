import Checks
import HCL
import Model

/// Merges the Terraform configuration (HCL or plan) into the state, giving drift's desired side.
///
/// The state is the last apply; the configuration is the intent. Resources are matched by address (module path
/// + instance key). For a resource in both, every attribute the configuration sets to a known, non-null value
/// overrides the state's; unknown values (`aws_s3_bucket.b.id`, known after apply) and attributes the
/// configuration leaves out (computed, defaulted) keep the state's. Blocks (objects inside lists, as in state
/// JSON v4) are merged member by member, so a block's defaulted members survive. A managed resource in the
/// configuration only is pending: not yet applied, with no provider ID to match live. State-only resources pass
/// through unchanged.
public struct DesiredStateMerger: Sendable {
    /// The merged resources and the configuration's resources that the state does not hold yet.
    public struct Merged: Sendable {
        /// The state's resources with the configuration's known values applied, in state order.
        public var resources: [Resource]
        /// Managed configuration resources with no state instance, in configuration order.
        public var pending: [Resource]
        /// Duplicate configuration addresses (the first one is used).
        public var diagnostics: [Diagnostic]
    }

    /// Set-typed attributes per type: their blocks are paired by content, not position.
    public var attributes: AttributeIgnoreTable

    /// Attributes the configuration never overrides: drift matches on the state's provider IDs.
    static let identityAttributes: Set<String> = Set(ResourceIdentity.idAttributes)

    /// A merger using `attributes` for set-typed attributes.
    public init(attributes: AttributeIgnoreTable = AttributeIgnoreTable()) {
        self.attributes = attributes
    }

    /// Merges `configuration` into `state` by resource address.
    public func merge(state: [Resource], configuration: [Resource]) -> Merged {
        var merged = Merged(resources: state, pending: [], diagnostics: [])
        guard !configuration.isEmpty else { return merged }
        var byAddress: [String: Int] = [:]
        for (i, resource) in configuration.enumerated() where resource.mode == .managed {
            if byAddress[resource.address] != nil {
                merged.diagnostics.append(
                    Diagnostic(
                        .driftMatching,
                        "\(resource.address) is declared by more than one configuration; the first is used",
                        at: resource.origin.sourceRange, severity: .warning))
                continue
            }
            byAddress[resource.address] = i
        }
        var inState = Set<String>()
        for (i, resource) in state.enumerated() where resource.mode == .managed {
            inState.insert(resource.address)
            guard let c = byAddress[resource.address] else { continue }
            let rules = attributes.rules(for: resource.type)
            var attributes = resource.attributes
            for (name, value) in configuration[c].attributes where !Self.identityAttributes.contains(name) {
                attributes[name] = Self.overlay(attributes[name] ?? .null, with: value, pattern: name, rules: rules, inBlock: false)
            }
            merged.resources[i].attributes = attributes
        }
        merged.pending = configuration.enumerated().filter { i, resource in
            resource.mode == .managed && byAddress[resource.address] == i && !inState.contains(resource.address)
        }.map(\.element)
        return merged
    }

    /// The desired value of one attribute: `config` where it is known, `state` where it is not.
    ///
    /// `inBlock` is true for an object that is an element of a list: a nested block, merged member by member.
    /// Any other object (a map such as `tags`) is replaced whole when known, as a key the configuration drops is
    /// meant to go.
    static func overlay(_ state: Value, with config: Value, pattern: String, rules: AttributeRules, inBlock: Bool) -> Value {
        switch config {
        case .unknown, .null: return state
        case .list(let items), .tuple(let items), .set(let items):
            guard items.contains(where: { $0.members != nil }) else { return fallback(config, state) }
            let stateItems = state.elements ?? []
            let isSet = rules.isSet(pattern) || { if case .set = config { return true } else { return false } }()
            let pairs = pair(items, with: stateItems, unordered: isSet)
            let out = items.indices.map { i in
                overlay(pairs[i].map { stateItems[$0] } ?? .null, with: items[i], pattern: pattern, rules: rules, inBlock: true)
            }
            if case .set = config { return .set(out) }
            return .list(out)
        case .map(let members), .object(let members):
            guard inBlock, var out = state.members else { return fallback(config, state) }
            for (key, value) in members {
                out[key] = overlay(out[key] ?? .null, with: value, pattern: pattern + "." + key, rules: rules, inBlock: false)
            }
            return .object(out)
        case .string(let text):
            if case .string(let last) = state, text != last, Self.sameJSON(text, last) { return state }
            return config
        case .bool, .number:
            return config
        }
    }

    /// True when both strings are JSON documents with equal values: `jsonencode(…)` in the configuration and the
    /// provider's normalised policy text in the state differ in spacing and key order, not in meaning, and only
    /// the state's spelling is what the cloud hands back.
    static func sameJSON(_ a: String, _ b: String) -> Bool {
        func document(_ text: String) -> Value? {
            guard let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[",
                text.utf8.count <= 1 << 20
            else { return nil }
            return try? JSONParser.parse(text, filename: "policy", maxDepth: 64).value
        }
        guard let left = document(a), let right = document(b) else { return false }
        return left == right
    }

    /// A value taken whole: the configuration's when wholly known or when the state has none (its unknown parts
    /// are never drift), else the state's (one unknown element hides what the rest would be after apply).
    static func fallback(_ config: Value, _ state: Value) -> Value {
        config.isWhollyKnown || state.isNull ? config : state
    }

    /// For each configuration element, the index of the state element it describes, if any: by position when
    /// the list is ordered and the lengths agree, else the first unused state element whose values it agrees with.
    static func pair(_ config: [Value], with state: [Value], unordered: Bool) -> [Int?] {
        if !unordered && config.count == state.count { return config.indices.map { $0 } }
        var used = Set<Int>()
        var out: [Int?] = []
        for (i, item) in config.enumerated() {
            var hit = state.indices.first { !used.contains($0) && agrees(item, state[$0]) }
            if hit == nil, config.count == state.count, !used.contains(i) { hit = i }
            if let hit { used.insert(hit) }
            out.append(hit)
        }
        return out
    }

    /// True when every known scalar `config` sets equals the corresponding value of `state`.
    static func agrees(_ config: Value, _ state: Value) -> Bool {
        switch config {
        case .unknown, .null: return true
        case .bool, .number, .string:
            return ValueConversions.string(config) == ValueConversions.string(state)
        case .list(let items), .tuple(let items), .set(let items):
            guard let other = state.elements, other.count == items.count else { return false }
            return zip(items, other).allSatisfy { agrees($0, $1) }
        case .map(let members), .object(let members):
            guard let other = state.members ?? state.elements?.first?.members else { return false }
            return members.allSatisfy { agrees($0.value, other[$0.key] ?? .null) }
        }
    }
}
