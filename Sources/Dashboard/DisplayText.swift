import Foundation
import Store

/// How the pages print dates, commits, scores and states: one place, so every page reads the same.
enum DisplayText {
    /// `2026-12-07 10:15 UTC`.
    static func date(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// The first 8 characters of a commit SHA; other revisions as they are.
    static func shortSHA(_ commit: String) -> String {
        commit.count == 40 && commit.allSatisfy(\.isHexDigit) ? String(commit.prefix(8)) : commit
    }

    /// `75.0%`, or `n/a` when no control was decided.
    static func percent(_ score: Double?) -> String {
        guard let score else { return "n/a" }
        return String(format: "%.1f%%", score * 100)
    }

    /// The badge class of a Ready condition: True is good, False bad, anything else unknown.
    static func readyClass(_ ready: String) -> String {
        switch ready {
        case "True": return "good"
        case "False": return "bad"
        default: return "unknown"
        }
    }

    /// A badge: a coloured label whose text says the state itself, so colour is never the only cue.
    static func badge(_ text: String, _ cssClass: String) -> String {
        "<span class=\"badge \(cssClass)\">\(HTML.escape(text))</span>"
    }
}
