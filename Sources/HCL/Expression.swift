import Model

/// An HCL expression with the source range it came from.
public struct Expression: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The expression forms of the HCL native syntax (and of JSON syntax after conversion).
    public indirect enum Kind: Sendable {
        /// A number, bool, null or a string without interpolation.
        case literal(Value)
        /// A quoted string or heredoc with interpolations/directives; strip markers already applied.
        /// A template that is exactly one interpolation yields that value unconverted (HCL's rule).
        case template([TemplatePart])
        /// A root name: `var`, `local`, `aws_s3_bucket`, `each`, a for-expression variable, …
        case variable(String)
        /// `source.name`.
        case getAttribute(Expression, String)
        /// `source[key]`, and legacy `source.0` (key is a number literal).
        case index(Expression, Expression)
        /// `source[*].rest` or `source.*.rest`: `each` is evaluated per element with `.splatItem` bound to it.
        case splat(source: Expression, each: Expression)
        /// The element being visited inside a splat's `each` expression.
        case splatItem
        /// `name(args...)`; `expandFinal` when the last argument is followed by `...`.
        case call(name: String, arguments: [Expression], expandFinal: Bool)
        case tuple([Expression])
        case object([ObjectItem])
        case forExpression(ForExpression)
        case conditional(condition: Expression, whenTrue: Expression, whenFalse: Expression)
        case binary(BinaryOperator, Expression, Expression)
        case unary(UnaryOperator, Expression)
        /// `( expr )`, kept so object keys in parentheses are evaluated rather than taken literally.
        case parentheses(Expression)
    }
}

/// One `key = value` (or `key: value`) item of an object constructor.
public struct ObjectItem: Sendable {
    public var key: Expression
    public var value: Expression
    /// True when the key was written as a bare identifier (`foo = 1`), which HCL takes as the string "foo".
    public var keyIsIdentifier: Bool

    public init(key: Expression, value: Expression, keyIsIdentifier: Bool) {
        self.key = key
        self.value = value
        self.keyIsIdentifier = keyIsIdentifier
    }
}

/// `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`.
public struct ForExpression: Sendable {
    public var keyVariable: String?
    public var valueVariable: String
    public var collection: Expression
    /// Present for the object form.
    public var keyExpression: Expression?
    public var valueExpression: Expression
    public var condition: Expression?
    /// `...` after the value in the object form: values with the same key are grouped into a tuple.
    public var grouping: Bool

    public init(
        keyVariable: String?, valueVariable: String, collection: Expression, keyExpression: Expression?,
        valueExpression: Expression, condition: Expression?, grouping: Bool
    ) {
        self.keyVariable = keyVariable
        self.valueVariable = valueVariable
        self.collection = collection
        self.keyExpression = keyExpression
        self.valueExpression = valueExpression
        self.condition = condition
        self.grouping = grouping
    }
}

/// A piece of a template.
public indirect enum TemplatePart: Sendable {
    case literal(String)
    case interpolation(Expression)
    case ifDirective(condition: Expression, then: [TemplatePart], else: [TemplatePart], range: SourceRange)
    case forDirective(
        keyVariable: String?, valueVariable: String, collection: Expression, body: [TemplatePart], range: SourceRange)
}

/// Binary operators, highest precedence first as HCL defines them.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case multiply = "*", divide = "/", modulo = "%"
    case add = "+", subtract = "-"
    case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    case equal = "==", notEqual = "!="
    case and = "&&"
    case or = "||"

    /// Binding strength: higher binds tighter.
    public var precedence: Int {
        switch self {
        case .multiply, .divide, .modulo: return 6
        case .add, .subtract: return 5
        case .greater, .greaterOrEqual, .less, .lessOrEqual: return 4
        case .equal, .notEqual: return 3
        case .and: return 2
        case .or: return 1
        }
    }
}

/// Unary operators.
public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "!"
}
