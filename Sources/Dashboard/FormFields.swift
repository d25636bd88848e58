import Foundation

/// The fields of an `application/x-www-form-urlencoded` text: a POSTed form body or a GET query. Parsed here
/// rather than by the router, so `+` is a space and `%2B` a plus in both, and a malformed escape keeps the raw text.
struct FormFields: Sendable {
    /// The form bodies the dashboard accepts are a token and a few short fields.
    static let maxBodyBytes = 16 * 1024

    private var pairs: [(name: String, value: String)]

    /// Parses `text` (without the leading `?`).
    init(_ text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            return (name, value)
        }
    }

    /// The first value of `name`, nil when absent.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// The first value of `name` with surrounding whitespace removed, nil when absent or blank.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ raw: Substring) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
