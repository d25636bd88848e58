import Model

/// Terraform's list-computing functions: sort, sum, transpose, chunklist, matchkeys, alltrue, anytrue.
enum ListFunctions {
    static var all: [Function] {
        [
            Function("sort", arguments: 1...1) { args, _ in
                let items = try Arg.list(args, 0, "list", of: .string)
                var strings: [String] = []
                for (i, item) in items.enumerated() {
                    guard case .string(let s) = item else {
                        throw FunctionError(
                            "Invalid value for \"list\" parameter: given list element \(i) is null; a null string cannot be sorted.",
                            argument: 0)
                    }
                    strings.append(s)
                }
                // Go's sort.Strings compares bytes, not Unicode-aware Swift ordering.
                strings.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                return .list(strings.map { .string($0) })
            },
            Function("sum", arguments: 1...1) { args, _ in try sum(args) },
            Function("transpose", arguments: 1...1) { args, _ in try transpose(args) },
            Function("chunklist", arguments: 2...2, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                if case .unknown = args[1] { return .unknown }
                let items = try Arg.list(args, 0, "list", of: .any)
                let size = try Arg.int(args, 1, "size")
                guard size >= 0 else {
                    throw FunctionError("Call to function \"chunklist\" failed: the size argument must be positive.", argument: 1)
                }
                if size == 0 { return .list([.list(items)]) }
                var chunks: [Value] = []
                var index = 0
                while index < items.count {
                    chunks.append(.list(Array(items[index..<min(items.count, index + size)])))
                    index += size
                }
                return .list(chunks)
            },
            Function("matchkeys", arguments: 3...3) { args, _ in
                let values = try Arg.list(args, 0, "values", of: .any)
                let keys = try Arg.list(args, 1, "keys", of: .any)
                let search = try Arg.elements(args, 2, "searchset")
                guard values.count == keys.count else {
                    throw FunctionError("Call to function \"matchkeys\" failed: length of keys and values should be equal.")
                }
                var out: [Value] = []
                for (value, key) in zip(values, keys) where search.contains(where: { matches($0, key) }) {
                    out.append(value)
                }
                return .list(out)
            },
            Function("alltrue", arguments: 1...1, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                let items = try Arg.list(args, 0, "list", of: .bool)
                // Terraform stops at the first unknown element, even if a later one is false.
                for item in items {
                    switch item {
                    case .unknown: return .unknown
                    case .bool(false), .null: return .bool(false)
                    default: continue
                    }
                }
                return .bool(true)
            },
            Function("anytrue", arguments: 1...1, handlesUnknown: true) { args, _ in
                if case .unknown = args[0] { return .unknown }
                let items = try Arg.list(args, 0, "list", of: .bool)
                var result = Value.bool(false)
                for item in items {
                    switch item {
                    case .unknown: result = .unknown
                    case .bool(true): return .bool(true)
                    default: continue
                    }
                }
                return result
            },
        ]
    }

    /// matchkeys compares after converting the search value to the key's type.
    private static func matches(_ candidate: Value, _ key: Value) -> Bool {
        if Operators.equals(candidate, key) == .bool(true) { return true }
        let converted = try? Conversion.convert(candidate, to: TypeConstraint.implied(by: key))
        return converted.map { Operators.equals($0, key) == .bool(true) } ?? false
    }

    private static func sum(_ args: [Value]) throws(FunctionError) -> Value {
        let value = try Arg.nonNull(args, 0, "list")
        guard let items = value.elements else {
            throw FunctionError("Invalid value for \"list\" parameter: cannot sum noniterable.", argument: 0)
        }
        guard !items.isEmpty else {
            throw FunctionError("Invalid value for \"list\" parameter: cannot sum an empty list.", argument: 0)
        }
        var total = 0.0
        for item in items {
            if case .null = item {
                throw FunctionError(
                    "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values.", argument: 0)
            }
            guard case .number(let n)? = try? Conversion.toNumber(item) else {
                throw FunctionError(
                    "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values.", argument: 0)
            }
            total += n
            if total.isNaN {
                throw FunctionError("Call to function \"sum\" failed: can't compute sum of opposing infinities.")
            }
        }
        return .number(total)
    }

    private static func transpose(_ args: [Value]) throws(FunctionError) -> Value {
        let input = try Arg.nonNull(args, 0, "values")
        let converted: Value
        do {
            converted = try Conversion.convert(input, to: .map(.list(.string)))
        } catch {
            throw Arg.error(0, "values", error.message)
        }
        var out: [String: [String]] = [:]
        for (key, list) in converted.members ?? [:] {
            for item in list.elements ?? [] {
                guard case .string(let s) = item else {
                    throw FunctionError("Call to function \"transpose\" failed: input must be a map of lists of strings.", argument: 0)
                }
                out[s, default: []].append(key)
            }
        }
        return .map(out.mapValues { .list($0.sorted().map { Value.string($0) }) })
    }
}
