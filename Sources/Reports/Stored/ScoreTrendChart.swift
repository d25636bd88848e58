import Foundation

/// An inline SVG line chart of the compliance score per commit: axes, gridlines at every 25 %, one marker per
/// commit (hollow on the axis when the commit had no decided control), short SHAs under the x axis.
///
/// Everything is drawn with plain SVG elements and a `viewBox`, so the chart scales to the page and prints
/// without scripts, fonts or external resources.
public enum ScoreTrendChart {
    static let width = 760.0
    static let height = 280.0
    private static let left = 52.0, right = 20.0, top = 16.0, bottom = 74.0
    /// More labels than this would overlap; the rest of the commits keep their markers and tooltips.
    static let maxLabels = 24

    /// The chart for `rows` (already oldest first); `label` names it for screen readers.
    public static func svg(_ rows: [HistoryRow], label: String) -> String {
        let plotW = width - left - right
        let plotH = height - top - bottom
        func x(_ i: Int) -> Double { rows.count == 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(rows.count - 1) }
        func y(_ score: Double) -> Double { top + plotH * (1 - min(max(score, 0), 1)) }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }
        let e = TextEscaping.xml

        var out = "<svg class=\"trend\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(e(label))\" "
        out += "preserveAspectRatio=\"xMidYMid meet\">\n"
        out += "<title>\(e(label))</title>\n"
        for pct in stride(from: 0, through: 100, by: 25) {
            let gy = y(Double(pct) / 100)
            out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(gy))\" x2=\"\(n(width - right))\" y2=\"\(n(gy))\"/>"
            out += "<text class=\"ylabel\" x=\"\(n(left - 8))\" y=\"\(n(gy + 4))\" text-anchor=\"end\">\(pct)%</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotH))\"/>"
        out += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top + plotH))\" x2=\"\(n(width - right))\" y2=\"\(n(top + plotH))\"/>\n"
        out += "<text class=\"axistitle\" x=\"14\" y=\"\(n(top + plotH / 2))\" text-anchor=\"middle\" "
        out += "transform=\"rotate(-90 14 \(n(top + plotH / 2)))\">Score</text>\n"
        out += "<text class=\"axistitle\" x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">Commit</text>\n"

        // The line breaks where a commit has no score instead of pretending one.
        var segment: [String] = []
        var lines: [String] = []
        for (i, row) in rows.enumerated() {
            if let s = row.score {
                segment.append("\(n(x(i))),\(n(y(s)))")
            } else if !segment.isEmpty {
                lines.append(segment.joined(separator: " "))
                segment = []
            }
        }
        if !segment.isEmpty { lines.append(segment.joined(separator: " ")) }
        for points in lines where points.contains(" ") {
            out += "<polyline class=\"line\" points=\"\(points)\"/>\n"
        }

        let step = max(1, Int((Double(rows.count) / Double(maxLabels)).rounded(.up)))
        for (i, row) in rows.enumerated() {
            let sha = StoredReportText.shortSHA(row.commit)
            let tip = "\(sha) \(StoredReportText.date(row.date)): \(TextEscaping.percent(row.score))"
            if let s = row.score {
                out += "<circle class=\"point\" cx=\"\(n(x(i)))\" cy=\"\(n(y(s)))\" r=\"4\"><title>\(e(tip))</title></circle>"
            } else {
                out += "<circle class=\"point none\" cx=\"\(n(x(i)))\" cy=\"\(n(top + plotH))\" r=\"4\"><title>\(e(tip))</title></circle>"
            }
            let labelled = (rows.count - 1 - i) % step == 0
            if labelled {
                let lx = x(i)
                let ly = top + plotH + 14
                out += "<text class=\"xlabel\" x=\"\(n(lx))\" y=\"\(n(ly))\" text-anchor=\"end\" "
                out += "transform=\"rotate(-40 \(n(lx)) \(n(ly)))\">\(e(sha))</text>"
            }
            out += "\n"
        }
        out += "</svg>\n"
        return out
    }
}
