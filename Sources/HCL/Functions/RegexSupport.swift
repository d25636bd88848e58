import Foundation
import Model

/// RE2 patterns (Go's regexp) run on NSRegularExpression, with the syntax differences translated.
enum RegexSupport {
    struct Compiled {
        let expression: NSRegularExpression
        /// One entry per capture group in order: its name, or "" when unnamed.
        let groupNames: [String]
    }

    /// Compiles an RE2 pattern: `(?P<name>` becomes ICU's `(?<name>`; capture group names are recorded.
    static func compile(_ pattern: String) throws(FunctionError) -> Compiled {
        var translated = ""
        var names: [String] = []
        let scalars = Array(pattern.unicodeScalars)
        var i = 0
        var inClass = false
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\" {
                translated.unicodeScalars.append(c)
                if i + 1 < scalars.count { translated.unicodeScalars.append(scalars[i + 1]) }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                translated.unicodeScalars.append(c)
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                translated.unicodeScalars.append(c)
                // A `]` right after `[` or `[^` is literal.
                if i + 1 < scalars.count, scalars[i + 1] == "^" {
                    translated.unicodeScalars.append("^")
                    i += 1
                }
                if i + 1 < scalars.count, scalars[i + 1] == "]" {
                    translated.unicodeScalars.append("]")
                    i += 1
                }
                i += 1
                continue
            }
            if c == "(" {
                if i + 1 < scalars.count, scalars[i + 1] == "?" {
                    var j = i + 2
                    if j < scalars.count, scalars[j] == "P" { j += 1 }
                    if j < scalars.count, scalars[j] == "<", j + 1 < scalars.count, scalars[j + 1] != "=", scalars[j + 1] != "!" {
                        var name = ""
                        var k = j + 1
                        while k < scalars.count, scalars[k] != ">" {
                            name.unicodeScalars.append(scalars[k])
                            k += 1
                        }
                        names.append(name)
                        translated += "(?<" + name + ">"
                        i = k + 1
                        continue
                    }
                } else {
                    names.append("")
                }
            }
            translated.unicodeScalars.append(c)
            i += 1
        }
        do {
            let expression = try NSRegularExpression(pattern: translated, options: [])
            return Compiled(expression: expression, groupNames: names)
        } catch {
            throw FunctionError("Invalid value for \"pattern\" parameter: invalid regexp pattern: \(pattern).", argument: 0)
        }
    }

    private static func matches(_ compiled: Compiled, _ text: String) -> [NSTextCheckingResult] {
        compiled.expression.matches(in: text, options: [], range: NSRange(text.startIndex..., in: text))
    }

    private static func substring(_ text: String, _ range: NSRange) -> Value {
        guard range.location != NSNotFound, let r = Range(range, in: text) else { return .null }
        return .string(String(text[r]))
    }

    private static func result(_ compiled: Compiled, _ match: NSTextCheckingResult, _ text: String) -> Value {
        let names = compiled.groupNames
        if names.isEmpty { return substring(text, match.range) }
        if names.allSatisfy({ !$0.isEmpty }) {
            var members: [String: Value] = [:]
            for (i, name) in names.enumerated() where i + 1 < match.numberOfRanges {
                members[name] = substring(text, match.range(at: i + 1))
            }
            return .object(members)
        }
        var items: [Value] = []
        for i in 0..<names.count {
            items.append(i + 1 < match.numberOfRanges ? substring(text, match.range(at: i + 1)) : .null)
        }
        return .tuple(items)
    }

    private static func checkGroups(_ compiled: Compiled) throws(FunctionError) {
        let named = compiled.groupNames.filter { !$0.isEmpty }.count
        if named > 0 && named < compiled.groupNames.count {
            throw FunctionError(
                "Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.",
                argument: 0)
        }
    }

    /// Terraform's `regex`: the first match as a string, tuple (unnamed groups) or object (named groups).
    static func regex(_ pattern: String, _ text: String) throws(FunctionError) -> Value {
        let compiled = try compile(pattern)
        try checkGroups(compiled)
        guard let match = compiled.expression.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text))
        else {
            throw FunctionError("Call to function \"regex\" failed: pattern did not match any part of the given string.")
        }
        return result(compiled, match, text)
    }

    /// Terraform's `regexall`: a list of every match in the shape `regex` would give.
    static func regexAll(_ pattern: String, _ text: String) throws(FunctionError) -> Value {
        let compiled = try compile(pattern)
        try checkGroups(compiled)
        return .list(matches(compiled, text).map { result(compiled, $0, text) })
    }

    /// Go's Regexp.ReplaceAllString, including `$1`, `${1}`, `$name` expansion.
    static func replaceAll(_ pattern: String, in text: String, with template: String) throws(FunctionError) -> String {
        let compiled = try compile(pattern)
        var out = ""
        var cursor = text.startIndex
        for match in matches(compiled, text) {
            guard let range = Range(match.range, in: text) else { continue }
            out += text[cursor..<range.lowerBound]
            out += expand(template, compiled, match, text)
            cursor = range.upperBound
        }
        out += text[cursor...]
        return out
    }

    private static func expand(_ template: String, _ compiled: Compiled, _ match: NSTextCheckingResult, _ text: String) -> String {
        var out = ""
        let scalars = Array(template.unicodeScalars)
        var i = 0
        func isNameScalar(_ s: Unicode.Scalar) -> Bool {
            switch s {
            case "a"..."z", "A"..."Z", "0"..."9", "_": return true
            default: return false
            }
        }
        while i < scalars.count {
            let c = scalars[i]
            guard c == "$", i + 1 < scalars.count else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            if scalars[i + 1] == "$" {
                out += "$"
                i += 2
                continue
            }
            var name = ""
            var next = i + 1
            if scalars[next] == "{" {
                var k = next + 1
                while k < scalars.count, isNameScalar(scalars[k]) {
                    name.unicodeScalars.append(scalars[k])
                    k += 1
                }
                guard !name.isEmpty, k < scalars.count, scalars[k] == "}" else {
                    out += "$"
                    i += 1
                    continue
                }
                next = k + 1
            } else {
                while next < scalars.count, isNameScalar(scalars[next]) {
                    name.unicodeScalars.append(scalars[next])
                    next += 1
                }
                if name.isEmpty {
                    out += "$"
                    i += 1
                    continue
                }
            }
            var group: Int?
            if let number = Int(name) {
                group = number
            } else if let index = compiled.groupNames.firstIndex(of: name) {
                group = index + 1
            }
            if let group, group < match.numberOfRanges, case .string(let s) = substring(text, match.range(at: group)) {
                out += s
            }
            i = next
        }
        return out
    }
}
