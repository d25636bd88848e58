import Model
import Testing

@testable import HCL

@Suite struct ConversionTests {
    @Test(arguments: [
        (Value.number(1), TypeConstraint.string, Value.string("1")),
        (.number(1.5), .string, .string("1.5")),
        (.bool(true), .string, .string("true")),
        (.string("12.5"), .number, .number(12.5)),
        (.string("-3"), .number, .number(-3)),
        (.string("1e3"), .number, .number(1000)),
        (.string("true"), .bool, .bool(true)),
        (.string("false"), .bool, .bool(false)),
        (.string("1"), .bool, .bool(true)),
        (.string("0"), .bool, .bool(false)),
        (.string("x"), .string, .string("x")),
        (.number(2), .number, .number(2)),
        (.bool(false), .bool, .bool(false)),
        (.unknown, .number, .unknown),
        (.null, .string, .null),
        (.null, .list(.string), .null),
        (.tuple([.string("a"), .number(1)]), .any, .tuple([.string("a"), .number(1)])),
        (.tuple([.string("a"), .number(1)]), .list(.string), .list([.string("a"), .string("1")])),
        // list(any) unifies: strings win over numbers and bools.
        (.tuple([.string("a"), .number(1), .bool(true)]), .list(.any), .list([.string("a"), .string("1"), .string("true")])),
        (.tuple([.number(1), .number(2)]), .list(.any), .list([.number(1), .number(2)])),
        (.tuple([.string("b"), .string("a"), .string("b")]), .set(.string), .set([.string("a"), .string("b")])),
        (.list([.string("a")]), .set(.string), .set([.string("a")])),
        (.set([.number(1)]), .list(.number), .list([.number(1)])),
        (.list([.number(1)]), .tuple([.string]), .tuple([.string("1")])),
        (.object(["a": .number(1)]), .map(.string), .map(["a": .string("1")])),
        (.object(["a": .number(1), "b": .string("x")]), .map(.any), .map(["a": .string("1"), "b": .string("x")])),
        (.map(["a": .string("1")]), .object(attributes: ["a": .number], optional: [:]), .object(["a": .number(1)])),
        // Extra attributes are dropped by object conversion.
        (.object(["a": .string("1"), "z": .bool(true)]), .object(attributes: ["a": .number], optional: [:]), .object(["a": .number(1)])),
        (.tuple([.unknown, .number(1)]), .list(.number), .list([.unknown, .number(1)])),
        (.tuple([.null, .string("a")]), .list(.string), .list([.null, .string("a")])),
        (.map(["a": .number(1)]), .map(.number), .map(["a": .number(1)])),
        (.object(["a": .number(1)]), .object(attributes: ["a": .string], optional: [:]), .object(["a": .string("1")])),
        (.set([.string("a")]), .set(.string), .set([.string("a")])),
        (.list([.string("b"), .string("a")]), .list(.string), .list([.string("b"), .string("a")])),
        (.tuple([.tuple([.number(1)]), .list([.number(2)])]), .list(.list(.any)), .list([.list([.number(1)]), .list([.number(2)])])),
        (
            .tuple([.object(["a": .number(1)]), .object(["a": .string("x")])]), .list(.any),
            .list([.object(["a": .string("1")]), .object(["a": .string("x")])])
        ),
        (.unknown, .object(attributes: [:], optional: [:]), .unknown),
        (
            .tuple([.object(["a": .number(1)]), .object(["b": .number(2)])]), .list(.any),
            .list([.map(["a": .number(1)]), .map(["b": .number(2)])])
        ),
    ])
    func converts(value: Value, type: TypeConstraint, expected: Value) throws {
        #expect(try Conversion.convert(value, to: type) == expected)
    }

    @Test func optionalAttributes() throws {
        let type = TypeConstraint.object(
            attributes: ["name": .string, "port": .number, "tags": .map(.string)],
            optional: ["port": .some(.number(80)), "tags": Value?.none])
        #expect(
            try Conversion.convert(.object(["name": .string("web")]), to: type)
                == .object(["name": .string("web"), "port": .number(80), "tags": .null]))
        #expect(
            try Conversion.convert(.object(["name": .string("web"), "port": .null]), to: type)
                == .object(["name": .string("web"), "port": .number(80), "tags": .null]))
        #expect(
            try Conversion.convert(.object(["name": .string("web"), "port": .string("8080")]), to: type)
                == .object(["name": .string("web"), "port": .number(8080), "tags": .null]))
        #expect(throws: FunctionError.self) { try Conversion.convert(.object([:]), to: type) }
        do {
            _ = try Conversion.convert(.object([:]), to: type)
        } catch {
            #expect(error.message == "attribute \"name\" is required")
        }
    }

    @Test(arguments: [
        (Value.string("abc"), TypeConstraint.number, "a number is required"),
        (.string("yes"), .bool, "a bool is required"),
        (.string("True"), .bool, "a bool is required; to convert from string, use lowercase \"true\""),
        (.bool(true), .number, "number required"),
        (.number(1), .bool, "bool required"),
        (.tuple([]), .string, "string required"),
        (.string("a"), .list(.string), "list of string required"),
        (.object([:]), .list(.string), "list of string required"),
        (.tuple([.number(1)]), .map(.string), "map of string required"),
        (.map(["a": .string("x")]), .list(.string), "list of string required"),
        (.set([.string("a")]), .tuple([.string]), "tuple required"),
        (.string("a"), .object(attributes: [:], optional: [:]), "object required"),
        (.string("a"), .tuple([]), "tuple required"),
        (.object(["a": .tuple([])]), .map(.string), "element \"a\": string required"),
        (.tuple([.number(1), .bool(true)]), .list(.any), "all list elements must have the same type"),
        (.tuple([.number(1)]), .tuple([.number, .number]), "tuple required with 2 elements"),
        (.tuple([.string("x")]), .list(.number), "element 0: a number is required"),
        (.object(["a": .string("x")]), .object(attributes: ["a": .number], optional: [:]), "attribute \"a\": a number is required"),
    ])
    func failures(value: Value, type: TypeConstraint, message: String) {
        do {
            _ = try Conversion.convert(value, to: type)
            Issue.record("expected failure")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func unifyForConditionals() throws {
        #expect(try Conversion.unify([.number(1), .string("a")]) == [.string("1"), .string("a")])
        #expect(try Conversion.unify([.number(1), .null]) == [.number(1), .null])
        #expect(try Conversion.unify([.unknown, .bool(true)]) == [.unknown, .bool(true)])
        #expect(
            try Conversion.unify([.object(["a": .number(1)]), .object(["b": .number(2)])])
                == [.map(["a": .number(1)]), .map(["b": .number(2)])])
        #expect(try Conversion.unify([.tuple([.number(1)]), .tuple([.string("x")])]) == [.tuple([.string("1")]), .tuple([.string("x")])])
        #expect(throws: FunctionError.self) { try Conversion.unify([.number(1), .bool(true)]) }
        #expect(throws: FunctionError.self) { try Conversion.unify([.tuple([]), .string("a")]) }
    }

    @Test func helpers() throws {
        #expect(try Conversion.toString(.number(42)) == .string("42"))
        #expect(try Conversion.toNumber(.string("42")) == .number(42))
        #expect(try Conversion.toBool(.string("true")) == .bool(true))
        #expect(try Conversion.toString(.unknown) == .unknown)
        #expect(throws: FunctionError.self) { try Conversion.toString(.tuple([])) }
    }
}
