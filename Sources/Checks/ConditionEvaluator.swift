import Model

/// Evaluates compiled conditions against the resources of one graph; builds the reverse reference index once
/// so that connection conditions cost a dictionary lookup instead of a scan of the graph.
public struct ConditionEvaluator: Sendable {
    public let graph: ResourceGraph
    /// Referrers by target address: (index into graph.resources, normalized referring attribute).
    private let incoming: [String: [(Int, String)]]

    /// Indexes `graph` for connection lookups.
    public init(graph: ResourceGraph) {
        self.graph = graph
        var incoming: [String: [(Int, String)]] = [:]
        for (i, resource) in graph.resources.enumerated() {
            for ref in resource.references {
                incoming[ref.target, default: []].append((i, ConnectionCondition.normalize(ref.attribute)))
            }
        }
        self.incoming = incoming
    }

    /// The outcome of `condition` for `resource`.
    public func evaluate(_ condition: Condition, on resource: Resource) -> Outcome {
        evaluate(condition, resource: resource, root: resource.attributes)
    }

    /// Evaluates with `root` as the attribute tree (the resource's, or one nested object inside `forEach`).
    func evaluate(_ condition: Condition, resource: Resource, root: [String: Value]) -> Outcome {
        switch condition {
        case .constant(let b):
            return Outcome(Truth(b), b ? "always holds" : "never holds")
        case .and(let children):
            var unknown: Outcome?
            var notes: [String] = []
            for child in children {
                let o = evaluate(child, resource: resource, root: root)
                switch o.truth {
                case .false: return o
                case .unknown: if unknown == nil { unknown = o }
                case .true: notes.append(o.evidence)
                }
            }
            if let unknown { return unknown }
            return Outcome(.true, notes.joined(separator: "; "))
        case .or(let children):
            var unknown: Outcome?
            var notes: [String] = []
            for child in children {
                let o = evaluate(child, resource: resource, root: root)
                switch o.truth {
                case .true: return o
                case .unknown: if unknown == nil { unknown = o }
                case .false: notes.append(o.evidence)
                }
            }
            if let unknown { return unknown }
            return Outcome(.false, notes.joined(separator: "; "))
        case .not(let child):
            let o = evaluate(child, resource: resource, root: root)
            return Outcome(o.truth.negated, o.evidence)
        case .attribute(let a):
            return evaluateAttribute(a, root: root)
        case .portRange(let p):
            return evaluatePortRange(p, root: root)
        case .forEach(let f):
            return evaluateForEach(f, resource: resource, root: root)
        case .connection(let c):
            return evaluateConnection(c, resource: resource)
        case .predicate(let p):
            return evaluatePredicate(p, resource: resource, root: root)
        case .resourceType(let types):
            return Outcome(Truth(types.contains(resource.type)), "resource type is \(resource.type)")
        }
    }

    private func evaluateAttribute(_ a: AttributeCondition, root: [String: Value]) -> Outcome {
        let matches = a.path.resolve(in: root)
        switch a.op {
        case .exists, .notExists:
            // Existence is a property of the whole match set, so quantifiers do not apply.
            var truth = Truth.false
            var note = "\(a.path) is absent"
            for m in matches {
                // An attribute the configuration sets exists even while its value is known only after apply.
                if m.value.isKnown || m.isComplete {
                    truth = .true
                    note = m.value.isKnown ? "\(m.path) is set" : "\(m.path) is set (to a value known only after apply)"
                    break
                }
                truth = .unknown
                note = "\(m.path) is known only after apply"
            }
            if case .notExists = a.op { truth = truth.negated }
            return Outcome(truth, note)
        default:
            break
        }
        if matches.isEmpty {
            return Outcome(Truth(a.op.holdsWhenAbsent), "\(a.path) is absent")
        }
        return quantify(a.quantifier, count: matches.count, what: "\(a.path) \(a.op.name)") { i in
            let m = matches[i]
            if !m.value.isKnown { return Outcome(.unknown, "\(m.path) is known only after apply") }
            let t = a.op.test(m.value)
            let note =
                t == .unknown
                ? "\(m.path) = \(Self.render(m.value)) contains values known only after apply"
                : "\(m.path) = \(Self.render(m.value))"
            return Outcome(t, note)
        }
    }

    /// Combines per-match outcomes under a quantifier with Kleene logic, short-circuiting on the decisive value.
    private func quantify(_ q: Quantifier, count: Int, what: @autoclosure () -> String, _ element: (Int) -> Outcome) -> Outcome {
        switch q {
        case .all:
            var unknown: Outcome?
            var last: Outcome?
            for i in 0..<count {
                let o = element(i)
                if o.truth == .false { return o }
                if o.truth == .unknown, unknown == nil { unknown = o }
                last = o
            }
            if let unknown { return unknown }
            return count == 1 ? (last ?? Outcome(.true, what())) : Outcome(.true, "all \(count) values: \(what()) holds")
        case .any, .none:
            var unknown: Outcome?
            var hit: Outcome?
            for i in 0..<count {
                let o = element(i)
                if o.truth == .true {
                    hit = o
                    break
                }
                if o.truth == .unknown, unknown == nil { unknown = o }
            }
            let result: Outcome
            if let hit {
                result = hit
            } else if let unknown {
                result = unknown
            } else {
                result = Outcome(.false, count == 1 ? element(0).evidence : "no value of \(count): \(what())")
            }
            return q == .none ? Outcome(result.truth.negated, result.evidence) : result
        }
    }

