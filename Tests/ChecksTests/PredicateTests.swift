import Model
import Testing

@testable import Checks

@Suite struct Predicates {
    func run(_ name: String, _ value: Value) -> Truth {
        PredicateRegistry.standard.predicate(named: name)?.evaluate(value).truth ?? .unknown
    }

    @Test func iamWildcardAdmin() {
        let p = "iam_policy_allows_wildcard_admin"
        #expect(run(p, .string(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)) == .true)
        #expect(run(p, .string(#"{"Statement":{"Effect":"Allow","Action":["s3:*","*"],"Resource":["*"]}}"#)) == .true)
        #expect(run(p, .string(#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#)) == .false)
        #expect(run(p, .string(#"{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#)) == .false)
        #expect(run(p, .string("not json")) == .false)
        #expect(run(p, .unknown) == .unknown)
        #expect(
            run(p, .object(["Statement": .tuple([.object(["Effect": .string("Allow"), "Action": .unknown, "Resource": .string("*")])])]))
                == .unknown)
        // aws_iam_policy_document shape: statement blocks, effect defaults to Allow.
        #expect(
            run(p, .object(["statement": .list([.object(["actions": .list([.string("*")]), "resources": .list([.string("*")])])])]))
                == .true)
    }

    @Test func s3InsecureTransport() {
        let p = "s3_policy_denies_insecure_transport"
        let deny =
            #"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#
        #expect(run(p, .string(deny)) == .true)
        #expect(run(p, .string(deny.replacingOccurrences(of: "\"false\"", with: "false"))) == .true)
        #expect(run(p, .string(deny.replacingOccurrences(of: "Deny", with: "Allow"))) == .false)
        #expect(run(p, .string(#"{"Statement":[]}"#)) == .false)
        #expect(run(p, .null) == .false)
        #expect(run(p, .unknown) == .unknown)
    }

    @Test func iamQuestionsAreRegisteredAndReadEveryPolicyShape() {
        let names = [
            "iam_policy_allows_any_action", "iam_policy_allows_full_iam", "iam_policy_grants_any_principal",
            "iam_policy_allows_write_without_constraints", "iam_policy_allows_permissions_management_without_constraints",
            "iam_policy_allows_restrictable_actions_on_any_resource", "iam_policy_allows_credentials_exposure",
            "iam_policy_allows_data_exfiltration", "iam_policy_allows_privilege_escalation",
            "iam_trust_allows_any_aws_principal", "iam_trust_allows_whole_account",
            "iam_trust_allows_github_actions_without_subject", "iam_trust_allows_federated_without_audience",
        ]
        for name in names {
            #expect(PredicateRegistry.standard.predicate(named: name)?.rendersFrom.isEmpty == false, "\(name)")
        }
        let write = "iam_policy_allows_write_without_constraints"
        #expect(run(write, .string(#"{"Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}"#)) == .true)
        #expect(run(write, .null) == .false)
        #expect(run(write, .string("{")) == .false)
        // A data source whose rendered JSON is unknown decides from its statements and the documents merged in.
        let source = #"{"Statement":[{"Sid":"Send","Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}"#
        let document: Value = .object([
            "json": .unknown,
            "source_policy_documents": .list([.string(source)]),
            "statement": .list([.object(["actions": .list([.string("sqs:GetQueueUrl")]), "resources": .list([.string("*")])])]),
        ])
        #expect(run(write, document) == .true)
        // An override document is merged in as well; nothing here returns credentials.
        var overridden = document.members ?? [:]
        overridden["override_policy_documents"] = .list([
            .string(#"{"Statement":[{"Sid":"Other","Effect":"Deny","Action":"sqs:*","Resource":"*"}]}"#)
        ])
        #expect(run("iam_policy_allows_credentials_exposure", .object(overridden)) == .false)
    }

    @Test func securityRuleOpenToInternet() {
        let p = "security_rule_open_to_internet"
        func rule(_ source: Value, access: String = "Allow") -> Value {
            .object(["direction": .string("Inbound"), "access": .string(access), "source_address_prefix": source])
        }
        #expect(run(p, rule(.string("*"))) == .true)
        #expect(run(p, rule(.string("Internet"))) == .true)
        #expect(run(p, rule(.string("10.0.0.0/8"))) == .false)
        #expect(run(p, rule(.string("*"), access: "Deny")) == .false)
        #expect(run(p, rule(.unknown)) == .unknown)
    }

    @Test func predicateConditionOnAttribute() throws {
        let cond = "{not: {predicate: iam_policy_allows_wildcard_admin, attribute: policy}}"
        let admin = #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        #expect(try truth(cond, ["policy": .string(admin)]) == .false)
        #expect(try truth(cond, ["policy": .string(#"{"Statement":[]}"#)]) == .true)
        #expect(try truth(cond, ["policy": .unknown]) == .unknown)
        #expect(try truth(cond, [:]) == .true)
    }

    @Test func azureFixtureCheck() throws {
        let (checks, _) = CheckLoader.load(directory: fixturePath("checks"))
        let check = try #require(checks.first { $0.id == "BLW-AZURE-NETWORK-001" })
        func rule(_ name: String, _ attrs: [String: Value]) -> Resource {
            var base: [String: Value] = [
                "direction": .string("Inbound"), "access": .string("Allow"),
                "source_address_prefix": .string("*"),
            ]
            base.merge(attrs) { $1 }
            return makeResource("azurerm_network_security_rule", name, base)
        }
        let graph = ResourceGraph([
            rule("ssh", ["destination_port_range": .string("22")]),
            rule("range", ["destination_port_ranges": .list([.string("80"), .string("20-30")])]),
            rule("https", ["destination_port_range": .string("443")]),
            rule("private", ["destination_port_range": .string("22"), "source_address_prefix": .string("10.0.0.0/8")]),
            rule("computed", ["destination_port_range": .unknown]),
        ])
        let verdicts = CheckEngine(checks: [check]).evaluate(graph: graph).map(\.verdict.description)
        #expect(verdicts == ["FAILED", "FAILED", "PASSED", "PASSED", "UNKNOWN"])
    }
}
