import Model
import Testing

@testable import HCL

@Suite struct CollectionFunctionsTests {
    typealias Case = StringFunctionsTests.Case

    // Expected values are the examples on developer.hashicorp.com/terraform/language/functions/<name>.
    static let documented: [Case] = [
        Case("length", [.tuple([])], .number(0)),
        Case("length", [stringTuple("a", "b")], .number(2)),
        Case("length", [.object(["a": .string("b")])], .number(1)),
        Case("length", [.string("hello")], .number(5)),
        Case("length", [.string("👾🕹️")], .number(2)),
        Case("element", [stringTuple("a", "b", "c"), .number(1)], .string("b")),
        Case("element", [stringTuple("a", "b", "c"), .number(3)], .string("a")),
        Case("element", [stringTuple("a", "b", "c"), .number(4)], .string("b")),
        Case("element", [stringTuple("a", "b", "c"), .number(-1)], .string("c")),
        Case("reverse", [Value.set(from: [.number(1), .number(2)])], numbers(2, 1)),
        Case("setproduct", [Value.set(from: [.string("a")]), stringTuple("b")], .set(from: [stringTuple("a", "b")])),
        Case("contains", [Value.set(from: [.number(1)]), .number(1)], .bool(true)),
        Case("contains", [.tuple([]), .string("a")], .bool(false)),
        Case("concat", [stringTuple("a", ""), stringTuple("b", "c")], stringTuple("a", "", "b", "c")),
        Case("concat", [strings("a"), strings("b")], strings("a", "b")),
        Case("concat", [strings("a"), numbers(1)], strings("a", "1")),
        Case("flatten", [.tuple([stringTuple("a", "b"), .tuple([]), stringTuple("c")])], stringTuple("a", "b", "c")),
        Case(
            "flatten", [.tuple([.tuple([.string("a"), .string("b")]), .tuple([]), .tuple([.string("c"), .tuple([.string("d")])])])],
            stringTuple("a", "b", "c", "d")),
        Case(
            "merge", [.object(["a": .string("b"), "c": .string("d")]), .object(["e": .string("f"), "c": .string("z")])],
            .object(["a": .string("b"), "c": .string("z"), "e": .string("f")])),
        Case(
            "merge", [.object(["a": .string("b")]), .object(["e": .tuple([.number(1), .number(2)])])],
            .object(["a": .string("b"), "e": .tuple([.number(1), .number(2)])])),
        Case("merge", [.map(["a": .string("b")]), .map(["c": .string("d")])], .map(["a": .string("b"), "c": .string("d")])),
        Case("merge", [.map(["a": .string("b")]), .null], .map(["a": .string("b")])),
        Case("lookup", [.object(["a": .string("ay"), "b": .string("bee")]), .string("a"), .string("what?")], .string("ay")),
        Case("lookup", [.object(["a": .string("ay"), "b": .string("bee")]), .string("c"), .string("what?")], .string("what?")),
        Case("keys", [.object(["a": .number(1), "c": .number(2), "d": .number(3)])], stringTuple("a", "c", "d")),
        Case("keys", [.map(["b": .number(1), "a": .number(2)])], strings("a", "b")),
        Case("values", [.object(["a": .number(3), "c": .number(2), "d": .number(1)])], .tuple([.number(3), .number(2), .number(1)])),
        Case("values", [.map(["a": .number(3), "c": .number(2)])], numbers(3, 2)),
        Case("contains", [stringTuple("a", "b", "c"), .string("a")], .bool(true)),
        Case("contains", [stringTuple("a", "b", "c"), .string("d")], .bool(false)),
        Case("contains", [.tuple([.number(1)]), .string("1")], .bool(false)),
        Case("distinct", [stringTuple("a", "b", "a", "c", "d", "b")], strings("a", "b", "c", "d")),
        Case("coalesce", [.string("a"), .string("b")], .string("a")),
        Case("coalesce", [.string(""), .string("b")], .string("b")),
        Case("coalesce", [.number(1), .number(2)], .number(1)),
        Case("coalesce", [.null, .number(1), .string("x")], .string("1")),
        Case("coalescelist", [stringTuple("a", "b"), stringTuple("c", "d")], stringTuple("a", "b")),
        Case("coalescelist", [.tuple([]), stringTuple("c", "d")], stringTuple("c", "d")),
        Case("compact", [stringTuple("a", "", "b", "c")], strings("a", "b", "c")),
        Case("compact", [.tuple([.string("a"), .null, .string("b")])], strings("a", "b")),
        Case("zipmap", [stringTuple("a", "b"), .tuple([.number(1), .number(2)])], .object(["a": .number(1), "b": .number(2)])),
        Case("zipmap", [strings("a", "b"), numbers(1, 2)], .map(["a": .number(1), "b": .number(2)])),
        Case("slice", [stringTuple("a", "b", "c", "d"), .number(1), .number(3)], stringTuple("b", "c")),
        Case("slice", [strings("a", "b", "c", "d"), .number(0), .number(0)], .list([])),
        Case("one", [.tuple([])], .null),
        Case("one", [stringTuple("hello")], .string("hello")),
        Case("one", [Value.set(from: [.string("hello")])], .string("hello")),
        Case("index", [stringTuple("a", "b", "c"), .string("b")], .number(1)),
        Case("reverse", [.tuple([.number(1), .number(2), .number(3)])], .tuple([.number(3), .number(2), .number(1)])),
        Case("reverse", [numbers(1, 2)], numbers(2, 1)),
        Case("range", [.number(3)], numbers(0, 1, 2)),
        Case("range", [.number(1), .number(4)], numbers(1, 2, 3)),
        Case("range", [.number(1), .number(8), .number(2)], numbers(1, 3, 5, 7)),
        Case("range", [.number(1), .number(4), .number(0.5)], numbers(1, 1.5, 2, 2.5, 3, 3.5)),
        Case("range", [.number(4), .number(1)], numbers(4, 3, 2)),
        Case("range", [.number(10), .number(5), .number(-2)], numbers(10, 8, 6)),
        Case("range", [.number(-3)], numbers(0, -1, -2)),
        Case("range", [.number(0)], .list([])),
        Case("sort", [stringTuple("e", "d", "a", "x")], strings("a", "d", "e", "x")),
        Case("sort", [.tuple([.number(10), .number(9)])], strings("10", "9")),
        Case("sum", [.tuple([.number(10), .number(13), .number(6), .number(4.5)])], .number(33.5)),
        Case(
            "transpose", [.object(["a": stringTuple("1", "2"), "b": stringTuple("2", "3")])],
            .map(["1": strings("a"), "2": strings("a", "b"), "3": strings("b")])),
        Case(
            "chunklist", [stringTuple("a", "b", "c", "d", "e"), .number(2)], .list([strings("a", "b"), strings("c", "d"), strings("e")])),
        Case(
            "chunklist", [stringTuple("a", "b", "c", "d", "e"), .number(1)],
            .list([strings("a"), strings("b"), strings("c"), strings("d"), strings("e")])),
        Case("chunklist", [stringTuple("a", "b"), .number(0)], .list([strings("a", "b")])),
        Case(
            "matchkeys", [stringTuple("i-123", "i-abc", "i-def"), stringTuple("us-west", "us-east", "us-east"), stringTuple("us-east")],
            strings("i-abc", "i-def")),
        Case("alltrue", [stringTuple("true", "true")], .bool(true)),
        Case("alltrue", [.tuple([.bool(true), .bool(false)])], .bool(false)),
        Case("alltrue", [.tuple([])], .bool(true)),
        Case("anytrue", [stringTuple("true")], .bool(true)),
        Case("anytrue", [.tuple([.bool(true), .bool(false)])], .bool(true)),
        Case("anytrue", [.tuple([])], .bool(false)),
        Case(
            "setunion", [stringTuple("a", "b"), stringTuple("b", "c"), stringTuple("d")],
            .set(from: [.string("a"), .string("b"), .string("c"), .string("d")])),
        Case("setintersection", [stringTuple("a", "b"), stringTuple("b", "c"), stringTuple("b", "d")], .set(from: [.string("b")])),
        Case("setsubtract", [stringTuple("a", "b", "c"), stringTuple("a", "c")], .set(from: [.string("b")])),
        Case(
            "setproduct", [stringTuple("development", "staging"), stringTuple("app1", "app2")],
            .list([
                stringTuple("development", "app1"), stringTuple("development", "app2"), stringTuple("staging", "app1"),
                stringTuple("staging", "app2"),
            ])),
        Case("setproduct", [stringTuple("a"), .tuple([])], .list([])),
        Case("tolist", [stringTuple("a", "b", "c")], strings("a", "b", "c")),
        Case("tolist", [.tuple([.string("a"), .string("b"), .number(3)])], strings("a", "b", "3")),
        Case("toset", [stringTuple("a", "b", "c")], .set(from: [.string("a"), .string("b"), .string("c")])),
        Case("toset", [.tuple([.string("a"), .string("b"), .number(3)])], .set(from: [.string("a"), .string("b"), .string("3")])),
        Case("toset", [stringTuple("c", "b", "b")], .set(from: [.string("b"), .string("c")])),
        Case("tomap", [.object(["a": .number(1), "b": .number(2)])], .map(["a": .number(1), "b": .number(2)])),
        Case("tomap", [.object(["a": .string("foo"), "b": .bool(true)])], .map(["a": .string("foo"), "b": .string("true")])),
        Case("tonumber", [.number(1)], .number(1)),
        Case("tonumber", [.string("1")], .number(1)),
        Case("tonumber", [.null], .null),
        Case("tobool", [.bool(true)], .bool(true)),
        Case("tobool", [.string("true")], .bool(true)),
        Case("tobool", [.null], .null),
    ]

