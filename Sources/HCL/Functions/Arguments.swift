import Model

/// Parameter extraction with cty's conversions and Terraform's messages
/// (`Invalid value for "str" parameter: string required.`).
enum Arg {
    static func error(_ index: Int, _ name: String, _ detail: String) -> FunctionError {
        FunctionError("Invalid value for \"\(name)\" parameter: \(detail).", argument: index)
    }

    /// The argument at `index`, which must not be null (cty's default for parameters).
    static func nonNull(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> Value {
        let value = args[index]
        if case .null = value { throw error(index, name, "argument must not be null") }
        return value
    }

    static func string(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> String {
        let value = try nonNull(args, index, name)
        if case .string(let s) = value { return s }
        do {
            if case .string(let s) = try Conversion.toString(value) { return s }
        } catch {
            throw self.error(index, name, error.message)
        }
        throw error(index, name, "string required")
    }

    static func number(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> Double {
        let value = try nonNull(args, index, name)
        if case .number(let n) = value { return n }
        do {
            if case .number(let n) = try Conversion.toNumber(value) { return n }
        } catch {
            throw self.error(index, name, error.message)
        }
        throw error(index, name, "number required")
    }

    /// A whole number that fits an `Int` (gocty's conversion to Go int).
    static func int(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> Int {
        let n = try number(args, index, name)
        guard n == n.rounded(), let i = Int(exactly: n) else {
            throw error(index, name, "value must be a whole number, between \(Int.min) and \(Int.max)")
        }
        return i
    }

    static func bool(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> Bool {
        let value = try nonNull(args, index, name)
        if case .bool(let b) = value { return b }
        do {
            if case .bool(let b) = try Conversion.toBool(value) { return b }
        } catch {
            throw self.error(index, name, error.message)
        }
        throw error(index, name, "bool required")
    }

    /// Elements of a list, tuple or set.
    static func elements(_ args: [Value], _ index: Int, _ name: String, kind: String = "list") throws(FunctionError) -> [Value] {
        let value = try nonNull(args, index, name)
        guard let items = value.elements else { throw error(index, name, "\(kind) of any single type required") }
        return items
    }

    /// Members of a map or object.
    static func members(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> [String: Value] {
        let value = try nonNull(args, index, name)
        guard let members = value.members else { throw error(index, name, "map of any single type required") }
        return members
    }

    /// Converts to a list of the given element type (cty parameter conversion), elements in order.
    static func list(_ args: [Value], _ index: Int, _ name: String, of element: TypeConstraint) throws(FunctionError) -> [Value] {
        let value = try nonNull(args, index, name)
        do {
            let converted = try Conversion.convert(value, to: .list(element))
            return converted.elements ?? []
        } catch {
            throw self.error(index, name, error.message)
        }
    }

    /// Converts to a list of strings.
    static func strings(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> [String] {
        try list(args, index, name, of: .string).map { element throws(FunctionError) -> String in
            guard case .string(let s) = element else {
                throw error(index, name, "element must not be null")
            }
            return s
        }
    }
}
