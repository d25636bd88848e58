import Model

/// Terraform's collection functions that inspect or reshape lists, tuples, maps and objects.
enum CollectionFunctions {
    static var all: [Function] {
        [
            Function("length", arguments: 1...1, handlesUnknown: true) { args, _ in try length(args) },
            Function("element", arguments: 2...2, handlesUnknown: true) { args, _ in try element(args) },
            Function("concat", arguments: 0...Int.max, handlesUnknown: true) { args, _ in try concat(args) },
            // cty's flatten is unknown only when a list it walks holds an unknown element; objects inside pass
            // through whole, so `flatten([var.rule])` keeps a rule's known members known.
            Function("flatten", arguments: 1...1, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                guard let items = try Arg.nonNull(args, 0, "list").elements else {
                    throw FunctionError("Call to function \"flatten\" failed: can only flatten lists, sets and tuples.")
                }
                if case .set = args[0], !args[0].isWhollyKnown { return .unknown }
                guard let flat = flattenKnown(items) else { return .unknown }
                return .tuple(flat)
            },
            // Removed in Terraform 0.12 but still registered so configurations get Terraform's message.
            Function("list", arguments: 0...Int.max, handlesUnknown: true) { _, _ in
                throw FunctionError(
                    "Call to function \"list\" failed: the \"list\" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list."
                )
            },
            Function("map", arguments: 0...Int.max, handlesUnknown: true) { _, _ in
                throw FunctionError(
                    "Call to function \"map\" failed: the \"map\" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map."
                )
            },
            Function("merge", arguments: 0...Int.max, handlesUnknown: true) { args, _ in try merge(args) },
            Function("lookup", arguments: 2...3, handlesUnknown: true) { args, _ in try lookup(args) },
            Function("keys", arguments: 1...1, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                guard let members = try Arg.nonNull(args, 0, "inputMap").members else {
                    throw FunctionError("Invalid value for \"inputMap\" parameter: must have map or object type.", argument: 0)
                }
                let names = members.keys.sorted().map { Value.string($0) }
                if case .object = args[0] { return .tuple(names) }
                return .list(names)
            },
            Function("values", arguments: 1...1, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                guard let members = try Arg.nonNull(args, 0, "mapping").members else {
                    throw FunctionError("Call to function \"values\" failed: values() requires a map as the first argument.")
                }
                let items = members.keys.sorted().map { members[$0] ?? .null }
                if case .object = args[0] { return .tuple(items) }
                return .list(items)
            },
            Function("contains", arguments: 2...2, handlesUnknown: true) { args, _ in try contains(args) },
            Function("distinct", arguments: 1...1) { args, _ in
                let items = try Arg.list(args, 0, "list", of: .any)
                var seen = Set<Value>()
                return .list(items.filter { seen.insert($0).inserted })
            },
            Function("coalesce", arguments: 0...Int.max, handlesUnknown: true) { args, _ in try coalesce(args) },
            Function("coalescelist", arguments: 0...Int.max, handlesUnknown: true) { args, _ in
                guard !args.isEmpty else {
                    throw FunctionError("Call to function \"coalescelist\" failed: at least one argument is required.")
                }
                for (i, arg) in args.enumerated() {
                    if case .unknown = arg { return .unknown }
                    if case .null = arg { continue }
                    guard let items = arg.elements, !isSet(arg) else {
                        throw FunctionError(
                            "Call to function \"coalescelist\" failed: coalescelist arguments must be lists or tuples.", argument: i)
                    }
                    if !items.isEmpty { return arg }
                }
                throw FunctionError("Call to function \"coalescelist\" failed: no non-null arguments.")
            },
            Function("compact", arguments: 1...1) { args, _ in
                let items = try Arg.list(args, 0, "list", of: .string)
                return .list(items.filter { $0 != .null && $0 != .string("") })
            },
            Function("zipmap", arguments: 2...2, handlesUnknown: true) { args, _ in try zipmap(args) },
            Function("slice", arguments: 3...3, handlesUnknown: true) { args, _ in try slice(args) },
            Function("one", arguments: 1...1, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                let items = try Arg.elements(args, 0, "list")
                if isSet(args[0]), !args[0].isWhollyKnown { return .unknown }
                switch items.count {
                case 0: return .null
                case 1: return items[0]
                default:
                    throw FunctionError(
                        "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements.",
                        argument: 0)
                }
            },
            Function("index", arguments: 2...2, handlesUnknown: true) { args, _ in
                switch try Arg.nonNull(args, 0, "list") {
                case .unknown: return .unknown
                case .list(let items), .tuple(let items): return try index(of: args[1], in: items)
                default: throw FunctionError("Call to function \"index\" failed: argument must be a list or tuple.")
                }
            },
            Function("reverse", arguments: 1...1, handlesUnknown: true) { args, _ in
                switch try Arg.nonNull(args, 0, "list") {
                case .unknown: return .unknown
                case .set where !args[0].isWhollyKnown: return .unknown
                case .tuple(let items): return .tuple(items.reversed())
                // Sets are accepted and give a list, mimicking the usual set-to-list conversion.
                case .list(let items), .set(let items): return .list(items.reversed())
                case let other:
                    throw FunctionError(
                        "Invalid value for \"list\" parameter: can only reverse list or tuple values, not \(TypeConstraint.implied(by: other).friendlyName).",
                        argument: 0)
                }
            },
            Function("range", arguments: 1...3) { args, _ in try range(args) },
        ] + ListFunctions.all
    }

