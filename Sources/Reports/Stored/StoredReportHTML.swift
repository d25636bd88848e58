import Model

/// The HTML shell and building blocks of the stored reports: one self-contained page (inline CSS, inline SVG,
/// no scripts, fonts, images or links), escaped throughout, readable on screen and on paper.
enum StoredReportHTML {
    static func e(_ s: String) -> String { TextEscaping.xml(s) }

    /// A whole document around `body`.
    static func page(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(e(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n\(body)</main>\n</body>\n</html>\n"
    }

    /// A status or severity badge; the word is always printed, so colour is never the only signal.
    static func badge(_ value: String) -> String {
        let cls = value.lowercased().filter { $0.isLetter || $0 == "_" }
        return "<span class=\"badge b-\(cls)\">\(e(StoredReportText.label(value)))</span>"
    }

    /// Labelled facts (`target`, `commit`…) as a definition list.
    static func facts(_ items: [(String, String)]) -> String {
        var out = "<dl class=\"facts\">\n"
        for (k, v) in items { out += "<div><dt>\(e(k))</dt><dd>\(e(v))</dd></div>\n" }
        return out + "</dl>\n"
    }

    /// A table; `cells` are already HTML (callers escape text with `e`). `numeric` columns align right.
    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(e(empty))</p>\n" }
        var out = "<table>\n<thead><tr>"
        for (i, h) in headers.enumerated() { out += "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(e(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, c) in row.enumerated() { out += "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(c)</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The trend chart section; an empty history says so instead of drawing empty axes.
    static func trend(_ rows: [HistoryRow], label: String) -> String {
        var out = "<section class=\"chart\">\n<h2>Score per commit</h2>\n"
        if rows.isEmpty {
            out += "<p class=\"empty\">No scans recorded yet.</p>\n"
        } else {
            out += "<figure>\n" + ScoreTrendChart.svg(rows, label: label)
            out += "<figcaption>Controls passed / (passed + failed) for each scanned commit, oldest first. "
            out += "Hollow markers on the axis: no control decided.</figcaption>\n</figure>\n"
        }
        return out + "</section>\n"
    }

    /// Findings as table rows: severity, check, resource (with its location), controls, first seen, state.
    /// `state` replaces each row's own state (resolved findings were `open` when last seen); controls are those of
    /// `framework`, or all when nil.
    static func findingRows(_ rows: [StoredFinding], framework: String?, state: LifecycleState? = nil) -> [[String]] {
        StoredReportText.bySeverity(rows).map { f in
            let location = StoredReportText.location(f)
            return [
                badge(f.severity.rawValue), "<code>\(e(f.checkID))</code><br>\(e(f.title))",
                "<code>\(e(f.resourceAddress))</code>" + (location.isEmpty ? "" : "<br><span class=\"loc\">\(e(location))</span>"),
                e(StoredReportText.controls(f, framework: framework).joined(separator: ", ")),
                "<code>\(e(f.firstSeenCommit.map(StoredReportText.shortSHA) ?? ""))</code>",
                badge((state ?? StoredReportText.state(f)).rawValue),
            ]
        }
    }

    static let findingHeaders = ["Severity", "Check", "Resource", "Controls", "First seen", "State"]

    static let css = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-alt: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 8px 24px; margin: 0; }
        .facts div { min-width: 0; }
        .facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0 4px; }
        .tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
        .tile .n { display: block; font-size: 26px; font-weight: 600; }
        .tile .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .tile.score { border-width: 2px; border-color: var(--fg); }
        table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
        th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: var(--bg-alt); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor;
          font-size: 12px; font-weight: 600; white-space: nowrap; }
        .b-passed { color: #1a7f37; background: #dafbe1; }
        .b-failed, .b-critical { color: #a40e26; background: #ffebe9; }
        .b-high { color: #bc4c00; background: #fff1e5; }
        .b-medium, .b-unknown { color: #7d4e00; background: #fff8c5; }
        .b-low, .b-open { color: #0550ae; background: #ddf4ff; }
        .b-new { color: #8250df; background: #fbefff; }
        .b-not_applicable, .b-manual, .b-resolved, .b-unchanged { color: #59636e; background: #f6f8fa; }
        .empty { color: var(--muted); font-style: italic; }
        .loc { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
        figure { margin: 0; }
        figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
        svg.trend { width: 100%; height: auto; max-height: 340px; display: block; }
        svg.trend .grid { stroke: #e4e8ec; stroke-width: 1; }
        svg.trend .axis { stroke: #59636e; stroke-width: 1.2; }
        svg.trend text { font: 11px system-ui, sans-serif; fill: #59636e; }
        svg.trend .axistitle { font-weight: 600; fill: #1f2328; }
        svg.trend .xlabel { font-family: ui-monospace, Menlo, Consolas, monospace; }
        svg.trend .line { fill: none; stroke: #0969da; stroke-width: 2.2; }
        svg.trend .point { fill: #0969da; stroke: #fff; stroke-width: 1.5; }
        svg.trend .point.none { fill: #fff; stroke: #59636e; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        @media print {
          @page { margin: 14mm; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          tbody tr:nth-child(even) { background: none; }
          tr, .tile, figure { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          .tile { min-width: 0; padding: 6px 12px; }
          .tile .n { font-size: 16pt; }
          .badge { background: none !important; color: #000 !important; border-color: #000; }
          .chart { break-inside: avoid; page-break-inside: avoid; }
          svg.trend { max-height: 75mm; }
          svg.trend .point { stroke: #000; }
        }

        """
}
