import Model

/// Terraform type constraints (variable `type`, tolist/tomap targets).
public indirect enum TypeConstraint: Hashable, Sendable {
    case any, string, number, bool
    case list(TypeConstraint), set(TypeConstraint), map(TypeConstraint), tuple([TypeConstraint])
    /// Optional attributes map to their default (nil = no default, the attribute becomes null when absent).
    case object(attributes: [String: TypeConstraint], optional: [String: Value?])

    /// Parses a type expression AST as Terraform does: `string`, `list(string)`, `map(object({a=string, b=optional(number, 5)}))`, `any`, legacy `"string"`/`"list"`/`"map"` quoted forms. Errors name the range.
    public static func parse(_ expression: Expression) throws(Diagnostic) -> TypeConstraint {
        if let legacy = legacyQuoted(expression) {
            // Terraform 0.11 wrote `type = "list"`; 0.12+ still accepts these three with a warning.
            switch legacy {
            case "string": return .string
            case "list": return .list(.any)
            case "map": return .map(.any)
            default:
                throw invalid("Invalid legacy variable type hint \"\(legacy)\": must be \"string\", \"list\" or \"map\"", expression)
            }
        }
        return try parseType(expression, optionalAllowed: false).type
    }

    /// Terraform's friendly name of the type, as used in error messages ("list of string").
    public var friendlyName: String {
        switch self {
        case .any: return "any"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .list(let e): return "list of " + e.friendlyName
        case .set(let e): return "set of " + e.friendlyName
        case .map(let e): return "map of " + e.friendlyName
        case .tuple: return "tuple"
        case .object: return "object"
        }
    }

    /// The type Terraform infers for a literal value (unknown and null give `any`).
    public static func implied(by value: Value) -> TypeConstraint {
        switch value {
        case .null, .unknown: return .any
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .list(let items): return .list(items.first.map(implied(by:)) ?? .any)
        case .set(let items): return .set(items.first.map(implied(by:)) ?? .any)
        case .map(let items): return .map(items.values.first.map(implied(by:)) ?? .any)
        case .tuple(let items): return .tuple(items.map(implied(by:)))
        case .object(let items): return .object(attributes: items.mapValues(implied(by:)), optional: [:])
        }
    }

    private struct Parsed {
        var type: TypeConstraint
        var isOptional = false
        var defaultValue: Value?
    }

    private static func legacyQuoted(_ expression: Expression) -> String? {
        switch expression.kind {
        case .literal(.string(let s)): return s
        case .template(let parts):
            if parts.count == 1, case .literal(let s) = parts[0] { return s }
            if parts.isEmpty { return "" }
            return nil
        default: return nil
        }
    }

    private static func invalid(_ message: String, _ expression: Expression) -> Diagnostic {
        Diagnostic(.syntax, "Invalid type specification: " + message, at: expression.range)
    }

    private static func parseType(_ expression: Expression, optionalAllowed: Bool) throws(Diagnostic) -> Parsed {
        switch expression.kind {
        case .parentheses(let inner):
            return try parseType(inner, optionalAllowed: optionalAllowed)
        case .variable(let name):
            switch name {
            case "any": return Parsed(type: .any)
            case "string": return Parsed(type: .string)
            case "number": return Parsed(type: .number)
            case "bool": return Parsed(type: .bool)
            case "list", "set", "map", "tuple", "object":
                throw invalid("The \(name) type constructor requires one argument specifying the element type.", expression)
            case "optional":
                throw invalid("The optional type constructor requires one argument specifying the attribute type.", expression)
            default:
                throw invalid("The keyword \"\(name)\" is not a valid type specifier.", expression)
            }
        case .call(let name, let arguments, _):
            return try parseCall(name, arguments, expression, optionalAllowed: optionalAllowed)
        default:
            throw invalid(
                "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).",
                expression)
        }
    }

    private static func parseCall(
        _ name: String, _ arguments: [Expression], _ expression: Expression, optionalAllowed: Bool
    ) throws(Diagnostic) -> Parsed {
        switch name {
        case "list", "set", "map":
            guard arguments.count == 1 else {
                throw invalid("The \(name) type constructor requires one argument specifying the element type.", expression)
            }
            let element = try parseType(arguments[0], optionalAllowed: false).type
            switch name {
            case "list": return Parsed(type: .list(element))
            case "set": return Parsed(type: .set(element))
            default: return Parsed(type: .map(element))
            }
        case "tuple":
            guard arguments.count == 1, case .tuple(let items) = arguments[0].kind else {
                throw invalid("The tuple type constructor requires one argument specifying the element types as a list.", expression)
            }
            var types: [TypeConstraint] = []
            for item in items { types.append(try parseType(item, optionalAllowed: false).type) }
            return Parsed(type: .tuple(types))
        case "object":
            guard arguments.count == 1, case .object(let items) = arguments[0].kind else {
                throw invalid("The object type constructor requires one argument specifying the attribute types as a map.", expression)
            }
            var attributes: [String: TypeConstraint] = [:]
            var optional: [String: Value?] = [:]
            for item in items {
                let key = try attributeName(item)
                let parsed = try parseType(item.value, optionalAllowed: true)
                attributes[key] = parsed.type
                if parsed.isOptional { optional[key] = .some(parsed.defaultValue) }
            }
            return Parsed(type: .object(attributes: attributes, optional: optional))
        case "optional":
            guard optionalAllowed else {
                throw invalid("Keyword \"optional\" is valid only as a modifier for object type attributes.", expression)
            }
            guard arguments.count == 1 || arguments.count == 2 else {
                throw invalid("The optional modifier requires the attribute type and optionally a default value.", expression)
            }
            let type = try parseType(arguments[0], optionalAllowed: false).type
            var parsed = Parsed(type: type, isOptional: true)
            if arguments.count == 2 {
                let raw = try constantValue(arguments[1])
                do {
                    parsed.defaultValue = try Conversion.convert(raw, to: type)
                } catch {
                    throw Diagnostic(
                        .syntax, "Invalid default value for optional attribute: \(error.message).", at: arguments[1].range)
                }
            }
            return parsed
        default:
            throw invalid("Keyword \"\(name)\" is not a valid type constructor.", expression)
        }
    }

    private static func attributeName(_ item: ObjectItem) throws(Diagnostic) -> String {
        switch item.key.kind {
        case .variable(let name) where item.keyIsIdentifier: return name
        case .literal(.string(let s)): return s
        case .template(let parts):
            if parts.count == 1, case .literal(let s) = parts[0] { return s }
        case .variable(let name): return name
        default: break
        }
        throw invalid("Object constructor map keys must be attribute names.", item.key)
    }

    /// Evaluates the constant expressions allowed as `optional` defaults (no references or function calls).
    private static func constantValue(_ expression: Expression) throws(Diagnostic) -> Value {
        switch expression.kind {
        case .literal(let value): return value
        case .parentheses(let inner): return try constantValue(inner)
        case .template(let parts):
            var text = ""
            for part in parts {
                guard case .literal(let s) = part else {
                    throw Diagnostic(.syntax, "Default values for optional attributes must be constant.", at: expression.range)
                }
                text += s
            }
            return .string(text)
        case .tuple(let items):
            var values: [Value] = []
            for item in items { values.append(try constantValue(item)) }
            return .tuple(values)
        case .object(let items):
            var members: [String: Value] = [:]
            for item in items {
                let key: String
                switch item.key.kind {
                case .variable(let name): key = name
                default:
                    guard case .string(let s) = try constantValue(item.key) else {
                        throw Diagnostic(.syntax, "Object keys must be strings.", at: item.key.range)
                    }
                    key = s
                }
                members[key] = try constantValue(item.value)
            }
            return .object(members)
        case .unary(let op, let operand):
            let inner = try constantValue(operand)
            do {
                return try Operators.unary(op, inner)
            } catch {
                throw Diagnostic(.syntax, error.message, at: expression.range)
            }
        case .variable("null"): return .null
        case .variable("true"): return .bool(true)
        case .variable("false"): return .bool(false)
        default:
            throw Diagnostic(.syntax, "Default values for optional attributes must be constant.", at: expression.range)
        }
    }
}