    @Test(arguments: documented)
    func documentedExamples(_ c: Case) throws {
        #expect(try FunctionTable.standard.call(c.name, arguments: c.args, context: FunctionContext()) == c.expected)
    }

    @Test func errors() {
        #expect(failure("element", .tuple([]), .number(0))?.contains("cannot use element function with an empty list") == true)
        #expect(
            failure("element", Value.set(from: [.string("a")]), .number(0))?.contains("cannot read elements from set of string") == true)
        #expect(failure("setproduct", stringTuple("a"))?.contains("at least two arguments are required") == true)
        #expect(failure("setproduct", stringTuple("a"), .string("b"))?.contains("a set or a list is required") == true)
        #expect(failure("slice", Value.set(from: [.string("a")]), .number(0), .number(1))?.contains("cannot slice a set") == true)
        #expect(
            failure("slice", stringTuple("a"), .number(2), .number(2))?.contains(
                "start index must not be greater than the length of the list") == true)
        #expect(failure("reverse", .string("a"))?.contains("can only reverse list or tuple values, not string") == true)
        #expect(failure("keys", .string("a"))?.contains("must have map or object type") == true)
        #expect(failure("values", .tuple([]))?.contains("values() requires a map as the first argument") == true)
        #expect(failure("contains", .string("a"), .string("a"))?.contains("argument must be list, tuple, or set") == true)
        #expect(
            failure("zipmap", stringTuple("a"), Value.set(from: [.string("x")]))?.contains("values argument must be a list or tuple value")
                == true)
        #expect(
            failure("lookup", .object(["a": .number(1)]), .string("b"))
                == "Invalid value for \"inputMap\" parameter: the given object has no attribute \"b\".")
        #expect(
            failure("lookup", .map(["a": .number(1)]), .string("b"))
                == "Call to function \"lookup\" failed: lookup failed to find key \"b\".")
        #expect(
            failure("lookup", .map(["a": .number(1)]), .string("b"), .string("x"))?.contains("the default value must have the same type")
                == true)
        #expect(failure("lookup", stringTuple("a"), .string("b"))?.contains("lookup() requires a map as the first argument") == true)
        #expect(failure("index", .tuple([]), .string("b"))?.contains("cannot search an empty list") == true)
        #expect(failure("index", Value.set(from: [.string("a")]), .string("a"))?.contains("argument must be a list or tuple") == true)
        #expect(failure("zipmap", stringTuple("a"), .tuple([]))?.contains("number of keys (1) does not match number of values (0)") == true)
        #expect(
            failure("slice", stringTuple("a"), .number(0), .number(2))?.contains(
                "end index must not be greater than the length of the list") == true)
        #expect(
            failure("slice", stringTuple("a"), .number(1), .number(0))?.contains("start index must not be greater than end index") == true)
        #expect(failure("one", stringTuple("a", "b"))?.contains("either zero or one elements") == true)
        #expect(failure("index", stringTuple("a"), .string("z"))?.contains("item not found") == true)
        #expect(failure("range", .number(1), .number(2), .number(0))?.contains("step must not be zero") == true)
        #expect(
            failure("range", .number(1), .number(4), .number(-1))?.contains("end must be less than start when step is negative") == true)
        #expect(failure("range", .number(2000))?.contains("more than 1024 values") == true)
        #expect(failure("sum", .tuple([]))?.contains("cannot sum an empty list") == true)
        #expect(failure("sum", stringTuple("a"))?.contains("number values") == true)
        #expect(failure("coalesce", .null, .string(""))?.contains("no non-null, non-empty-string arguments") == true)
        #expect(failure("coalesce", .number(1), .bool(true))?.contains("all arguments must have the same type") == true)
        #expect(failure("length", .number(1))?.contains("a string, a collection type, or a structural type") == true)
        #expect(failure("length", .null)?.contains("argument must not be null") == true)
        #expect(failure("merge", .string("a"))?.contains("arguments must be maps or objects") == true)
        #expect(failure("concat", .string("a"))?.contains("all arguments must be lists or tuples") == true)
        #expect(failure("tolist", .tuple([.number(1), .bool(true)])) != nil)
        #expect(failure("tolist", .object([:])) == "Invalid value for \"v\" parameter: cannot convert object to list of any single type.")
        #expect(
            failure("tonumber", .string("hello"))
                == "Invalid value for \"v\" parameter: cannot convert \"hello\" to number; given string must be a decimal representation of a number."
        )
        #expect(
            failure("tobool", .string("yes"))
                == "Invalid value for \"v\" parameter: cannot convert \"yes\" to bool; only the strings \"true\" or \"false\" are allowed.")
        #expect(failure("chunklist", stringTuple("a"), .number(-1))?.contains("the size argument must be positive") == true)
        #expect(
            failure("matchkeys", stringTuple("a"), .tuple([]), .tuple([]))?.contains("length of keys and values should be equal") == true)
        #expect(failure("nosuchfunction")?.hasPrefix("Call to unknown function \"nosuchfunction\"") == true)
        #expect(failure("element", stringTuple("a"))?.contains("function \"element\" expects 2 arguments") == true)
        #expect(failure("upper", .string("a"), .string("b"))?.contains("Too many function arguments") == true)
    }

    /// Terraform keeps results known when only elements are unknown; an unknown never becomes concrete.
    @Test func unknownHandling() throws {
        #expect(try call("length", .tuple([.unknown, .string("a")])) == .number(2))
        #expect(try call("length", .object(["a": .unknown])) == .number(1))
        #expect(try call("length", .unknown) == .unknown)
        #expect(try call("length", .set([.unknown])) == .unknown)
        #expect(try call("concat", .tuple([.unknown]), stringTuple("a")) == .tuple([.unknown, .string("a")]))
        #expect(try call("concat", .unknown, stringTuple("a")) == .unknown)
        #expect(try call("merge", .object(["a": .unknown]), .object(["b": .number(1)])) == .object(["a": .unknown, "b": .number(1)]))
        #expect(try call("merge", .unknown, .object(["b": .number(1)])) == .unknown)
        #expect(try call("coalesce", .string("a"), .unknown) == .string("a"))
        #expect(try call("coalesce", .unknown, .string("a")) == .unknown)
        #expect(try call("coalesce", .null, .unknown, .string("a")) == .unknown)
        #expect(try call("coalescelist", .unknown, stringTuple("a")) == .unknown)
        #expect(try call("tolist", .tuple([.unknown, .string("a")])) == .list([.unknown, .string("a")]))
        #expect(try call("tolist", .unknown) == .unknown)
        #expect(try call("keys", .object(["a": .unknown])) == stringTuple("a"))
        #expect(try call("values", .object(["a": .unknown])) == .tuple([.unknown]))
        #expect(try call("element", .tuple([.string("a"), .unknown]), .number(0)) == .string("a"))
        #expect(try call("element", .tuple([.string("a"), .unknown]), .number(1)) == .unknown)
        #expect(try call("element", stringTuple("a"), .unknown) == .unknown)
        #expect(try call("lookup", .object(["a": .unknown]), .string("a")) == .unknown)
        #expect(try call("lookup", .object(["a": .string("x")]), .unknown) == .unknown)
        #expect(try call("one", .tuple([.unknown])) == .unknown)
        #expect(try call("slice", .tuple([.unknown, .string("b")]), .number(1), .number(2)) == stringTuple("b"))
        #expect(try call("alltrue", .tuple([.unknown, .bool(false)])) == .unknown)
        #expect(try call("alltrue", .tuple([.bool(false), .unknown])) == .bool(false))
        #expect(try call("index", .tuple([.string("a"), .unknown]), .string("a")) == .number(0))
        #expect(try call("index", .tuple([.unknown, .string("a")]), .string("a")) == .unknown)
        #expect(try call("lookup", .map(["a": .number(1)]), .string("b"), .string("2")) == .number(2))
        #expect(try call("alltrue", .tuple([.unknown, .bool(true)])) == .unknown)
        #expect(try call("anytrue", .tuple([.unknown, .bool(true)])) == .bool(true))
        #expect(try call("anytrue", .tuple([.unknown, .bool(false)])) == .unknown)
        #expect(try call("contains", .tuple([.unknown]), .string("a")) == .unknown)
        #expect(try call("contains", .tuple([.unknown, .string("a")]), .string("a")) == .bool(true))
        #expect(try call("contains", .tuple([]), .unknown) == .bool(false))
        #expect(try call("distinct", .tuple([.unknown])) == .unknown)
        #expect(try call("flatten", .tuple([.unknown])) == .unknown)
        #expect(try call("zipmap", stringTuple("a"), .tuple([.unknown])) == .object(["a": .unknown]))
        #expect(try call("sort", .tuple([.unknown])) == .unknown)
        #expect(try call("reverse", .tuple([.unknown, .string("a")])) == .tuple([.string("a"), .unknown]))
        #expect(try call("reverse", .unknown) == .unknown)
        #expect(try call("setproduct", stringTuple("a"), .tuple([.unknown])) == .list([.tuple([.string("a"), .unknown])]))
        #expect(try call("setproduct", stringTuple("a"), .set([.unknown])) == .unknown)
        #expect(try call("setunion", stringTuple("a"), .unknown) == .unknown)
    }
}
