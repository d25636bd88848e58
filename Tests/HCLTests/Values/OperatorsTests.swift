import Model
import Testing

@testable import HCL

@Suite struct OperatorsTests {
    @Test(arguments: [
        (BinaryOperator.add, Value.string("1"), Value.number(2), Value.number(3)),
        (.add, .number(1.5), .number(2), .number(3.5)),
        (.subtract, .number(5), .string("2"), .number(3)),
        (.multiply, .string("2"), .string("3"), .number(6)),
        (.divide, .number(10), .number(4), .number(2.5)),
        // cty's Modulo keeps the dividend's sign and works on fractions.
        (.modulo, .number(5), .number(3), .number(2)),
        (.modulo, .number(-5), .number(3), .number(-2)),
        (.modulo, .number(5.5), .number(2), .number(1.5)),
        // big.Float semantics: x % 0 is x, x / 0 is a signed infinity.
        (.modulo, .number(7), .number(0), .number(7)),
        (.divide, .number(1), .number(0), .number(.infinity)),
        (.divide, .number(-1), .number(0), .number(-.infinity)),
        (.greater, .number(2), .string("1"), .bool(true)),
        (.less, .number(2), .number(1), .bool(false)),
        (.lessOrEqual, .number(1), .number(1), .bool(true)),
        (.greaterOrEqual, .number(0), .number(1), .bool(false)),
    ])
    func arithmeticAndComparison(op: BinaryOperator, lhs: Value, rhs: Value, expected: Value) throws {
        #expect(try Operators.binary(op, lhs, rhs) == expected)
    }

    @Test(arguments: [
        (Value.string("1"), Value.number(1), Value.bool(false)),
        (.number(1), .number(1.0), .bool(true)),
        (.string("a"), .string("a"), .bool(true)),
        (.null, .null, .bool(true)),
        (.null, .string("a"), .bool(false)),
        (.tuple([.string("a")]), .list([.string("a")]), .bool(false)),
        (.tuple([.string("a")]), .tuple([.string("a")]), .bool(true)),
        (.object(["a": .number(1)]), .map(["a": .number(1)]), .bool(false)),
        (.object(["a": .number(1)]), .object(["a": .number(1)]), .bool(true)),
        (.object(["a": .number(1)]), .object(["a": .number(2)]), .bool(false)),
        (.unknown, .number(1), .unknown),
        (.null, .unknown, .unknown),
        (.tuple([.unknown, .number(1)]), .tuple([.number(2), .number(1)]), .unknown),
        (.tuple([.number(1), .unknown]), .tuple([.number(2), .number(1)]), .bool(false)),
        (.tuple([.number(1)]), .tuple([.number(1), .number(2)]), .bool(false)),
        (Value.set(from: [.number(1), .number(2)]), Value.set(from: [.number(2), .number(1)]), .bool(true)),
    ])
    func equality(lhs: Value, rhs: Value, expected: Value) throws {
        #expect(try Operators.binary(.equal, lhs, rhs) == expected)
        let negated: Value = expected.boolValue.map { .bool(!$0) } ?? .unknown
        #expect(try Operators.binary(.notEqual, lhs, rhs) == negated)
    }

    @Test(arguments: [
        (BinaryOperator.and, Value.bool(true), Value.bool(true), Value.bool(true)),
        (.and, .bool(true), .bool(false), .bool(false)),
        (.and, .unknown, .bool(false), .bool(false)),
        (.and, .bool(false), .unknown, .bool(false)),
        (.and, .unknown, .bool(true), .unknown),
        (.and, .unknown, .unknown, .unknown),
        (.or, .unknown, .bool(true), .bool(true)),
        (.or, .bool(true), .unknown, .bool(true)),
        (.or, .bool(false), .unknown, .unknown),
        (.or, .bool(false), .bool(false), .bool(false)),
        (.or, .string("true"), .bool(false), .bool(true)),
    ])
    func logical(op: BinaryOperator, lhs: Value, rhs: Value, expected: Value) throws {
        #expect(try Operators.binary(op, lhs, rhs) == expected)
    }

    @Test(arguments: BinaryOperator.allCases.filter { ![.equal, .notEqual, .and, .or].contains($0) })
    func unknownPropagates(op: BinaryOperator) throws {
        #expect(try Operators.binary(op, .unknown, .number(1)) == .unknown)
        #expect(try Operators.binary(op, .number(1), .unknown) == .unknown)
    }

    @Test func errors() {
        #expect(throws: FunctionError.self) { try Operators.binary(.divide, .number(0), .number(0)) }
        #expect(throws: FunctionError.self) { try Operators.binary(.add, .string("a"), .number(1)) }
        #expect(throws: FunctionError.self) { try Operators.binary(.add, .null, .number(1)) }
        #expect(throws: FunctionError.self) { try Operators.binary(.and, .number(1), .bool(true)) }
        #expect(throws: FunctionError.self) { try Operators.binary(.add, .tuple([]), .number(1)) }
        do {
            _ = try Operators.binary(.add, .string("x"), .number(1))
        } catch {
            #expect(error.message == "Invalid operand: Unsuitable value for left operand: a number is required.")
        }
    }

    @Test func unary() throws {
        #expect(try Operators.unary(.negate, .number(2)) == .number(-2))
        #expect(try Operators.unary(.negate, .string("2")) == .number(-2))
        #expect(try Operators.unary(.not, .bool(true)) == .bool(false))
        #expect(try Operators.unary(.not, .string("false")) == .bool(true))
        #expect(try Operators.unary(.not, .unknown) == .unknown)
        #expect(try Operators.unary(.negate, .unknown) == .unknown)
        #expect(throws: FunctionError.self) { try Operators.unary(.not, .number(1)) }
        #expect(throws: FunctionError.self) { try Operators.unary(.negate, .null) }
        #expect(throws: FunctionError.self) { try Operators.unary(.not, .null) }
        #expect(throws: FunctionError.self) { try Operators.binary(.or, .null, .bool(false)) }
    }
}
