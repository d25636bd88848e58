/// Go-style duration text (`90s`, `5m`, `1h30m`, `500ms`), as Flux and Kubernetes write intervals.
public enum DurationText {
    /// Parses `text`; nil when it is not a positive duration made of number+unit pairs (ms, s, m, h).
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        var totalMilliseconds: Double = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let number = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            switch unit {
            case "ms": totalMilliseconds += number
            case "s": totalMilliseconds += number * 1_000
            case "m": totalMilliseconds += number * 60_000
            case "h": totalMilliseconds += number * 3_600_000
            default: return nil
            }
        }
        guard totalMilliseconds > 0, totalMilliseconds < 365 * 86_400_000 else { return nil }
        return .milliseconds(Int64(totalMilliseconds.rounded()))
    }

    /// Renders a duration the way `parse` reads it (`1h30m`, `45s`, `250ms`).
    public static func format(_ duration: Duration) -> String {
        let ms = duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
        if ms < 1_000 { return "\(ms)ms" }
        var seconds = ms / 1_000
        var out = ""
        if seconds >= 3_600 {
            out += "\(seconds / 3_600)h"
            seconds %= 3_600
        }
        if seconds >= 60 {
            out += "\(seconds / 60)m"
            seconds %= 60
        }
        if seconds > 0 || out.isEmpty { out += "\(seconds)s" }
        return out
    }
}

extension Duration {
    /// The duration in seconds as a Double (for dates and jitter arithmetic).
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
