import Model
import Testing

@testable import HCL

@Suite struct EncodingFunctionsTests {
    typealias Case = StringFunctionsTests.Case

    // Expected values are the examples on developer.hashicorp.com/terraform/language/functions/<name>.
    static let documented: [Case] = [
        Case("jsonencode", [.object(["hello": .string("world")])], .string("{\"hello\":\"world\"}")),
        Case(
            "jsonencode", [.object(["b": .tuple([.number(1), .number(1.5), .bool(true), .null]), "a": .string("<&>")])],
            .string("{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":[1,1.5,true,null]}")),
        Case("jsonencode", [.string("line\nbreak\u{01}\u{08}")], .string("\"line\\nbreak\\u0001\\b\"")),
        Case("jsonencode", [.set(from: [.string("b"), .string("a")])], .string("[\"a\",\"b\"]")),
        Case("jsonencode", [.number(1e20)], .string("100000000000000000000")),
        Case("jsondecode", [.string("{\"hello\": \"world\"}")], .object(["hello": .string("world")])),
        Case("jsondecode", [.string("true")], .bool(true)),
        Case(
            "jsondecode", [.string("[1, \"a\", null, {\"b\": []}]")],
            .tuple([.number(1), .string("a"), .null, .object(["b": .tuple([])])])),
        Case("yamlencode", [.object(["a": .string("b"), "c": .string("d")])], .string("\"a\": \"b\"\n\"c\": \"d\"\n")),
        Case(
            "yamlencode", [.object(["foo": .tuple([.number(1), .number(2), .number(3)]), "bar": .string("baz")])],
            .string("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")),
        Case(
            "yamlencode",
            [.object(["foo": .tuple([.number(1), .object(["a": .string("b"), "c": .string("d")]), .number(3)]), "bar": .string("baz")])],
            .string("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")),
        Case(
            "yamlencode", [.object(["a": .object(["b": .bool(true), "c": .null]), "d": .tuple([]), "e": .object([:])])],
            .string("\"a\":\n  \"b\": true\n  \"c\": null\n\"d\": []\n\"e\": {}\n")),
        Case("yamlencode", [.string("x")], .string("\"x\"\n")),
        Case("yamlencode", [.tuple([.tuple([.number(1), .number(2)])])], .string("- - 1\n  - 2\n")),
        Case("yamlencode", [.object(["s": .string("a\nb\n")])], .string("\"s\": |\n  a\n  b\n")),
        Case("base64encode", [.string("Hello World")], .string("SGVsbG8gV29ybGQ=")),
        Case("textencodebase64", [.string("Hello World"), .string("UTF-16LE")], .string("SABlAGwAbABvACAAVwBvAHIAbABkAA==")),
        Case("textdecodebase64", [.string("SABlAGwAbABvACAAVwBvAHIAbABkAA=="), .string("UTF-16LE")], .string("Hello World")),
        Case("base64decode", [.string("SGVsbG8gV29ybGQ=")], .string("Hello World")),
        Case("base64decode", [.string("0JfQtNGA0LDQstGB0YLQstGD0LksINCc0LjRgA==")], .string("Здравствуй, Мир")),
        Case("urlencode", [.string("Hello World!")], .string("Hello+World%21")),
        Case("urlencode", [.string("☃")], .string("%E2%98%83")),
        Case("urlencode", [.string("foo:bar@localhost?foo=bar&bar=baz")], .string("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")),
        Case(
            "csvdecode", [.string("a,b,c\n1,2,3\n4,5,6\n")],
            .list([
                .object(["a": .string("1"), "b": .string("2"), "c": .string("3")]),
                .object(["a": .string("4"), "b": .string("5"), "c": .string("6")]),
            ])),
        Case("csvdecode", [.string("a,b\n\"x,\"\"y\",z")], .list([.object(["a": .string("x,\"y"), "b": .string("z")])])),
    ]

    @Test(arguments: documented)
    func documentedExamples(_ c: Case) throws {
        #expect(try FunctionTable.standard.call(c.name, arguments: c.args, context: FunctionContext()) == c.expected)
    }

    /// go-yaml folds long double-quoted strings past column 80; the first two lines are as reported in
    /// opentofu/opentofu#4433 (same go-cty-yaml emitter as Terraform).
    @Test func yamlencodeFoldsLongStrings() throws {
        let command =
            "mkdir -p /app/storage/database /app/storage/framework/cache/data /app/storage/framework/sessions /app/storage/framework/views /app/storage/logs"
        let expected =
            "\"command\": \"mkdir -p /app/storage/database /app/storage/framework/cache/data /app/storage/framework/sessions\n  /app/storage/framework/views /app/storage/logs\"\n"
        #expect(try call("yamlencode", .object(["command": .string(command)])) == .string(expected))
        // Root scalars: literal block indented by 2; non-printable characters escaped as go-yaml does.
        #expect(try call("yamlencode", .string("a\nb")) == .string("|-\n  a\n  b\n"))
        #expect(try call("yamlencode", .tuple([.string("tab\there 😀")])) == .string("- \"tab\\there \\U0001F600\"\n"))
        #expect(try call("yamlencode", .string("x \ny")) == .string("\"x \\ny\"\n"))
    }

    @Test func errors() {
        #expect(failure("base64decode", .string("not base64!"))?.contains("failed to decode base64 data") == true)
        #expect(failure("base64decode", .string("/w=="))?.contains("not valid UTF-8") == true)
        #expect(failure("jsondecode", .string("{"))?.hasPrefix("Call to function \"jsondecode\" failed") == true)
        #expect(
            failure("textencodebase64", .string("x"), .string("EBCDIC-bogus"))?.contains("is not a supported IANA encoding name") == true)
        #expect(failure("textencodebase64", .string("☃"), .string("US-ASCII"))?.contains("cannot be represented in US-ASCII") == true)
        #expect(failure("csvdecode", .string("a,b\n1\n"))?.contains("wrong number of fields") == true)
    }

    @Test func unknownsMakeEncodingsUnknown() throws {
        #expect(try call("jsonencode", .object(["a": .unknown])) == .unknown)
        #expect(try call("yamlencode", .tuple([.unknown])) == .unknown)
        #expect(try call("base64encode", .unknown) == .unknown)
        #expect(try call("jsonencode", .null) == .string("null"))
    }
}
