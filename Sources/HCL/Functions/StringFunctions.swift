import Foundation
import Model

/// Terraform's string functions (cty stdlib string.go plus Terraform's additions).
enum StringFunctions {
    static var all: [Function] {
        [
            Function("upper", arguments: 1...1) { args, _ in .string(mapCase(try Arg.string(args, 0, "str"), upper: true)) },
            Function("lower", arguments: 1...1) { args, _ in .string(mapCase(try Arg.string(args, 0, "str"), upper: false)) },
            Function("strrev", arguments: 1...1) { args, _ in
                // Reverses grapheme clusters, as cty does, so combining marks stay attached.
                .string(String(try Arg.string(args, 0, "str").reversed()))
            },
            Function("substr", arguments: 3...3) { args, _ in
                try substr(Arg.string(args, 0, "str"), Arg.int(args, 1, "offset"), Arg.int(args, 2, "length"))
            },
            Function("join", arguments: 1...Int.max) { args, _ in try join(args) },
            Function("split", arguments: 2...2) { args, _ in
                let separator = try Arg.string(args, 0, "separator")
                let text = try Arg.string(args, 1, "str")
                return .list(goSplit(text, separator).map { .string($0) })
            },
            Function("replace", arguments: 3...3) { args, _ in
                try replace(Arg.string(args, 0, "str"), Arg.string(args, 1, "substr"), Arg.string(args, 2, "replace"))
            },
            Function("regex", arguments: 2...2) { args, _ in
                try RegexSupport.regex(Arg.string(args, 0, "pattern"), Arg.string(args, 1, "string"))
            },
            Function("regexall", arguments: 2...2) { args, _ in
                try RegexSupport.regexAll(Arg.string(args, 0, "pattern"), Arg.string(args, 1, "string"))
            },
            Function("trim", arguments: 2...2) { args, _ in
                let cutset = Set(try Arg.string(args, 1, "cutset").unicodeScalars)
                return .string(trimScalars(try Arg.string(args, 0, "str")) { cutset.contains($0) })
            },
            Function("trimspace", arguments: 1...1) { args, _ in
                .string(trimScalars(try Arg.string(args, 0, "str")) { $0.properties.isWhitespace })
            },
            Function("trimprefix", arguments: 2...2) { args, _ in
                let text = try Arg.string(args, 0, "str")
                let prefix = try Arg.string(args, 1, "prefix")
                guard text.utf8.starts(with: prefix.utf8) else { return .string(text) }
                return .string(String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self))
            },
            Function("trimsuffix", arguments: 2...2) { args, _ in
                let text = try Arg.string(args, 0, "str")
                let suffix = try Arg.string(args, 1, "suffix")
                guard text.utf8.reversed().starts(with: suffix.utf8.reversed()) else { return .string(text) }
                return .string(String(decoding: text.utf8.dropLast(suffix.utf8.count), as: UTF8.self))
            },
            Function("title", arguments: 1...1) { args, _ in .string(title(try Arg.string(args, 0, "str"))) },
            Function("startswith", arguments: 2...2) { args, _ in
                .bool(try Arg.string(args, 0, "str").utf8.starts(with: try Arg.string(args, 1, "prefix").utf8))
            },
            Function("endswith", arguments: 2...2) { args, _ in
                .bool(try Arg.string(args, 0, "str").utf8.reversed().starts(with: try Arg.string(args, 1, "suffix").utf8.reversed()))
            },
            Function("strcontains", arguments: 2...2) { args, _ in
                .bool(contains(try Arg.string(args, 0, "str"), try Arg.string(args, 1, "substr")))
            },
            Function("chomp", arguments: 1...1) { args, _ in
                var scalars = Array(try Arg.string(args, 0, "str").unicodeScalars)
                while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
                var out = String.UnicodeScalarView()
                out.append(contentsOf: scalars)
                return .string(String(out))
            },
            Function("indent", arguments: 2...2) { args, _ in
                let spaces = try Arg.int(args, 0, "spaces")
                let text = try Arg.string(args, 1, "str")
                let pad = String(repeating: " ", count: max(0, spaces))
                return .string(text.replacingOccurrences(of: "\n", with: "\n" + pad))
            },
            Function("format", arguments: 1...Int.max) { args, _ in
                .string(try Formatter.format(try Arg.string(args, 0, "format"), Array(args.dropFirst())))
            },
            Function("formatlist", arguments: 1...Int.max, handlesUnknown: true) { args, _ in try Formatter.formatList(args) },
        ]
    }

    /// Go's strings.ToUpper/ToLower map rune by rune (simple case mapping), so "ß" stays "ß" rather than "SS".
    static func mapCase(_ text: String, upper: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let single = scalars.first {
                out.append(single)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// cty's substr: offsets and lengths count grapheme clusters; negative offset counts from the end.
    static func substr(_ text: String, _ offset: Int, _ length: Int) throws(FunctionError) -> Value {
        let characters = Array(text)
        var start = offset
        var length = length
        if start < 0 {
            start += characters.count
            if start < 0 { start = 0 }
            // cty only short-circuits a zero length for non-negative offsets; with a negative offset its
            // seek loop never meets length 0 and so returns the whole remainder.
            if length == 0 { length = -1 }
        } else if length == 0 {
            return .string("")
        }
        guard start < characters.count else { return .string("") }
        let end: Int
        if length < 0 {
            end = characters.count
        } else {
            end = min(characters.count, start + length)
        }
        return .string(String(characters[start..<end]))
    }

    private static func join(_ args: [Value]) throws(FunctionError) -> Value {
        let separator = try Arg.string(args, 0, "separator")
        guard args.count > 1 else {
            throw FunctionError("Invalid value for \"lists\" parameter: at least one list is required.", argument: 1)
        }
        var pieces: [String] = []
        for index in 1..<args.count {
            let items = try Arg.list(args, index, "lists", of: .string)
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else {
                    let which = args.count > 2 ? "element \(i) of list \(index)" : "element \(i)"
                    throw FunctionError(
                        "Invalid value for \"lists\" parameter: \(which) is null; cannot concatenate null values.",
                        argument: index)
                }
                pieces.append(s)
            }
        }
        return .string(pieces.joined(separator: separator))
    }

    /// Go's strings.Split: an empty separator splits after each UTF-8 sequence; an empty string gives [""].
    static func goSplit(_ text: String, _ separator: String) -> [String] {
        if separator.isEmpty {
            return text.unicodeScalars.map { String($0) }
        }
        let bytes = Array(text.utf8)
        let sep = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        var i = 0
        while i + sep.count <= bytes.count {
            if bytes[i..<(i + sep.count)].elementsEqual(sep) {
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Byte-wise substring test, as Go's strings.Contains.
    static func contains(_ text: String, _ part: String) -> Bool {
        let bytes = Array(text.utf8)
        let needle = Array(part.utf8)
        if needle.isEmpty { return true }
        guard needle.count <= bytes.count else { return false }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    private static func replace(_ text: String, _ search: String, _ replacement: String) throws(FunctionError) -> Value {
        // `/.../` means a regular expression, as Terraform's replace documents.
        if search.count > 1, search.hasPrefix("/"), search.hasSuffix("/") {
            let pattern = String(search.dropFirst().dropLast())
            return .string(try RegexSupport.replaceAll(pattern, in: text, with: replacement))
        }
        if search.isEmpty {
            // Go's strings.Replace with an empty old string inserts at every rune boundary.
            var out = replacement
            for scalar in text.unicodeScalars {
                out.unicodeScalars.append(scalar)
                out += replacement
            }
            return .string(out)
        }
        return .string(goSplit(text, search).joined(separator: replacement))
    }

    private static func trimScalars(_ text: String, _ predicate: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, predicate(scalars[start]) { start += 1 }
        while end > start, predicate(scalars[end - 1]) { end -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }

    /// Go's strings.Title: upper-cases (title-cases) the first letter of each word.
    static func title(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousIsSeparator = true
        for scalar in text.unicodeScalars {
            if previousIsSeparator {
                out.append(contentsOf: String(scalar).uppercased().unicodeScalars)
            } else {
                out.append(scalar)
            }
            previousIsSeparator = isSeparator(scalar)
        }
        return String(out)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value <= 0x7F {
            switch scalar {
            case "0"..."9", "a"..."z", "A"..."Z", "_": return false
            default: return true
            }
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return false }
        return properties.isWhitespace
    }
}
