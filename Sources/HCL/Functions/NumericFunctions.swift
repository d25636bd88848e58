import Foundation
import Model

/// Terraform's numeric functions.
enum NumericFunctions {
    static var all: [Function] {
        [
            Function("abs", arguments: 1...1) { args, _ in .number(abs(try Arg.number(args, 0, "num"))) },
            Function("ceil", arguments: 1...1) { args, _ in .number(try Arg.number(args, 0, "num").rounded(.up)) },
            Function("floor", arguments: 1...1) { args, _ in .number(try Arg.number(args, 0, "num").rounded(.down)) },
            Function("log", arguments: 2...2) { args, _ in
                try finite("log", Foundation.log(try Arg.number(args, 0, "num")) / Foundation.log(try Arg.number(args, 1, "base")))
            },
            Function("pow", arguments: 2...2) { args, _ in
                try finite("pow", Foundation.pow(try Arg.number(args, 0, "num"), try Arg.number(args, 1, "power")))
            },
            Function("signum", arguments: 1...1) { args, _ in
                let n = try Arg.int(args, 0, "num")
                return .number(n < 0 ? -1 : (n > 0 ? 1 : 0))
            },
            Function("parseint", arguments: 2...2) { args, _ in try parseInt(args) },
            Function("min", arguments: 0...Int.max) { args, _ in try extreme(args, name: "min", <) },
            Function("max", arguments: 0...Int.max) { args, _ in try extreme(args, name: "max", >) },
        ]
    }

    /// cty numbers cannot be NaN (Terraform fails the call), so a NaN result is reported rather than returned.
    private static func finite(_ name: String, _ n: Double) throws(FunctionError) -> Value {
        guard !n.isNaN else { throw FunctionError("Call to function \"\(name)\" failed: the result is not a number.") }
        return .number(n)
    }

    private static func extreme(_ args: [Value], name: String, _ better: (Double, Double) -> Bool) throws(FunctionError) -> Value {
        guard !args.isEmpty else {
            throw FunctionError("Call to function \"\(name)\" failed: must pass at least one number.")
        }
        var best = try Arg.number(args, 0, "numbers")
        for index in 1..<args.count {
            let n = try Arg.number(args, index, "numbers")
            if better(n, best) { best = n }
        }
        return .number(best)
    }

    /// Go's big.Int.SetString for bases 2–62: digits, then a–z, then (above base 36) A–Z.
    private static func parseInt(_ args: [Value]) throws(FunctionError) -> Value {
        let raw = try Arg.nonNull(args, 0, "number")
        guard case .string(let text) = raw else {
            throw FunctionError(
                "Invalid value for \"number\" parameter: first argument must be a string, not \(raw.typeName).", argument: 0)
        }
        let base = try Arg.int(args, 1, "base")
        guard base >= 2 && base <= 62 else {
            throw FunctionError(
                "Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.", argument: 1)
        }
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        var result = 0.0
        var valid = !digits.isEmpty
        for scalar in digits.unicodeScalars {
            let digit: Int
            switch scalar {
            case "0"..."9": digit = Int(scalar.value - 48)
            case "a"..."z": digit = Int(scalar.value - 97) + 10
            case "A"..."Z": digit = base <= 36 ? Int(scalar.value - 65) + 10 : Int(scalar.value - 65) + 36
            default: digit = Int.max
            }
            guard digit < base else {
                valid = false
                break
            }
            result = result * Double(base) + Double(digit)
        }
        guard valid else {
            throw FunctionError(
                "Invalid value for \"number\" parameter: cannot parse \(Formatter.goQuote(text)) as a base \(base) integer.", argument: 0)
        }
        return .number(negative ? -result : result)
    }
}