    private func evaluatePortRange(_ p: PortRangeCondition, root: [String: Value]) -> Outcome {
        guard let fromValue = p.from.resolve(in: root).first?.value,
            let toValue = p.to.resolve(in: root).first?.value
        else {
            return Outcome(.false, "\(p.from) or \(p.to) is absent")
        }
        if !fromValue.isKnown || !toValue.isKnown {
            return Outcome(.unknown, "port range \(p.from)-\(p.to) is known only after apply")
        }
        guard let lo = ValueConversions.number(fromValue), let hi = ValueConversions.number(toValue) else {
            return Outcome(.false, "\(p.from)/\(p.to) are not numbers")
        }
        let port = Double(p.port)
        let inside = lo <= port && port <= hi
        return Outcome(Truth(inside), "\(p.from)-\(p.to) = \(Value.formatNumber(lo))-\(Value.formatNumber(hi))")
    }

    private func evaluateForEach(_ f: ForEachCondition, resource: Resource, root: [String: Value]) -> Outcome {
        let matches = f.path.resolve(in: root)
        if matches.isEmpty {
            // Over no elements, "all" and "none" hold vacuously and "any" fails.
            return Outcome(Truth(f.quantifier != .any), "\(f.path) has no elements")
        }
        return quantify(f.quantifier, count: matches.count, what: "\(f.path)") { i in
            let m = matches[i]
            guard let members = m.value.members else {
                if !m.value.isKnown { return Outcome(.unknown, "\(m.path) is known only after apply") }
                return Outcome(.false, "\(m.path) is not an object")
            }
            let o = evaluate(f.condition, resource: resource, root: members)
            return Outcome(o.truth, "\(m.path): \(o.evidence)")
        }
    }

    private func evaluateConnection(_ c: ConnectionCondition, resource: Resource) -> Outcome {
        var result = Outcome(.false, "no connected \(c.resourceTypes.sorted().joined(separator: "/"))")
        func consider(_ other: Resource) -> Bool {
            guard c.resourceTypes.contains(other.type) else { return false }
            guard let nested = c.condition else {
                result = Outcome(.true, "connected to \(other.address)")
                return true
            }
            let o = evaluate(nested, resource: other, root: other.attributes)
            switch o.truth {
            case .true:
                result = Outcome(.true, "connected to \(other.address): \(o.evidence)")
                return true
            case .unknown:
                if result.truth == .false { result = Outcome(.unknown, "connected \(other.address): \(o.evidence)") }
            case .false:
                if result.truth == .false { result = Outcome(.false, "connected \(other.address) fails: \(o.evidence)") }
            }
            return false
        }
        if c.direction != .outgoing {
            var seen = Set<Int>()
            let keys =
                resource.address == resource.configAddress
                ? [resource.address] : [resource.address, resource.configAddress]
            for key in keys {
                for (index, attribute) in incoming[key] ?? [] {
                    if let via = c.via, via != attribute { continue }
                    guard seen.insert(index).inserted else { continue }
                    if consider(graph.resources[index]) { return result }
                }
            }
        }
        if c.direction != .incoming {
            for ref in resource.references {
                if let via = c.via, via != ConnectionCondition.normalize(ref.attribute) { continue }
                for other in graph.resolve(ref.target) where consider(other) {
                    return result
                }
            }
        }
        return result
    }

    private func evaluatePredicate(_ p: PredicateCondition, resource: Resource, root: [String: Value]) -> Outcome {
        guard let path = p.path else {
            return p.predicate.evaluate(.object(root))
        }
        let matches = path.resolve(in: root)
        if matches.isEmpty {
            let o = p.predicate.evaluate(.null)
            return Outcome(o.truth, "\(path) is absent: \(o.evidence)")
        }
        return quantify(p.quantifier, count: matches.count, what: "\(p.predicate.name)(\(path))") { i in
            let m = matches[i]
            if !m.value.isKnown {
                if !p.predicate.rendersFrom.isEmpty, root == resource.attributes,
                    let source = renderingSource(of: m.path, in: resource, for: p.predicate)
                {
                    let o = p.predicate.evaluate(.object(source.attributes))
                    return Outcome(o.truth, "\(m.path) from \(source.address): \(o.evidence)")
                }
                return Outcome(.unknown, "\(m.path) is known only after apply")
            }
            let o = p.predicate.evaluate(m.value)
            return Outcome(o.truth, "\(m.path): \(o.evidence)")
        }
    }

    /// A value's rendering for evidence, shortened so a large policy document does not flood reports.
    static func render(_ value: Value) -> String {
        let text = value.description
        guard text.count > 120 else { return text }
        return String(text.prefix(117)) + "..."
    }
}
