import Model

@testable import HCL

/// Calls a standard-library function through the table, as the evaluator does.
func call(_ name: String, _ arguments: Value..., context: FunctionContext = FunctionContext()) throws(FunctionError) -> Value {
    try FunctionTable.standard.call(name, arguments: arguments, context: context)
}

/// The error message a call fails with, or nil when it succeeds.
func failure(_ name: String, _ arguments: Value..., context: FunctionContext = FunctionContext()) -> String? {
    do {
        _ = try FunctionTable.standard.call(name, arguments: arguments, context: context)
        return nil
    } catch {
        return error.message
    }
}

func strings(_ items: String...) -> Value { .list(items.map { .string($0) }) }
func stringTuple(_ items: String...) -> Value { .tuple(items.map { .string($0) }) }
func numbers(_ items: Double...) -> Value { .list(items.map { .number($0) }) }
