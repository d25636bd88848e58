import Model
import Testing

@testable import Checks

@Suite struct KleeneLogic {
    static let t = "{attribute: t, operator: is_true}"
    static let f = "{attribute: f, operator: is_true}"
    static let u = "{attribute: u, operator: is_true}"
    let attributes: [String: Value] = ["t": .bool(true), "f": .bool(false), "u": .unknown]

    func leaf(_ truth: Truth) -> String {
        switch truth {
        case .true: return Self.t
        case .false: return Self.f
        case .unknown: return Self.u
        }
    }

    @Test func andOrTruthTables() throws {
        let all: [Truth] = [.true, .false, .unknown]
        for a in all {
            for b in all {
                let and = try truth("{and: [\(leaf(a)), \(leaf(b))]}", attributes)
                let or = try truth("{or: [\(leaf(a)), \(leaf(b))]}", attributes)
                #expect(and == (a && b), "\(a) AND \(b)")
                #expect(or == (a || b), "\(a) OR \(b)")
            }
        }
        #expect(try truth("{and: [\(Self.f), \(Self.u)]}", attributes) == .false)
        #expect(try truth("{or: [\(Self.t), \(Self.u)]}", attributes) == .true)
        #expect(try truth("{and: [\(Self.t), \(Self.u)]}", attributes) == .unknown)
        #expect(try truth("{or: [\(Self.f), \(Self.u)]}", attributes) == .unknown)
    }

    @Test func notTable() throws {
        #expect(try truth("{not: \(Self.t)}", attributes) == .false)
        #expect(try truth("{not: \(Self.f)}", attributes) == .true)
        #expect(try truth("{not: \(Self.u)}", attributes) == .unknown)
    }

    @Test func emptyCombinators() throws {
        #expect(try truth("{and: []}", [:]) == .true)
        #expect(try truth("{or: []}", [:]) == .false)
    }
}

@Suite struct Wildcards {
    let versioning: [String: Value] = ["versioning": .list([.object(["enabled": .bool(true)])])]

    @Test func indexWildcardAndImplicitDescent() throws {
        for path in [
            "versioning.*.enabled", "versioning.0.enabled", "versioning[0].enabled", "versioning[*].enabled", "versioning.enabled",
        ] {
            #expect(try truth("{attribute: \"\(path)\", operator: equals, value: true}", versioning) == .true, "\(path)")
        }
        #expect(try truth("{attribute: versioning.1.enabled, operator: exists}", versioning) == .false)
    }

    @Test func quantifiers() throws {
        let rules: [String: Value] = [
            "ingress": .list([
                .object(["cidr": .string("10.0.0.0/8")]), .object(["cidr": .string("0.0.0.0/0")]),
            ])
        ]
        let base = "attribute: ingress.*.cidr, operator: equals, value: 0.0.0.0/0"
        #expect(try truth("{\(base)}", rules) == .false)  // default all
        #expect(try truth("{\(base), quantifier: all}", rules) == .false)
        #expect(try truth("{\(base), quantifier: any}", rules) == .true)
        #expect(try truth("{\(base), quantifier: none}", rules) == .false)
        let safe: [String: Value] = ["ingress": .list([.object(["cidr": .string("10.0.0.0/8")])])]
        #expect(try truth("{\(base), quantifier: none}", safe) == .true)
        let partlyUnknown: [String: Value] = ["ingress": .list([.object(["cidr": .string("10.0.0.0/8")]), .unknown])]
        #expect(try truth("{\(base), quantifier: none}", partlyUnknown) == .unknown)
        #expect(try truth("{\(base), quantifier: any}", partlyUnknown) == .unknown)
        let wholeUnknown: [String: Value] = ["ingress": .unknown]
        #expect(try truth("{\(base), quantifier: none}", wholeUnknown) == .unknown)
    }

    @Test func eachScopesNestedConditions() throws {
        let cond = """
            {each: "ingress.*", quantifier: none, condition: {and: [\
            {attribute: cidr_blocks, operator: cidr_contains_any, value: [0.0.0.0/0]}, \
            {operator: port_in_range, from_attribute: from_port, to_attribute: to_port, value: 22}]}}
            """
        func rule(_ cidr: String, _ from: Double, _ to: Double) -> Value {
            .object(["cidr_blocks": .list([.string(cidr)]), "from_port": .number(from), "to_port": .number(to)])
        }
        // Open to the world on 443 and private on 22: no single rule is both, so it passes.
        #expect(try truth(cond, ["ingress": .list([rule("0.0.0.0/0", 443, 443), rule("10.0.0.0/8", 22, 22)])]) == .true)
        #expect(try truth(cond, ["ingress": .list([rule("0.0.0.0/0", 0, 65535)])]) == .false)
        #expect(
            try truth(cond, ["ingress": .list([.object(["cidr_blocks": .unknown, "from_port": .number(22), "to_port": .number(22)])])])
                == .unknown)
        #expect(try truth(cond, [:]) == .true)
    }

    @Test func resourceTypeConditionTellsTypesApart() throws {
        let check = try makeCheck(
            """
            {or: [{attribute: mode, operator: equals, value: safe}, \
            {and: [{not: {resource_type: [aws_legacy_thing]}}, {attribute: mode, operator: not_exists}]}]}
            """, types: ["aws_thing", "aws_legacy_thing"])
        let current = makeResource("aws_thing", "a")
        let legacy = makeResource("aws_legacy_thing", "b")
        let legacySet = makeResource("aws_legacy_thing", "c", ["mode": .string("safe")])
        let legacyUnknown = makeResource("aws_legacy_thing", "d", ["mode": .unknown])
        let verdicts = Dictionary(
            uniqueKeysWithValues: CheckEngine(checks: [check])
                .evaluate(graph: ResourceGraph([current, legacy, legacySet, legacyUnknown])).map { ($0.resourceAddress, $0.verdict) })
        #expect(verdicts["aws_thing.a"] == .passed)
        #expect(verdicts["aws_legacy_thing.b"] == .failed)
        #expect(verdicts["aws_legacy_thing.c"] == .passed)
        if case .unknown = verdicts["aws_legacy_thing.d"] {
        } else {
            Issue.record("expected unknown, got \(String(describing: verdicts["aws_legacy_thing.d"]))")
        }
        for (condition, message) in [
            ("{resource_type: []}", "at least one type"), ("{resource_type: {a: b}}", "must be a string"),
            ("{resource_type: [a], operator: exists}", "only key"),
        ] {
            #expect(throws: (any Error).self, "\(message)") { _ = try makeCheck(condition) }
        }
    }

    @Test func evidenceNamesDecidingValue() throws {
        let check = try makeCheck("{attribute: acl, operator: equals, value: private}")
        let resource = makeResource("aws_s3_bucket", "b", ["acl": .string("public-read")])
        let results = CheckEngine(checks: [check]).evaluate(graph: ResourceGraph([resource]))
        #expect(results.count == 1)
        #expect(results[0].verdict == .failed)
        #expect(results[0].evidence.contains("acl = \"public-read\""))
    }
}
