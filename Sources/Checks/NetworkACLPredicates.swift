import Model

/// Built-in predicates over a network ACL's inline `ingress` rules, evaluated as AWS does: in rule-number order,
/// the first rule that matches the traffic decides, so an allow shadowed by a lower-numbered deny does not open
/// the port.
enum NetworkACLPredicates {
    static let all: [Predicate] = [openToInternet(port: 22), openToInternet(port: 3389), openToInternet(port: nil)]

    /// `nacl_ingress_open_to_internet_tcp_PORT`: the first ingress rule from `0.0.0.0/0` (or, separately, from
    /// `::/0`) that covers TCP to `port` allows it. Without a port, `nacl_ingress_open_to_internet_all_traffic`:
    /// the first such rule for all protocols (`-1`) allows it.
    static func openToInternet(port: Int?) -> Predicate {
        let traffic = port.map { "TCP \($0)" } ?? "all traffic"
        return Predicate(name: "nacl_ingress_open_to_internet_" + (port.map { "tcp_\($0)" } ?? "all_traffic")) { value in
            guard let acl = value.members else {
                return value.isKnown ? Outcome(.false, "not a network ACL") : Outcome(.unknown, "ACL known only after apply")
            }
            let ingress = acl["ingress"] ?? .null
            guard ingress.isKnown else { return Outcome(.unknown, "ingress rules known only after apply") }
            let rules = ValueConversions.asCollection(ingress)
            var result = Outcome(.false, "no ingress rule lets the internet in for \(traffic)")
            for family in ["cidr_block", "ipv6_cidr_block"] {
                let decided = firstMatch(rules, family: family, port: port, traffic: traffic)
                if decided.truth == .true { return decided }
                if decided.truth == .unknown { result = decided }
            }
            return result
        }
    }

    /// The verdict of the lowest-numbered rule of one address family whose source is the whole internet and
    /// which covers TCP to `port` (all protocols when `port` is nil): true for allow, false for deny or when no
    /// rule matches.
    private static func firstMatch(_ rules: [Value], family: String, port: Int?, traffic: String) -> Outcome {
        let internet = family == "cidr_block" ? "0.0.0.0/0" : "::/0"
        var candidates: [(number: Double, rule: [String: Value])] = []
        for rule in rules {
            guard let fields = rule.members else {
                if !rule.isKnown { return Outcome(.unknown, "an ingress rule is known only after apply") }
                continue
            }
            let source = fields[family] ?? .null
            if !source.isKnown { return Outcome(.unknown, "a rule's \(family) is known only after apply") }
            guard ValueConversions.string(source)?.trimmingWhitespace() == internet else { continue }
            guard let number = ValueConversions.number(fields["rule_no"] ?? .null) else {
                return Outcome(.unknown, "a rule's rule_no is not known")
            }
            candidates.append((number, fields))
        }
        for (number, rule) in candidates.sorted(by: { $0.number < $1.number }) {
            let match = covers(rule, port: port)
            if match == .unknown { return Outcome(.unknown, "rule \(Int(number))'s protocol or ports known only after apply") }
            guard match == .true else { continue }
            let action = ValueConversions.string(rule["action"] ?? .null)?.lowercased()
            guard let action else { return Outcome(.unknown, "rule \(Int(number))'s action is not known") }
            return action == "allow"
                ? Outcome(.true, "rule \(Int(number)) allows \(internet) for \(traffic)")
                : Outcome(.false, "rule \(Int(number)) denies \(internet) for \(traffic) first")
        }
        return Outcome(.false, "no rule from \(internet) covers \(traffic)")
    }

    /// Whether a rule's protocol is all traffic, or (with a port) TCP with a port range holding `port`.
    private static func covers(_ rule: [String: Value], port: Int?) -> Truth {
        let proto = rule["protocol"] ?? .null
        guard proto.isKnown, let name = ValueConversions.string(proto)?.lowercased() else {
            return proto.isKnown ? .false : .unknown
        }
        if ["-1", "all"].contains(name) { return .true }
        guard let port, ["6", "tcp"].contains(name) else { return .false }
        let from = rule["from_port"] ?? .null
        let to = rule["to_port"] ?? .null
        guard from.isKnown, to.isKnown else { return .unknown }
        guard let low = ValueConversions.number(from), let high = ValueConversions.number(to) else { return .false }
        return Truth(low <= Double(port) && Double(port) <= high)
    }
}
