import Foundation
import Model

/// cty's `format`/`formatlist`: Go fmt-style verbs applied to Terraform values.
enum Formatter {
    private struct Verb {
        var flags: Set<Character> = []
        var width: Int?
        var precision: Int?
        var argument: Int
        var mode: Character
        var offset: Int
        var raw: String
    }

    /// Largest width or precision a verb may ask for (Go's fmt limit).
    static let maxWidth = 1_000_000

    /// Formats with the verbs %v %#v %t %s %q %d %b %o %x %X %e %E %f %F %g %G and %%.
    static func format(_ format: String, _ args: [Value]) throws(FunctionError) -> String {
        var out = ""
        let characters = Array(format.unicodeScalars)
        var i = 0
        var nextArgument = 0
        var used = 0
        var byteOffset = 0
        while i < characters.count {
            let c = characters[i]
            guard c == "%" else {
                out.unicodeScalars.append(c)
                byteOffset += String(c).utf8.count
                i += 1
                continue
            }
            let start = i
            let startOffset = byteOffset
            i += 1
            guard i < characters.count else {
                throw FunctionError("Call to function \"format\" failed: unterminated format verb at offset \(startOffset).", argument: 0)
            }
            if characters[i] == "%" {
                out += "%"
                i += 1
                byteOffset += 2
                continue
            }
            var verb = Verb(argument: nextArgument, mode: "v", offset: startOffset, raw: "")
            while i < characters.count, "+- #0".unicodeScalars.contains(characters[i]) {
                verb.flags.insert(Character(characters[i]))
                i += 1
            }
            if i < characters.count, characters[i] == "[" {
                var digits = ""
                i += 1
                while i < characters.count, characters[i] != "]" {
                    digits.unicodeScalars.append(characters[i])
                    i += 1
                }
                i += 1
                guard let n = Int(digits), n > 0 else {
                    throw FunctionError("Call to function \"format\" failed: invalid argument index at offset \(startOffset).", argument: 0)
                }
                verb.argument = n - 1
            }
            var width = ""
            while i < characters.count, ("0"..."9").contains(characters[i]) {
                width.unicodeScalars.append(characters[i])
                i += 1
            }
            verb.width = Int(width)
            if i < characters.count, characters[i] == "." {
                i += 1
                var precision = ""
                while i < characters.count, ("0"..."9").contains(characters[i]) {
                    precision.unicodeScalars.append(characters[i])
                    i += 1
                }
                verb.precision = Int(precision) ?? 0
            }
            guard i < characters.count else {
                throw FunctionError("Call to function \"format\" failed: unterminated format verb at offset \(startOffset).", argument: 0)
            }
            // Go's fmt refuses widths and precisions above a million (`%!(BADWIDTH)`); a larger one would only
            // allocate a string of that many padding characters.
            if (verb.width ?? 0) > maxWidth || (verb.precision ?? 0) > maxWidth {
                throw FunctionError(
                    "Call to function \"format\" failed: the width or precision of the verb at offset \(startOffset) is larger than \(maxWidth).",
                    argument: 0)
            }
            verb.mode = Character(characters[i])
            i += 1
            var raw = ""
            raw.unicodeScalars.append(contentsOf: characters[start..<i])
            verb.raw = raw
            byteOffset += raw.utf8.count
            guard "vtsqdboxXeEfFgG".contains(verb.mode) else {
                // cty's scanner knows ASCII letters as verbs; anything else is a grammar error at that character.
                if verb.mode.isASCII && verb.mode.isLetter {
                    throw FunctionError(
                        "Call to function \"format\" failed: unsupported format verb '\(verb.mode)' in \"\(raw)\" at offset \(startOffset).",
                        argument: 0)
                }
                throw FunctionError(
                    "Call to function \"format\" failed: unrecognized format character '\(characters[i - 1])' at offset \(byteOffset - String(characters[i - 1]).utf8.count).",
                    argument: 0)
            }
            guard verb.argument < args.count else {
                throw FunctionError(
                    "Call to function \"format\" failed: not enough arguments for \"\(raw)\" at \(startOffset): need index \(verb.argument + 1) but have \(args.count) total.",
                    argument: 0)
            }
            out += try apply(verb, args[verb.argument])
            nextArgument = verb.argument + 1
            used = max(used, nextArgument)
        }
        if used < args.count {
            let detail = used == 0 ? "no verbs in format string" : "only \(used) used by format string"
            throw FunctionError("Call to function \"format\" failed: too many arguments; \(detail).", argument: used + 1)
        }
        return out
    }

    /// `formatlist`: list arguments are iterated in step (all the same length), others repeat; a null list
    /// counts as one null. Rows with unknown arguments become unknown elements, as cty does.
    static func formatList(_ args: [Value]) throws(FunctionError) -> Value {
        for arg in args where !arg.isKnown { return .unknown }
        let formatString = try Arg.string(args, 0, "format")
        var length: Int?
        var lengthArgument = 0
        for (i, arg) in args.enumerated().dropFirst() {
            guard let items = arg.elements else { continue }
            if let length, length != items.count {
                throw FunctionError(
                    "Call to function \"formatlist\" failed: argument \(i) has length \(items.count), which is inconsistent with argument \(lengthArgument) of length \(length).",
                    argument: i)
            }
            length = items.count
            lengthArgument = i
        }
        let count = length ?? 1
        var results: [Value] = []
        results.reserveCapacity(count)
        for index in 0..<count {
            let row = args.dropFirst().map { arg -> Value in
                if let items = arg.elements { return items[index] }
                return arg
            }
            if row.contains(where: { !$0.isWhollyKnown }) {
                results.append(.unknown)
                continue
            }
            do {
                results.append(.string(try format(formatString, row)))
            } catch {
                let detail = error.message.replacingOccurrences(of: "Call to function \"format\" failed: ", with: "")
                throw FunctionError(
                    "Call to function \"formatlist\" failed: error on format iteration \(index): \(detail)", argument: error.argument)
            }
        }
        return .list(results)
    }

