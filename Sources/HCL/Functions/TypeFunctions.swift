import Model

/// Terraform's type conversion functions (tostring, tonumber, tobool, tolist, toset, tomap) and mark pass-throughs.
enum TypeFunctions {
    static var all: [Function] {
        [
            to("tostring", .string),
            to("tonumber", .number),
            to("tobool", .bool),
            to("tolist", .list(.any)),
            to("toset", .set(.any)),
            to("tomap", .map(.any)),
            // Bulwark does not track sensitivity marks; these return their argument as Terraform's value would.
            Function("sensitive", arguments: 1...1, handlesUnknown: true) { args, _ in args[0] },
            Function("nonsensitive", arguments: 1...1, handlesUnknown: true) { args, _ in args[0] },
            Function("ephemeralasnull", arguments: 1...1, handlesUnknown: true) { args, _ in args[0] },
        ]
    }

    private static func constraintName(_ type: TypeConstraint) -> String {
        switch type {
        case .list(.any): return "list of any single type"
        case .set(.any): return "set of any single type"
        case .map(.any): return "map of any single type"
        default: return type.friendlyName
        }
    }

    private static func to(_ name: String, _ type: TypeConstraint) -> Function {
        Function(name, arguments: 1...1, handlesUnknown: true) { args, _ in
            let value = args[0]
            do {
                return try Conversion.convert(value, to: type)
            } catch {
                switch (value, type) {
                case (.string(let s), .bool):
                    throw FunctionError(
                        "Invalid value for \"v\" parameter: cannot convert \(Formatter.goQuote(s)) to bool; only the strings \"true\" or \"false\" are allowed.",
                        argument: 0)
                case (.string(let s), .number):
                    throw FunctionError(
                        "Invalid value for \"v\" parameter: cannot convert \(Formatter.goQuote(s)) to number; given string must be a decimal representation of a number.",
                        argument: 0)
                default:
                    let got = TypeConstraint.implied(by: value)
                    let gotName: String
                    switch got {
                    case .tuple, .object, .string, .number, .bool: gotName = got.friendlyName
                    default: gotName = got.friendlyName.replacingOccurrences(of: " any", with: " dynamic")
                    }
                    throw FunctionError(
                        "Invalid value for \"v\" parameter: cannot convert \(gotName) to \(constraintName(type)).", argument: 0)
                }
            }
        }
    }
}