    /// Terraform's index: the first equal element; an unknown comparison before it makes the result unknown.
    private static func index(of needle: Value, in items: [Value]) throws(FunctionError) -> Value {
        guard !items.isEmpty else { throw FunctionError("Call to function \"index\" failed: cannot search an empty list.") }
        for (position, item) in items.enumerated() {
            switch Operators.equals(item, needle) {
            case .bool(true): return .number(Double(position))
            case .bool(false): continue
            default: return .unknown
            }
        }
        throw FunctionError("Call to function \"index\" failed: item not found.")
    }

    static func isSet(_ value: Value) -> Bool {
        if case .set = value { return true }
        return false
    }

    private static func length(_ args: [Value]) throws(FunctionError) -> Value {
        switch args[0] {
        case .unknown: return .unknown
        case .null: throw FunctionError("Invalid value for \"value\" parameter: argument must not be null.", argument: 0)
        case .string(let s): return .number(Double(s.count))
        case .set(let items):
            // Unknown set elements might coincide with others, so the count is not yet known.
            return args[0].isWhollyKnown ? .number(Double(items.count)) : .unknown
        case .list(let items), .tuple(let items): return .number(Double(items.count))
        case .map(let members), .object(let members): return .number(Double(members.count))
        case .number, .bool:
            throw FunctionError(
                "Invalid value for \"value\" parameter: argument must be a string, a collection type, or a structural type.",
                argument: 0)
        }
    }

    private static func element(_ args: [Value]) throws(FunctionError) -> Value {
        if case .unknown = args[0] { return .unknown }
        if case .unknown = args[1] { return .unknown }
        let items = try Arg.elements(args, 0, "list")
        if isSet(args[0]) {
            throw FunctionError(
                "Call to function \"element\" failed: cannot read elements from \(TypeConstraint.implied(by: args[0]).friendlyName).")
        }
        let index = try Arg.int(args, 1, "index")
        guard !items.isEmpty else {
            throw FunctionError("Call to function \"element\" failed: cannot use element function with an empty list.")
        }
        // cty (since 1.14) wraps negative indices from the end as well.
        var wrapped = index % items.count
        if wrapped < 0 { wrapped += items.count }
        return items[wrapped]
    }

    private static func concat(_ args: [Value]) throws(FunctionError) -> Value {
        var all: [Value] = []
        var allLists = true
        for (i, arg) in args.enumerated() {
            switch arg {
            case .unknown: return .unknown
            case .list(let items): all.append(contentsOf: items)
            case .tuple(let items):
                allLists = false
                all.append(contentsOf: items)
            default:
                throw FunctionError(
                    "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got \(arg.typeName).",
                    argument: i)
            }
        }
        guard allLists, !args.isEmpty else { return .tuple(all) }
        do {
            return try Conversion.convert(.tuple(all), to: .list(.any))
        } catch {
            throw FunctionError("Invalid value for \"seqs\" parameter: all arguments must have the same element type.")
        }
    }

    /// `flatten`, or nil when a walked list holds an unknown element (its length, and so the result's, is unknown).
    static func flattenKnown(_ items: [Value]) -> [Value]? {
        var out: [Value] = []
        for item in items {
            switch item {
            case .unknown: return nil
            case .list(let nested), .tuple(let nested), .set(let nested):
                guard let inner = flattenKnown(nested) else { return nil }
                out.append(contentsOf: inner)
            default: out.append(item)
            }
        }
        return out
    }