    private static func unsupported(_ verb: Verb, _ detail: String) -> FunctionError {
        FunctionError(
            "Call to function \"format\" failed: unsupported value for \"\(verb.raw)\" at \(verb.offset): \(detail).",
            argument: verb.argument + 1)
    }

    private static func apply(_ verb: Verb, _ value: Value) throws(FunctionError) -> String {
        var verb = verb
        if verb.mode == "v" {
            if verb.flags.contains("#") { return pad(JSONEncoding.encode(value), verb) }
            switch value {
            case .string, .number, .bool: verb.mode = "s"
            case .null: return pad("null", verb)
            default: return pad(JSONEncoding.encode(value), verb)
            }
        }
        if case .null = value { throw unsupported(verb, "null value cannot be formatted") }
        switch verb.mode {
        case "s", "q":
            let converted: Value
            do { converted = try Conversion.toString(value) } catch { throw unsupported(verb, error.message) }
            guard case .string(var s) = converted else { throw unsupported(verb, "string required") }
            if let precision = verb.precision {
                // cty counts precision and width in grapheme clusters, not runes.
                s = String(s.prefix(precision))
            }
            if verb.mode == "q" { s = goQuote(s) }
            return pad(s, verb)
        case "t":
            let converted: Value
            do { converted = try Conversion.toBool(value) } catch { throw unsupported(verb, error.message) }
            guard case .bool(let b) = converted else { throw unsupported(verb, "bool required") }
            return pad(b ? "true" : "false", verb)
        default:
            let converted: Value
            do { converted = try Conversion.toNumber(value) } catch { throw unsupported(verb, error.message) }
            guard case .number(let n) = converted else { throw unsupported(verb, "number required") }
            return try number(n, verb)
        }
    }

    private static func number(_ n: Double, _ verb: Verb) throws(FunctionError) -> String {
        var body: String
        let negative = n < 0 || (n == 0 && n.sign == .minus && verb.mode != "d")
        let magnitude = abs(n)
        switch verb.mode {
        case "d", "b", "o", "x", "X":
            guard n == n.rounded(), magnitude < 1e19 else { throw unsupported(verb, "an integer is required") }
            let whole = UInt64(magnitude)
            switch verb.mode {
            case "b": body = String(whole, radix: 2)
            case "o": body = String(whole, radix: 8)
            case "x": body = String(whole, radix: 16)
            case "X": body = String(whole, radix: 16, uppercase: true)
            default: body = String(whole)
            }
            if let precision = verb.precision, body.count < precision {
                body = String(repeating: "0", count: precision - body.count) + body
            }
        case "e", "E":
            body = String(format: "%.\(verb.precision ?? 6)e", magnitude)
            if verb.mode == "E" { body = body.uppercased() }
        case "g", "G":
            if let precision = verb.precision {
                body = String(format: "%.\(precision)g", magnitude)
            } else {
                body = shortestG(magnitude)
            }
            if verb.mode == "G" { body = body.uppercased() }
        default:
            body = String(format: "%.\(verb.precision ?? 6)f", magnitude)
        }
        var sign = ""
        if negative && n != 0 {
            sign = "-"
        } else if verb.flags.contains("+") {
            sign = "+"
        } else if verb.flags.contains(" ") {
            sign = " "
        }
        if verb.flags.contains("0"), !verb.flags.contains("-"), let width = verb.width {
            let total = sign.count + body.count
            if total < width { body = String(repeating: "0", count: width - total) + body }
        }
        return pad(sign + body, verb)
    }

    /// Go's `%g` without precision: shortest digits, exponent form when the decimal exponent is < -4 or >= 6.
    static func shortestG(_ magnitude: Double) -> String {
        guard magnitude != 0, magnitude.isFinite else { return magnitude == 0 ? "0" : Value.formatNumber(magnitude) }
        // Swift's description is the shortest round-tripping form; split it into digits and a decimal exponent.
        let text = "\(magnitude)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fraction
        var pointPosition = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let decimalExponent = pointPosition - 1
        if decimalExponent < -4 || decimalExponent >= 6 {
            var out = String(digits.prefix(1))
            if digits.count > 1 { out += "." + digits.dropFirst() }
            let magnitudeText = String(abs(decimalExponent))
            out += (decimalExponent < 0 ? "e-" : "e+") + (magnitudeText.count < 2 ? "0" + magnitudeText : magnitudeText)
            return out
        }
        return Value.formatNumber(magnitude)
    }

    /// Pads to the verb's width in grapheme clusters (as cty does), on the right with the `-` flag.
    private static func pad(_ text: String, _ verb: Verb) -> String {
        guard let width = verb.width else { return text }
        let count = text.count
        guard count < width else { return text }
        let padding = String(repeating: " ", count: width - count)
        return verb.flags.contains("-") ? text + padding : padding + text
    }

    /// Go's strconv.Quote.
    static func goQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, 2)
                } else if !scalar.properties.isPrintableForGo {
                    out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, 8) : "\\u" + hex(scalar.value, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension Unicode.Scalar.Properties {
    /// Approximates Go's unicode.IsPrint: graphic characters and the ASCII space.
    var isPrintableForGo: Bool {
        switch generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return false
        default: return true
        }
    }
}
