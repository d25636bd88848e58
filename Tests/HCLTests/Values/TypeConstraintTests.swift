import Model
import Testing

@testable import HCL

/// Type expressions are built by hand here because the parser lives on another branch.
@Suite struct TypeConstraintTests {
    static let range = SourceRange(
        file: "variables.tf", start: SourcePosition(line: 3, column: 10, byte: 40), end: SourcePosition(line: 3, column: 16, byte: 46))

    static func variable(_ name: String) -> Expression { Expression(.variable(name), range: range) }
    static func call(_ name: String, _ arguments: Expression...) -> Expression {
        Expression(.call(name: name, arguments: arguments, expandFinal: false), range: range)
    }
    static func literal(_ value: Value) -> Expression { Expression(.literal(value), range: range) }
    static func object(_ items: [(String, Expression)]) -> Expression {
        Expression(.object(items.map { ObjectItem(key: variable($0.0), value: $0.1, keyIsIdentifier: true) }), range: range)
    }
    static func tuple(_ items: Expression...) -> Expression { Expression(.tuple(items), range: range) }

    @Test func primitivesAndCollections() throws {
        #expect(try TypeConstraint.parse(Self.variable("string")) == .string)
        #expect(try TypeConstraint.parse(Self.variable("number")) == .number)
        #expect(try TypeConstraint.parse(Self.variable("bool")) == .bool)
        #expect(try TypeConstraint.parse(Self.variable("any")) == .any)
        #expect(try TypeConstraint.parse(Self.call("list", Self.variable("string"))) == .list(.string))
        #expect(try TypeConstraint.parse(Self.call("set", Self.variable("number"))) == .set(.number))
        #expect(try TypeConstraint.parse(Self.call("map", Self.call("list", Self.variable("any")))) == .map(.list(.any)))
        #expect(
            try TypeConstraint.parse(Self.call("tuple", Self.tuple(Self.variable("string"), Self.variable("bool"))))
                == .tuple([.string, .bool]))
        #expect(try TypeConstraint.parse(Expression(.parentheses(Self.variable("string")), range: Self.range)) == .string)
    }

    @Test func objectsWithOptionalAttributes() throws {
        // map(object({name = string, port = optional(number, 5), tags = optional(map(string))}))
        let expression = Self.call(
            "map",
            Self.call(
                "object",
                Self.object([
                    ("name", Self.variable("string")),
                    ("port", Self.call("optional", Self.variable("number"), Self.literal(.number(5)))),
                    ("tags", Self.call("optional", Self.call("map", Self.variable("string")))),
                ])))
        let expected = TypeConstraint.map(
            .object(
                attributes: ["name": .string, "port": .number, "tags": .map(.string)],
                optional: ["port": .some(.number(5)), "tags": Value?.none]))
        #expect(try TypeConstraint.parse(expression) == expected)
    }

    @Test func optionalDefaultsAreConvertedToTheAttributeType() throws {
        let expression = Self.call(
            "object", Self.object([("port", Self.call("optional", Self.variable("number"), Self.literal(.string("80"))))]))
        #expect(try TypeConstraint.parse(expression) == .object(attributes: ["port": .number], optional: ["port": .some(.number(80))]))
    }

    @Test func legacyQuotedForms() throws {
        #expect(try TypeConstraint.parse(Self.literal(.string("string"))) == .string)
        #expect(try TypeConstraint.parse(Self.literal(.string("list"))) == .list(.any))
        #expect(try TypeConstraint.parse(Self.literal(.string("map"))) == .map(.any))
        #expect(try TypeConstraint.parse(Expression(.template([.literal("map")]), range: Self.range)) == .map(.any))
    }

    @Test(arguments: [
        (TypeConstraintTests.variable("strin"), "The keyword \"strin\" is not a valid type specifier."),
        (TypeConstraintTests.variable("list"), "The list type constructor requires one argument specifying the element type."),
        (TypeConstraintTests.call("list"), "The list type constructor requires one argument specifying the element type."),
        (
            TypeConstraintTests.call("list", TypeConstraintTests.variable("string"), TypeConstraintTests.variable("string")),
            "The list type constructor requires one argument specifying the element type."
        ),
        (
            TypeConstraintTests.call("optional", TypeConstraintTests.variable("string")),
            "Keyword \"optional\" is valid only as a modifier for object type attributes."
        ),
        (
            TypeConstraintTests.call("list", TypeConstraintTests.call("optional", TypeConstraintTests.variable("string"))),
            "Keyword \"optional\" is valid only as a modifier for object type attributes."
        ),
        (TypeConstraintTests.call("frob", TypeConstraintTests.variable("string")), "Keyword \"frob\" is not a valid type constructor."),
        (
            TypeConstraintTests.call("object", TypeConstraintTests.variable("string")),
            "The object type constructor requires one argument specifying the attribute types as a map."
        ),
        (
            TypeConstraintTests.call("tuple", TypeConstraintTests.variable("string")),
            "The tuple type constructor requires one argument specifying the element types as a list."
        ),
        (TypeConstraintTests.literal(.string("set")), "Invalid legacy variable type hint \"set\": must be \"string\", \"list\" or \"map\""),
        (
            TypeConstraintTests.literal(.number(1)),
            "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string)."
        ),
    ])
    func invalidSpecificationsNameTheRange(expression: Expression, message: String) {
        do {
            _ = try TypeConstraint.parse(expression)
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.message == "Invalid type specification: " + message)
            #expect(error.range == Self.range)
            #expect(error.code == .syntax)
        }
    }

    @Test func invalidDefault() {
        let expression = Self.call(
            "object", Self.object([("port", Self.call("optional", Self.variable("number"), Self.literal(.string("x"))))]))
        #expect(throws: Diagnostic.self) { try TypeConstraint.parse(expression) }
    }

    @Test func friendlyNames() {
        #expect(TypeConstraint.list(.map(.string)).friendlyName == "list of map of string")
        #expect(TypeConstraint.implied(by: .tuple([.string("a")])) == .tuple([.string]))
    }
}