    private static func coalesce(_ args: [Value]) throws(FunctionError) -> Value {
        guard !args.isEmpty else {
            throw FunctionError("Call to function \"coalesce\" failed: at least one argument is required.")
        }
        // All arguments are converted to one common type first, which is why coalesce(1, "a") gives "1".
        guard let common = Unification.unify(args.map(TypeConstraint.implied(by:))) else {
            throw FunctionError("Invalid value for \"vals\" parameter: all arguments must have the same type.")
        }
        for arg in args {
            switch arg {
            case .unknown: return .unknown
            case .null: continue
            case .string(""): continue
            default:
                let converted = try Conversion.convert(arg, to: common)
                if case .string("") = converted { continue }
                return converted
            }
        }
        throw FunctionError("Call to function \"coalesce\" failed: no non-null, non-empty-string arguments.")
    }

    private static func slice(_ args: [Value]) throws(FunctionError) -> Value {
        for arg in args { if case .unknown = arg { return .unknown } }
        let list = try Arg.nonNull(args, 0, "list")
        let items: [Value]
        switch list {
        case .list(let values), .tuple(let values): items = values
        case .set:
            throw FunctionError(
                "Invalid value for \"list\" parameter: cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important.",
                argument: 0)
        default:
            throw FunctionError("Invalid value for \"list\" parameter: must be a list or tuple value.", argument: 0)
        }
        let start = try Arg.int(args, 1, "start_index")
        guard start >= 0 else {
            throw FunctionError("Invalid value for \"start_index\" parameter: start index must not be less than zero.", argument: 1)
        }
        guard start <= items.count else {
            throw FunctionError(
                "Invalid value for \"start_index\" parameter: start index must not be greater than the length of the list.", argument: 1)
        }
        let end = try Arg.int(args, 2, "end_index")
        guard end >= 0 else {
            throw FunctionError("Invalid value for \"end_index\" parameter: end index must not be less than zero.", argument: 2)
        }
        guard end <= items.count else {
            throw FunctionError(
                "Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list.", argument: 2)
        }
        guard start <= end else {
            throw FunctionError("Invalid value for \"start_index\" parameter: start index must not be greater than end index.", argument: 1)
        }
        let sliced = Array(items[start..<end])
        if case .tuple = list { return .tuple(sliced) }
        return .list(sliced)
    }

    /// cty's contains: an exact match wins over unknown elements; otherwise unknowns make the answer unknown.
    private static func contains(_ args: [Value]) throws(FunctionError) -> Value {
        let list = try Arg.nonNull(args, 0, "list")
        if case .unknown = list { return .unknown }
        guard let items = list.elements else {
            throw FunctionError("Call to function \"contains\" failed: argument must be list, tuple, or set.")
        }
        if items.isEmpty { return .bool(false) }
        if case .unknown = args[1] { return .unknown }
        var sawUnknown = false
        for item in items {
            switch Operators.equals(args[1], item) {
            case .bool(true): return .bool(true)
            case .bool(false): continue
            default: sawUnknown = true
            }
        }
        return sawUnknown ? .unknown : .bool(false)
    }

    private static func range(_ args: [Value]) throws(FunctionError) -> Value {
        var start = 0.0
        var limit: Double
        var step = 1.0
        switch args.count {
        case 1:
            limit = try Arg.number(args, 0, "params")
            if limit < 0 { step = -1 }
        case 2:
            start = try Arg.number(args, 0, "params")
            limit = try Arg.number(args, 1, "params")
            if limit < start { step = -1 }
        default:
            start = try Arg.number(args, 0, "params")
            limit = try Arg.number(args, 1, "params")
            step = try Arg.number(args, 2, "params")
        }
        guard step != 0 else {
            throw FunctionError("Invalid value for \"params\" parameter: step must not be zero.", argument: 2)
        }
        if step < 0, limit > start {
            throw FunctionError("Invalid value for \"params\" parameter: end must be less than start when step is negative.", argument: 1)
        }
        if step > 0, limit < start {
            throw FunctionError(
                "Invalid value for \"params\" parameter: end must be greater than start when step is positive.", argument: 1)
        }
        var values: [Value] = []
        var v = start
        while step > 0 ? v < limit : v > limit {
            if values.count >= 1024 {
                throw FunctionError(
                    "Call to function \"range\" failed: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step."
                )
            }
            values.append(.number(v))
            v += step
        }
        return .list(values)
    }
}
