/// Glob matching where `*` stands for any run of characters (including none) and everything else is literal:
/// the one pattern language of skip files, check filters, baselines and drift ignore rules.
public enum Wildcard {
    /// True when `text` matches `pattern` as a whole. Linear backtracking on the last `*`, so no pattern can
    /// make matching exponential.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] != "*", p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
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
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
