import Foundation

/// A small inline SVG of a score trend for the targets table: the scores of the recent scans as a line, drawn on
/// the server (no script), labelled for screen readers with the first and last score.
enum Sparkline {
    static let width = 120.0
    static let height = 28.0

    /// The sparkline of `scores` (oldest first; nil = no decided control at that scan), or a dash when fewer than
    /// two scans have a score.
    static func svg(_ scores: [Double?], label: String) -> String {
        let known = scores.compactMap { $0 }
        guard known.count >= 2, let first = known.first, let last = known.last else {
            return "<span class=\"muted\">not enough scans</span>"
        }
        let description = "\(label): \(DisplayText.percent(first)) to \(DisplayText.percent(last)) over \(scores.count) scans"
        let step = (width - 4) / Double(max(scores.count - 1, 1))
        var segments: [[String]] = [[]]
        for (i, score) in scores.enumerated() {
            guard let score else {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            let x = 2 + step * Double(i)
            let y = 2 + (height - 4) * (1 - min(max(score, 0), 1))
            segments[segments.count - 1].append(String(format: "%.1f,%.1f", x, y))
        }
        var out = "<svg class=\"spark\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
        out += "aria-label=\"\(HTML.escape(description))\"><title>\(HTML.escape(description))</title>"
        for points in segments where points.count > 1 {
            out += "<polyline class=\"line\" points=\"\(points.joined(separator: " "))\"/>"
        }
        return out + "</svg>"
    }
}
