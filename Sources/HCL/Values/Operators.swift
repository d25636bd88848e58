import Model

/// HCL's arithmetic, comparison, equality and logical operators (hclsyntax's operation table over go-cty).
public enum Operators {
    /// HCL binary operator semantics incl. unknown propagation (e.g. `unknown == x` is unknown; && / || with one known deciding side as HCL does — check hashicorp/hcl behaviour), type conversion of operands (`"1" + 2` = 3), equality is type-strict as HCL (`"1" == 1` is false), division by zero error, modulo of fractions.
    public static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws(FunctionError) -> Value {
        switch op {
        case .equal:
            return equals(lhs, rhs)
        case .notEqual:
            switch equals(lhs, rhs) {
            case .bool(let b): return .bool(!b)
            default: return .unknown
            }
        case .and, .or:
            return try logical(op, lhs, rhs)
        case .add, .subtract, .multiply, .divide, .modulo, .greater, .greaterOrEqual, .less, .lessOrEqual:
            // Fast path: two numbers need no conversion and no allocation.
            let a: Double
            let b: Double
            if case .number(let x) = lhs, case .number(let y) = rhs {
                a = x
                b = y
            } else {
                let left = try operand(lhs, side: "left")
                let right = try operand(rhs, side: "right")
                guard let x = left, let y = right else { return .unknown }
                a = x
                b = y
            }
            return try arithmetic(op, a, b)
        }
    }

    /// Unary `-` (number) and `!` (bool), with unknowns propagated.
    public static func unary(_ op: UnaryOperator, _ operand: Value) throws(FunctionError) -> Value {
        switch op {
        case .negate:
            if case .number(let n) = operand { return .number(-n) }
            switch try convertOperand(operand, to: .number, side: "unary") {
            case .number(let n): return .number(-n)
            case .unknown: return .unknown
            default: throw FunctionError("Error during operation: argument must not be null.")
            }
        case .not:
            if case .bool(let b) = operand { return .bool(!b) }
            switch try convertOperand(operand, to: .bool, side: "unary") {
            case .bool(let b): return .bool(!b)
            case .unknown: return .unknown
            default: throw FunctionError("Error during operation: argument must not be null.")
            }
        }
    }

    /// cty's `Equals`: type-strict, nulls equal only to nulls, unknown anywhere that matters gives unknown.
    public static func equals(_ lhs: Value, _ rhs: Value) -> Value {
        switch (lhs, rhs) {
        case (.unknown, _), (_, .unknown): return .unknown
        case (.null, .null): return .bool(true)
        case (.null, _), (_, .null): return .bool(false)
        case let (.string(a), .string(b)): return .bool(a == b)
        case let (.number(a), .number(b)): return .bool(a == b)
        case let (.bool(a), .bool(b)): return .bool(a == b)
        case let (.list(a), .list(b)), let (.tuple(a), .tuple(b)):
            guard a.count == b.count else { return .bool(false) }
            for (x, y) in zip(a, b) {
                switch equals(x, y) {
                case .bool(true): continue
                case .bool(false): return .bool(false)
                default: return .unknown
                }
            }
            return .bool(true)
        case let (.set(a), .set(b)):
            // cty: sets containing unknowns can never be shown equal.
            if !lhs.isWhollyKnown || !rhs.isWhollyKnown { return .unknown }
            return .bool(Set(a) == Set(b))
        case let (.map(a), .map(b)), let (.object(a), .object(b)):
            guard a.count == b.count else { return .bool(false) }
            for key in a.keys.sorted() {
                guard let y = b[key], let x = a[key] else { return .bool(false) }
                switch equals(x, y) {
                case .bool(true): continue
                case .bool(false): return .bool(false)
                default: return .unknown
                }
            }
            return .bool(true)
        default:
            // Different types (including list vs tuple, map vs object) are never equal.
            return .bool(false)
        }
    }

    private static func logical(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws(FunctionError) -> Value {
        let left = try convertOperand(lhs, to: .bool, side: "left")
        let right = try convertOperand(rhs, to: .bool, side: "right")
        // HCL's short-circuit table: a known deciding operand wins even when the other is unknown.
        let decisive = op == .and ? false : true
        if case .bool(decisive) = left { return .bool(decisive) }
        if case .bool(decisive) = right { return .bool(decisive) }
        switch (left, right) {
        case (.unknown, _), (_, .unknown): return .unknown
        case let (.bool(a), .bool(b)): return .bool(op == .and ? (a && b) : (a || b))
        default: throw FunctionError("Error during operation: argument must not be null.")
        }
    }

    /// Converts an arithmetic/comparison operand to a number; nil means unknown.
    private static func operand(_ value: Value, side: String) throws(FunctionError) -> Double? {
        switch try convertOperand(value, to: .number, side: side) {
        case .number(let n): return n
        case .unknown: return nil
        default: throw FunctionError("Error during operation: argument must not be null.")
        }
    }

    private static func convertOperand(_ value: Value, to type: TypeConstraint, side: String) throws(FunctionError) -> Value {
        do {
            return try Conversion.convert(value, to: type)
        } catch {
            throw FunctionError("Invalid operand: Unsuitable value for \(side) operand: \(error.message).")
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ a: Double, _ b: Double) throws(FunctionError) -> Value {
        switch op {
        case .add:
            let r = a + b
            if r.isNaN { throw FunctionError("Error during operation: can't compute sum of opposing infinities.") }
            return .number(r)
        case .subtract:
            let r = a - b
            if r.isNaN { throw FunctionError("Error during operation: can't subtract infinity from itself.") }
            return .number(r)
        case .multiply:
            let r = a * b
            if r.isNaN { throw FunctionError("Error during operation: can't multiply zero by infinity.") }
            return .number(r)
        case .divide:
            // Like big.Float.Quo: x/0 is a signed infinity, only 0/0 and inf/inf fail.
            let r = a / b
            if r.isNaN { throw FunctionError("Error during operation: can't divide zero by zero or infinity by infinity.") }
            return .number(r)
        case .modulo:
            return .number(try modulo(a, b))
        case .greater: return .bool(a > b)
        case .greaterOrEqual: return .bool(a >= b)
        case .less: return .bool(a < b)
        case .lessOrEqual: return .bool(a <= b)
        default: return .unknown
        }
    }

    /// cty's Modulo: `a - b * trunc(a / b)`, with `a % 0 == a` and infinities handled by multiplication.
    private static func modulo(_ a: Double, _ b: Double) throws(FunctionError) -> Double {
        if a.isInfinite || b.isInfinite {
            let r = a * b
            if r.isNaN { throw FunctionError("Error during operation: can't use modulo with zero and infinity.") }
            return r
        }
        if b == 0 { return a }
        return a.truncatingRemainder(dividingBy: b)
    }
}
