import Model

/// The set of functions callable from expressions, by name.
public struct FunctionTable: Sendable {
    private var table: [String: Function]

    /// Every built-in function of Terraform 1.11 except `try`/`can` (special forms in the evaluator).
    public static let standard = FunctionTable(
        StringFunctions.all + CollectionFunctions.all + SetFunctions.all + NumericFunctions.all
            + EncodingFunctions.all + TextEncoding.all + FilesystemFunctions.all + IPNetFunctions.all + HashFunctions.all
            + TimeFunctions.all + TypeFunctions.all)

    /// A table of the given functions; a later function with the same name replaces an earlier one.
    public init(_ functions: [Function]) {
        var table: [String: Function] = [:]
        for function in functions { table[function.name] = function }
        self.table = table
    }

    /// The function with this name, if any.
    public func function(named name: String) -> Function? {
        table[name]
    }

    /// Checks arity (FunctionError naming the function and expected count), applies the unknown rule from `Function.handlesUnknown`, then calls. Unknown name -> FunctionError("Call to unknown function \"x\"", ...) — callers map it to Diagnostic.Code.unknownFunction; keep the message text starting "Call to unknown function".
    public func call(_ name: String, arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value {
        guard let function = table[name] else {
            throw FunctionError("Call to unknown function \"\(name)\": there is no function named \"\(name)\".")
        }
        if arguments.count < function.minArguments {
            throw FunctionError(
                "Not enough function arguments: function \"\(name)\" expects \(expectation(function)), but \(arguments.count) given.")
        }
        if let max = function.maxArguments, arguments.count > max {
            throw FunctionError(
                "Too many function arguments: function \"\(name)\" expects \(expectation(function)), but \(arguments.count) given.",
                argument: max)
        }
        if !function.handlesUnknown {
            for argument in arguments where !argument.isWhollyKnown { return .unknown }
        }
        do {
            return try function.implementation(arguments, context)
        } catch let error as FunctionError {
            throw error
        } catch {
            throw FunctionError("Call to function \"\(name)\" failed: \(error).")
        }
    }

    /// All function names, sorted.
    public var names: [String] {
        table.keys.sorted()
    }

    /// Adds/overrides functions (e.g. the evaluator adds nothing; Terraform layer may add provider functions).
    public func adding(_ functions: [Function]) -> FunctionTable {
        var copy = self
        for function in functions { copy.table[function.name] = function }
        return copy
    }

    private func expectation(_ function: Function) -> String {
        let min = function.minArguments
        guard let max = function.maxArguments else { return "at least \(min) argument\(min == 1 ? "" : "s")" }
        if min == max { return "\(min) argument\(min == 1 ? "" : "s")" }
        return "\(min) to \(max) arguments"
    }
}
