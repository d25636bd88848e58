import Model

/// Terraform's map functions (`merge`, `lookup`, `zipmap`), registered with the other collection functions.
extension CollectionFunctions {
    static func merge(_ args: [Value]) throws(FunctionError) -> Value {
        var result: [String: Value] = [:]
        var allMaps = true
        var anyUnknown = false
        for (i, arg) in args.enumerated() {
            switch arg {
            case .null: continue
            case .unknown: anyUnknown = true
            case .map(let members):
                result.merge(members) { _, later in later }
            case .object(let members):
                allMaps = false
                result.merge(members) { _, later in later }
            default:
                throw FunctionError(
                    "Call to function \"merge\" failed: arguments must be maps or objects, got \"\(arg.typeName)\".", argument: i)
            }
        }
        if anyUnknown { return .unknown }
        guard allMaps, !args.isEmpty else { return .object(result) }
        // Maps of different element types merge into an object, as cty's type check does.
        let types = Set(result.values.map(TypeConstraint.implied(by:)).filter { $0 != .any })
        return types.count <= 1 ? .map(result) : .object(result)
    }

    static func lookup(_ args: [Value]) throws(FunctionError) -> Value {
        if case .unknown = args[1] { return .unknown }
        let key = try Arg.string(args, 1, "key")
        let isObject: Bool
        switch args[0] {
        case .unknown: return .unknown
        case .object: isObject = true
        case .map: isObject = false
        default:
            throw FunctionError("Invalid value for \"inputMap\" parameter: lookup() requires a map as the first argument.", argument: 0)
        }
        let members = args[0].members ?? [:]
        if let found = members[key] { return found }
        if args.count == 3 {
            // For maps the default must convert to the element type (Terraform's type check).
            if !isObject, let sample = members.values.first(where: { $0.isKnown && !$0.isNull }) {
                do {
                    return try Conversion.convert(args[2], to: TypeConstraint.implied(by: sample))
                } catch {
                    throw FunctionError(
                        "Invalid value for \"default\" parameter: the default value must have the same type as the map elements.",
                        argument: 2)
                }
            }
            return args[2]
        }
        if isObject {
            throw FunctionError(
                "Invalid value for \"inputMap\" parameter: the given object has no attribute \(Value.quote(key)).", argument: 0)
        }
        throw FunctionError("Call to function \"lookup\" failed: lookup failed to find key \(Value.quote(key)).")
    }

    static func zipmap(_ args: [Value]) throws(FunctionError) -> Value {
        if case .unknown = args[0] { return .unknown }
        if case .unknown = args[1] { return .unknown }
        guard args[0].isWhollyKnown else { return .unknown }
        let keys = try Arg.strings(args, 0, "keys")
        let valuesArgument = try Arg.nonNull(args, 1, "values")
        let values: [Value]
        switch valuesArgument {
        case .list(let items), .tuple(let items): values = items
        default: throw FunctionError("Call to function \"zipmap\" failed: values argument must be a list or tuple value.")
        }
        guard keys.count == values.count else {
            throw FunctionError(
                "Call to function \"zipmap\" failed: number of keys (\(keys.count)) does not match number of values (\(values.count)).")
        }
        var out: [String: Value] = [:]
        for (key, value) in zip(keys, values) { out[key] = value }
        if case .tuple = args[1] { return .object(out) }
        return .map(out)
    }
}
