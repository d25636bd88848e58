import Yams

/// Tag resolution of YAML scalars as Yams' default rules (without timestamps) do it, with the regular expressions run
/// only on text that could match one of them.
///
/// Check files are mostly words such as resource types and attribute names; matching each against six ICU regular
/// expressions was most of the time spent loading the library.
enum YAMLTags {
    /// Yams' default rules without the timestamp rule: dates such as `expires: 2026-12-31` stay strings and are
    /// parsed by us.
    static let resolver = Resolver.default.removing(.timestamp)

    /// The parser's input encoding, read from the environment (`YAMS_DEFAULT_ENCODING`) once rather than by every
    /// parser: building the environment dictionary cost more than parsing a check file.
    static var encoding: Parser.Encoding { Parser.Encoding(rawValue: encodingName) ?? .utf8 }

    private static let encodingName = Parser.Encoding.default.rawValue

    /// The resolved tag name of a scalar composed with `Resolver.basic`, as `resolver` would have resolved it.
    static func resolvedTag(of scalar: Node.Scalar) -> String {
        let raw = scalar.tag.rawValue
        if raw == Tag.Name.implicit.rawValue {
            guard mayMatchRule(scalar.string) else { return Tag.Name.str.rawValue }
            return Node.scalar(Node.Scalar(scalar.string, Tag(.implicit, resolver))).tag.rawValue
        }
        // Quoted scalars are non-specific and resolve to `str`; an explicit tag stays what it is.
        return Node.scalar(Node.Scalar(scalar.string, Tag(Tag.Name(rawValue: raw), resolver))).tag.rawValue
    }

    /// False only for text no rule (bool, int, float, merge, null, value) can match: every rule's pattern is anchored
    /// at the start, and a text starting with a letter matches only the short bool and null words (the pattern's `$`
    /// also allows one line terminator after them, at most three bytes).
    static func mayMatchRule(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "<"), UInt8(ascii: "~"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return text.utf8.count <= 8
        default:
            // A line terminator alone (`$` before a final newline) may still match the empty null pattern.
            return text.utf8.count <= 3 && (first < UInt8(ascii: " ") || first == 0xC2 || first == 0xE2)
        }
    }
}
