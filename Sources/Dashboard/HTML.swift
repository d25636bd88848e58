import Foundation

/// Escaping for everything the dashboard puts into HTML: every value from the store (resource names, check titles,
/// evidence, commit messages) is untrusted text, so it goes through here before it reaches a page.
enum HTML {
    /// Text content and double-quoted attribute values: `& < > " '` as entities, C0 controls (other than tab and
    /// newline) and non-characters replaced, since no escape makes them valid HTML.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v)
                    || v & 0xFFFE == 0xFFFE
                {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// One path segment or query value, percent-encoded so it cannot end the segment, start a query or change
    /// the scheme; the result still needs `escape` inside an attribute (it holds no character that needs it).
    static func urlComponent(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// `/targets/<name>` for a target name.
    static func targetPath(_ name: String) -> String { "/targets/" + urlComponent(name) }
}
