import Foundation

/// Escaping rules of the text formats (XML, CSV, Markdown tables, URIs), kept in one place so each is tested once.
public enum TextEscaping {
    /// XML 1.0 character data and attribute values: the five predefined entities, and characters XML 1.0
    /// forbids (C0 controls other than tab/newline/return) replaced, since no escape can represent them.
    public static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// One RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
    /// A leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
    public static func csv(_ s: String) -> String {
        var value = s
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// RFC 4180 text: every field escaped with `csv(_:)`, CRLF after each record (the header included).
    public static func csvTable(_ rows: [[String]]) -> String {
        rows.map { $0.map(csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A Markdown table cell: pipes escaped, line breaks as spaces, HTML-significant characters as entities.
    public static func markdownCell(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`": out += "'"
            default: out.append(c)
            }
        }
        return out
    }

    /// Inline code in a Markdown table cell (addresses, paths); backticks inside become `'` since a cell cannot escape them.
    public static func markdownCode(_ s: String) -> String {
        s.isEmpty ? "" : "`" + s.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }

    /// A relative path as a URI reference: unreserved characters and `/` kept, the rest percent-encoded.
    public static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// A score in [0, 1] as a percentage with one decimal (`66.7%`); `n/a` when nothing was decided.
    public static func percent(_ score: Double?) -> String {
        guard let score else { return "n/a" }
        return String(format: "%.1f%%", score * 100)
    }
}
