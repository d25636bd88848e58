/// IAM's action wildcards: `*` for any run of characters, `?` for one; case-insensitive.
enum ActionPattern {
    /// True when lower-cased `text` matches lower-cased `pattern` as a whole. Backtracks only to the last `*`, so
    /// matching stays linear.
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < text.count {
            if pi < pattern.count, pattern[pi] != UInt8(ascii: "*"),
                pattern[pi] == UInt8(ascii: "?") || pattern[pi] == text[ti]
            {
                pi += 1
                ti += 1
            } else if pi < pattern.count, pattern[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < pattern.count, pattern[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == pattern.count
    }

    /// Whether the pattern has a wildcard.
    static func isWildcard(_ pattern: String) -> Bool { pattern.contains("*") || pattern.contains("?") }
}
