import Model
import Testing

@testable import Checks

/// One operator case: condition, attribute value of `a` (nil = absent), expected truth.
struct OperatorCase: CustomStringConvertible, Sendable {
    let condition: String
    let value: Value?
    let expected: Truth
    init(_ condition: String, _ value: Value?, _ expected: Truth) {
        self.condition = condition
        self.value = value
        self.expected = expected
    }
    var description: String { "\(condition) on \(value.map(\.description) ?? "absent")" }
}

func s(_ text: String) -> Value { .string(text) }
func n(_ number: Double) -> Value { .number(number) }
func list(_ items: [Value]) -> Value { .list(items) }

let operatorCases: [OperatorCase] = [
    // equals / not_equals with Terraform conversions
    .init("{attribute: a, operator: equals, value: private}", s("private"), .true),
    .init("{attribute: a, operator: equals, value: private}", s("public-read"), .false),
    .init("{attribute: a, operator: equals, value: private}", .unknown, .unknown),
    .init("{attribute: a, operator: equals, value: true}", s("true"), .true),
    .init("{attribute: a, operator: equals, value: 443}", s("443"), .true),
    .init("{attribute: a, operator: equals, value: \"443\"}", n(443), .true),
    .init("{attribute: a, operator: equals, value: [1, 2]}", list([n(1), .unknown]), .unknown),
    .init("{attribute: a, operator: equals, value: [1, 2]}", list([n(3), .unknown]), .false),
    .init("{attribute: a, operator: equals, value: x}", nil, .false),
    .init("{attribute: a, operator: not_equals, value: x}", s("y"), .true),
    .init("{attribute: a, operator: not_equals, value: x}", s("x"), .false),
    .init("{attribute: a, operator: not_equals, value: x}", .unknown, .unknown),
    .init("{attribute: a, operator: not_equals, value: x}", nil, .true),
    // exists / not_exists
    .init("{attribute: a, operator: exists}", s(""), .true),
    .init("{attribute: a, operator: exists}", nil, .false),
    .init("{attribute: a, operator: exists}", .null, .false),
    // An attribute set to a value known only after apply is set: existence is decided.
    .init("{attribute: a, operator: exists}", .unknown, .true),
    .init("{attribute: a, operator: not_exists}", nil, .true),
    .init("{attribute: a, operator: not_exists}", s("x"), .false),
    .init("{attribute: a, operator: not_exists}", .unknown, .false),
    // Below an unknown container whether the member exists is itself unknown.
    .init("{attribute: a.b, operator: exists}", .unknown, .unknown),
    .init("{attribute: a.b, operator: not_exists}", .unknown, .unknown),
    .init("{attribute: a.b, operator: not_exists}", list([.unknown]), .unknown),
    .init("{attribute: a.b, operator: exists}", .object(["b": .unknown]), .true),
    .init("{attribute: a.b, operator: not_exists}", list([.object(["b": .unknown])]), .false),
    // contains / not_contains
    .init("{attribute: a, operator: contains, value: s3}", s("arn:aws:s3:::b"), .true),
    .init("{attribute: a, operator: contains, value: x}", list([s("a"), s("x")]), .true),
    .init("{attribute: a, operator: contains, value: x}", list([s("a")]), .false),
    .init("{attribute: a, operator: contains, value: x}", list([s("a"), .unknown]), .unknown),
    .init("{attribute: a, operator: contains, value: x}", list([.unknown, s("x")]), .true),
    .init("{attribute: a, operator: contains, value: Name}", .object(["Name": s("n")]), .true),
    .init("{attribute: a, operator: not_contains, value: x}", list([s("a")]), .true),
    .init("{attribute: a, operator: not_contains, value: x}", list([s("x")]), .false),
    .init("{attribute: a, operator: not_contains, value: x}", .unknown, .unknown),
    // within / not_within
    .init("{attribute: a, operator: within, value: [AES256, \"aws:kms\"]}", s("aws:kms"), .true),
    .init("{attribute: a, operator: within, value: [AES256]}", s("none"), .false),
    .init("{attribute: a, operator: within, value: [AES256]}", .unknown, .unknown),
    .init("{attribute: a, operator: not_within, value: [AES256]}", s("none"), .true),
    .init("{attribute: a, operator: not_within, value: [AES256]}", s("AES256"), .false),
    // starts_with / ends_with
    .init("{attribute: a, operator: starts_with, value: \"arn:\"}", s("arn:aws"), .true),
    .init("{attribute: a, operator: starts_with, value: \"arn:\"}", s("x"), .false),
    .init("{attribute: a, operator: starts_with, value: \"arn:\"}", .unknown, .unknown),
    .init("{attribute: a, operator: ends_with, value: .com}", s("a.com"), .true),
    .init("{attribute: a, operator: ends_with, value: .com}", s("a.org"), .false),
    .init("{attribute: a, operator: ends_with, value: .com}", .unknown, .unknown),
    // regex
    .init("{attribute: a, operator: regex_match, value: \"^TLS1_[23]\"}", s("TLS1_2_2021"), .true),
    .init("{attribute: a, operator: regex_match, value: \"^TLS1_[23]\"}", s("TLSv1"), .false),
    .init("{attribute: a, operator: regex_match, value: \"^TLS1_[23]\"}", .unknown, .unknown),
    .init("{attribute: a, operator: not_regex_match, value: \"^TLS1_[23]\"}", s("TLSv1"), .true),
    .init("{attribute: a, operator: not_regex_match, value: \"^TLS1_[23]\"}", s("TLS1_2"), .false),
    .init("{attribute: a, operator: not_regex_match, value: x}", .unknown, .unknown),
    // numeric comparisons
    .init("{attribute: a, operator: greater_than, value: 7}", n(30), .true),
    .init("{attribute: a, operator: greater_than, value: 7}", s("30"), .true),
    .init("{attribute: a, operator: greater_than, value: 7}", n(7), .false),
    .init("{attribute: a, operator: greater_than, value: 7}", .unknown, .unknown),
    .init("{attribute: a, operator: greater_than_or_equal, value: 7}", n(7), .true),
    .init("{attribute: a, operator: greater_than_or_equal, value: 7}", n(6), .false),
    .init("{attribute: a, operator: less_than, value: 7}", n(6), .true),
    .init("{attribute: a, operator: less_than, value: 7}", s("x"), .false),
    .init("{attribute: a, operator: less_than, value: 7}", .unknown, .unknown),
    .init("{attribute: a, operator: less_than_or_equal, value: 7}", n(7), .true),
    .init("{attribute: a, operator: less_than_or_equal, value: 7}", n(8), .false),
    // booleans
    .init("{attribute: a, operator: is_true}", .bool(true), .true),
    .init("{attribute: a, operator: is_true}", s("true"), .true),
    .init("{attribute: a, operator: is_true}", .bool(false), .false),
    .init("{attribute: a, operator: is_true}", .unknown, .unknown),
    .init("{attribute: a, operator: is_false}", .bool(false), .true),
    .init("{attribute: a, operator: is_false}", .bool(true), .false),
    .init("{attribute: a, operator: is_false}", nil, .false),
    // emptiness and length
    .init("{attribute: a, operator: is_empty}", list([]), .true),
    .init("{attribute: a, operator: is_empty}", s(""), .true),
    .init("{attribute: a, operator: is_empty}", nil, .true),
    .init("{attribute: a, operator: is_empty}", list([s("x")]), .false),
    .init("{attribute: a, operator: is_empty}", .unknown, .unknown),
    .init("{attribute: a, operator: is_not_empty}", list([s("x")]), .true),
    .init("{attribute: a, operator: is_not_empty}", nil, .false),
    .init("{attribute: a, operator: is_not_empty}", .unknown, .unknown),
    .init("{attribute: a, operator: length_equals, value: 2}", list([n(1), n(2)]), .true),
    .init("{attribute: a, operator: length_equals, value: 2}", s("abc"), .false),
    .init("{attribute: a, operator: length_equals, value: 2}", .unknown, .unknown),
    .init("{attribute: a, operator: length_greater_than, value: 2}", s("abc"), .true),
    .init("{attribute: a, operator: length_greater_than, value: 2}", s("ab"), .false),
    .init("{attribute: a, operator: length_less_than, value: 2}", list([n(1)]), .true),
    .init("{attribute: a, operator: length_less_than, value: 2}", list([n(1), n(2)]), .false),
    // set operators
    .init("{attribute: a, operator: subset, value: [GET, HEAD]}", list([s("GET")]), .true),
    .init("{attribute: a, operator: subset, value: [GET, HEAD]}", list([s("GET"), s("PUT")]), .false),
    .init("{attribute: a, operator: subset, value: [GET, HEAD]}", list([s("GET"), .unknown]), .unknown),
    .init("{attribute: a, operator: not_subset, value: [GET]}", list([s("PUT")]), .true),
    .init("{attribute: a, operator: not_subset, value: [GET]}", list([s("GET")]), .false),
    .init("{attribute: a, operator: intersects, value: [\"*\"]}", list([s("s3:Get"), s("*")]), .true),
    .init("{attribute: a, operator: intersects, value: [\"*\"]}", list([s("s3:Get")]), .false),
    .init("{attribute: a, operator: intersects, value: [\"*\"]}", list([.unknown]), .unknown),
    .init("{attribute: a, operator: not_intersects, value: [\"*\"]}", list([s("s3:Get")]), .true),
    .init("{attribute: a, operator: not_intersects, value: [\"*\"]}", s("*"), .false),
    // CIDRs
    .init("{attribute: a, operator: cidr_contains_any, value: [0.0.0.0/0, \"::/0\"]}", list([s("10.0.0.0/8"), s("0.0.0.0/0")]), .true),
    .init("{attribute: a, operator: cidr_contains_any, value: [0.0.0.0/0, \"::/0\"]}", list([s("::/0")]), .true),
    .init(
        "{attribute: a, operator: cidr_contains_any, value: [0.0.0.0/0, \"::/0\"]}", list([s("10.0.0.0/8"), s("2001:db8::/32")]), .false),
    .init("{attribute: a, operator: cidr_contains_any, value: [0.0.0.0/0]}", list([s("10.0.0.0/8"), .unknown]), .unknown),
    .init("{attribute: a, operator: cidr_contains_any, value: [0.0.0.0/0]}", s("*"), .true),
    .init("{attribute: a, operator: cidr_contains_any, value: [10.1.0.0/16]}", s("10.0.0.0/8"), .true),
    // ports given as Azure-style strings
    .init("{attribute: a, operator: port_in_range, value: 22}", s("20-25"), .true),
    .init("{attribute: a, operator: port_in_range, value: 22}", list([s("80"), s("443")]), .false),
    .init("{attribute: a, operator: port_in_range, value: 22}", s("*"), .true),
    .init("{attribute: a, operator: port_in_range, value: 22}", .unknown, .unknown),
    // case-insensitive equality (Checkov)
    .init("{attribute: a, operator: equals_ignore_case, value: INBOUND}", s("Inbound"), .true),
]

@Test(arguments: operatorCases)
func operatorTruth(_ c: OperatorCase) throws {
    var attributes: [String: Value] = [:]
    if let v = c.value { attributes["a"] = v }
    #expect(try truth(c.condition, attributes) == c.expected)
}

@Test func portRangeFromToAttributes() throws {
    let cond = "{operator: port_in_range, from_attribute: from_port, to_attribute: to_port, value: 22}"
    #expect(try truth(cond, ["from_port": n(0), "to_port": n(1024)]) == .true)
    #expect(try truth(cond, ["from_port": n(443), "to_port": s("443")]) == .false)
    #expect(try truth(cond, ["from_port": .unknown, "to_port": n(443)]) == .unknown)
    #expect(try truth(cond, ["to_port": n(443)]) == .false)
}
