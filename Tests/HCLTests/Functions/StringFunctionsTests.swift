import Model
import Testing

@testable import HCL

@Suite struct StringFunctionsTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let args: [Value]
        let expected: Value
        init(_ name: String, _ args: [Value], _ expected: Value) {
            self.name = name
            self.args = args
            self.expected = expected
        }
        var description: String { "\(name)(\(args.map(\.description).joined(separator: ", ")))" }
    }

    // Expected values are the examples on developer.hashicorp.com/terraform/language/functions/<name>.
    static let documented: [Case] = [
        Case("upper", [.string("hello")], .string("HELLO")),
        Case("upper", [.string("алло!")], .string("АЛЛО!")),
        Case("lower", [.string("HELLO")], .string("hello")),
        Case("upper", [.string("straße")], .string("STRAßE")),
        Case("lower", [.string("АЛЛО!")], .string("алло!")),
        Case("strrev", [.string("hello")], .string("olleh")),
        Case("strrev", [.string("a ☃")], .string("☃ a")),
        Case("substr", [.string("hello world"), .number(1), .number(4)], .string("ello")),
        Case("substr", [.string("🤔🤷"), .number(0), .number(1)], .string("🤔")),
        Case("substr", [.string("hello world"), .number(-5), .number(-1)], .string("world")),
        Case("substr", [.string("hello world"), .number(7), .number(10)], .string("orld")),
        Case("substr", [.string("hello"), .number(10), .number(1)], .string("")),
        // go-cty quirks: zero length is empty, except with a negative offset where the remainder is returned.
        Case("substr", [.string("hello"), .number(1), .number(0)], .string("")),
        Case("substr", [.string("hello"), .number(-2), .number(0)], .string("lo")),
        Case("substr", [.string("hello"), .number(-10), .number(2)], .string("he")),
        Case("join", [.string("-"), stringTuple("foo", "bar", "baz")], .string("foo-bar-baz")),
        Case("join", [.string(", "), stringTuple("foo", "bar", "baz")], .string("foo, bar, baz")),
        Case("join", [.string(", "), stringTuple("foo")], .string("foo")),
        Case("join", [.string(","), strings("a"), strings("b", "c")], .string("a,b,c")),
        Case("split", [.string(","), .string("foo")], strings("foo")),
        Case("split", [.string(","), .string("foo,bar,baz")], strings("foo", "bar", "baz")),
        Case("split", [.string(","), .string("")], strings("")),
        Case("replace", [.string("1 + 2 + 3"), .string("+"), .string("-")], .string("1 - 2 - 3")),
        Case("replace", [.string("hello world"), .string("/w.*d/"), .string("everybody")], .string("hello everybody")),
        Case("replace", [.string("hello world"), .string("/(h)(e)/"), .string("$2$1")], .string("ehllo world")),
        Case("replace", [.string("abc"), .string("/(?P<x>b)/"), .string("[${x}]")], .string("a[b]c")),
        Case("trim", [.string("?!hello?!"), .string("!?")], .string("hello")),
        Case("trim", [.string("foobar"), .string("far")], .string("oob")),
        Case("trim", [.string("   hello! world.!  "), .string("! ")], .string("hello! world.")),
        Case("trimspace", [.string("  hello\n\n")], .string("hello")),
        Case("trimprefix", [.string("helloworld"), .string("hello")], .string("world")),
        Case("trimprefix", [.string("helloworld"), .string("cat")], .string("helloworld")),
        Case("trimsuffix", [.string("helloworld"), .string("world")], .string("hello")),
        Case("title", [.string("hello world")], .string("Hello World")),
        Case("title", [.string("hello-world_foo")], .string("Hello-World_foo")),
        Case("startswith", [.string("hello world"), .string("hello")], .bool(true)),
        Case("startswith", [.string("hello world"), .string("world")], .bool(false)),
        Case("endswith", [.string("hello world"), .string("world")], .bool(true)),
        Case("endswith", [.string("hello world"), .string("hello")], .bool(false)),
        Case("strcontains", [.string("hello world"), .string("wor")], .bool(true)),
        Case("strcontains", [.string("hello world"), .string("wod")], .bool(false)),
        Case("chomp", [.string("hello\n")], .string("hello")),
        Case("chomp", [.string("hello\r\n")], .string("hello")),
        Case("chomp", [.string("hello\n\n")], .string("hello")),
        Case("indent", [.number(2), .string("[\n  foo,\n  bar,\n]\n")], .string("[\n    foo,\n    bar,\n  ]\n  ")),
        Case("regex", [.string("[a-z]+"), .string("53453453.345345aaabbbccc23454")], .string("aaabbbccc")),
        Case("regex", [.string("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), .string("2019-02-01")], stringTuple("2019", "02", "01")),
        Case(
            "regex", [.string("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"), .string("https://terraform.io/docs/")],
            .object(["scheme": .string("https"), "authority": .string("terraform.io")])),
        Case("regex", [.string("(a)|(b)"), .string("b")], .tuple([.null, .string("b")])),
        Case("regexall", [.string("[a-z]+"), .string("1234abcd5678efgh9")], strings("abcd", "efgh")),
        Case("regexall", [.string("[a-z]+"), .string("123456789")], .list([])),
        Case("regexall", [.string("(\\w)=(\\d)"), .string("a=1 b=2")], .list([stringTuple("a", "1"), stringTuple("b", "2")])),
        Case("format", [.string("Hello, %s!"), .string("Ander")], .string("Hello, Ander!")),
        Case("format", [.string("There are %d lights"), .number(4)], .string("There are 4 lights")),
        Case("format", [.string("%-5s|"), .string("ab")], .string("ab   |")),
        Case("format", [.string("%5s|"), .string("ab")], .string("   ab|")),
        Case("format", [.string("%.2f"), .number(3.14159)], .string("3.14")),
        Case("format", [.string("%f"), .number(1)], .string("1.000000")),
        Case("format", [.string("%t"), .bool(true)], .string("true")),
        Case("format", [.string("%v %v %v"), .string("a"), .number(1.5), .bool(false)], .string("a 1.5 false")),
        Case("format", [.string("%#v"), .string("a")], .string("\"a\"")),
        Case("format", [.string("%v"), .tuple([.number(1), .string("<")])], .string("[1,\"\\u003c\"]")),
        Case("format", [.string("%q"), .string("a\"b")], .string("\"a\\\"b\"")),
        Case("format", [.string("100%%")], .string("100%")),
        Case("format", [.string("%[2]s %[1]s"), .string("a"), .string("b")], .string("b a")),
        Case(
            "format", [.string("%03d|%+d|%x|%X|%o|%b"), .number(7), .number(5), .number(255), .number(255), .number(8), .number(5)],
            .string("007|+5|ff|FF|10|101")),
        Case("format", [.string("%s"), .number(12)], .string("12")),
        Case(
            "formatlist", [.string("Hello, %s!"), stringTuple("Valentina", "Ander", "Olivia", "Sam")],
            strings("Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!")),
        Case(
            "formatlist", [.string("%s, %s!"), .string("Salutations"), stringTuple("Valentina", "Ander", "Olivia", "Sam")],
            strings("Salutations, Valentina!", "Salutations, Ander!", "Salutations, Olivia!", "Salutations, Sam!")),
        // The following are go-cty's format_test.go expectations (Terraform's format is cty's).
        Case("format", [.string("%4s"), .string("💃🏿")], .string("   💃🏿")),
        Case("format", [.string("%-6q"), .string("💃🏿")], .string("\"💃🏿\"   ")),
        Case("format", [.string("%.5s"), .string("日本語日本語")], .string("日本語日本")),
        Case("format", [.string("%6.2q"), .string("hello")], .string("  \"he\"")),
        Case("format", [.string("%v"), .null], .string("null")),
        Case("format", [.string("object %v"), .object([:])], .string("object {}")),
        Case("format", [.string("number %#v"), .number(2)], .string("number 2")),
        Case("format", [.string("% d"), .number(10)], .string(" 10")),
        Case("format", [.string("%-5d|"), .number(10)], .string("10   |")),
        Case("format", [.string("% f"), .number(-10)], .string("-10.000000")),
        Case("format", [.string("%.1f"), .string("1.06")], .string("1.1")),
        Case("format", [.string("%e"), .number(1000)], .string("1.000000e+03")),
        Case("format", [.string("%E"), .number(1000)], .string("1.000000E+03")),
        Case("format", [.string("%g"), .number(1000)], .string("1000")),
        Case("format", [.string("%g"), .string("0.00000000000000000000001")], .string("1e-23")),
        Case("format", [.string("%G"), .string("0.00000000000000000000001")], .string("1E-23")),
        Case("format", [.string("%t"), .string("false")], .string("false")),
        Case("format", [.string("%q"), .string("Hello\nWorld")], .string("\"Hello\\nWorld\"")),
        Case("formatlist", [.string("%s %s"), strings("hello", "goodbye"), .string("world")], strings("hello world", "goodbye world")),
        Case("formatlist", [.string("%v"), .tuple([])], .list([])),
        Case("formatlist", [.string("%v"), .null], strings("null")),
        Case(
            "formatlist", [.string("%v"), .list([stringTuple("hello"), .tuple([.unknown]), stringTuple("world")])],
            .list([.string("[\"hello\"]"), .unknown, .string("[\"world\"]")])),
        Case("tostring", [.string("hello")], .string("hello")),
        Case("tostring", [.number(1)], .string("1")),
        Case("tostring", [.bool(true)], .string("true")),
        Case("tostring", [.null], .null),
    ]

    @Test(arguments: documented)
    func documentedExamples(_ c: Case) throws {
        #expect(try FunctionTable.standard.call(c.name, arguments: c.args, context: FunctionContext()) == c.expected)
    }

    @Test func errors() {
        #expect(failure("regex", .string("[a-z]+"), .string("123"))?.contains("pattern did not match any part of the given string") == true)
        #expect(
            failure("regex", .string("(?P<a>x)(y)"), .string("xy"))?.contains("cannot mix both named and unnamed capture groups") == true)
        #expect(failure("regex", .string("("), .string("x"))?.contains("invalid regexp pattern") == true)
        #expect(failure("format", .string("%d"), .number(1.5))?.contains("an integer is required") == true)
        #expect(
            failure("format", .string("%d %d"), .number(1))?.contains("not enough arguments for \"%d\" at 3: need index 2 but have 1 total")
                == true)
        #expect(
            failure("format", .string("%d"), .number(1), .number(2))?.contains("too many arguments; only 1 used by format string") == true)
        #expect(failure("format", .string("x"), .number(1))?.contains("too many arguments; no verbs in format string") == true)
        #expect(
            failure("format", .string("%z is not a valid sequence"), .number(10))
                == "Call to function \"format\" failed: unsupported format verb 'z' in \"%z\" at offset 0.")
        #expect(failure("format", .string("%012z"), .number(10))?.contains("unsupported format verb 'z' in \"%012z\" at offset 0") == true)
        #expect(failure("format", .string("%☠ is not"), .number(10))?.contains("unrecognized format character '☠' at offset 1") == true)
        #expect(failure("format", .string("%d"), .bool(true))?.contains("unsupported value for \"%d\" at 0: number required") == true)
        #expect(
            failure("format", .string("%[3]s"), .bool(true), .bool(true))?
                .contains("not enough arguments for \"%[3]s\" at 0: need index 3 but have 2 total") == true)
        #expect(
            failure("formatlist", .string("%s"), .object([:]))
                == "Call to function \"formatlist\" failed: error on format iteration 0: unsupported value for \"%s\" at 0: string required."
        )
        #expect(failure("format", .string("%s"), .null)?.contains("null value cannot be formatted") == true)
        #expect(
            failure("formatlist", .string("%s %s"), strings("hello", "goodbye"), strings("world"))?
                .contains("argument 2 has length 1, which is inconsistent with argument 1 of length 2") == true)
        #expect(failure("upper", .null) == "Invalid value for \"str\" parameter: argument must not be null.")
        #expect(failure("upper", .tuple([])) == "Invalid value for \"str\" parameter: string required.")
        #expect(failure("join", .string(",")) != nil)
        #expect(
            failure("join", .string(","), .tuple([.string("a"), .null]))
                == "Invalid value for \"lists\" parameter: element 1 is null; cannot concatenate null values.")
        #expect(failure("join", .string(","), stringTuple("a"), .tuple([.null]))?.contains("element 0 of list 2 is null") == true)
        #expect(failure("tostring", .tuple([])) == "Invalid value for \"v\" parameter: cannot convert tuple to string.")
        #expect(failure("substr", .string("x"), .number(1)) != nil)
    }

    @Test func unknownArgumentsGiveUnknown() throws {
        #expect(try call("upper", .unknown) == .unknown)
        #expect(try call("join", .string(","), .tuple([.string("a"), .unknown])) == .unknown)
        #expect(try call("format", .string("%s-%s"), .string("a"), .unknown) == .unknown)
        #expect(try call("replace", .unknown, .string("a"), .string("b")) == .unknown)
        #expect(try call("regex", .string("a"), .unknown) == .unknown)
        #expect(try call("tostring", .unknown) == .unknown)
    }
}
