/// The dashboard's one stylesheet, generated from a palette whose text/background pairs are tested for WCAG
/// contrast (at least 4.5:1), with a print style that drops navigation and buttons and keeps tables whole.
enum DashboardStyle {
    /// A colour pair some element uses: text on background.
    struct Pair: Sendable {
        let name: String
        let foreground: String
        let background: String
    }

    /// Every text-on-background pair the stylesheet uses.
    static let palette: [Pair] = [
        Pair(name: "body", foreground: "#1b1f24", background: "#ffffff"),
        Pair(name: "muted", foreground: "#4a5360", background: "#ffffff"),
        Pair(name: "link", foreground: "#0a4d99", background: "#ffffff"),
        Pair(name: "header", foreground: "#ffffff", background: "#1f2d3d"),
        Pair(name: "table-head", foreground: "#1b1f24", background: "#e8ecf1"),
        Pair(name: "stripe", foreground: "#1b1f24", background: "#f5f7fa"),
        Pair(name: "bad", foreground: "#8b1414", background: "#fde8e8"),
        Pair(name: "good", foreground: "#0b5a2c", background: "#e2f3e8"),
        Pair(name: "unknown", foreground: "#5a4300", background: "#fff3cd"),
        Pair(name: "neutral", foreground: "#2f3a47", background: "#e8ecf1"),
        Pair(name: "button", foreground: "#ffffff", background: "#0a4d99"),
        Pair(name: "danger-button", foreground: "#ffffff", background: "#a61b1b"),
        Pair(name: "notice", foreground: "#0b3d75", background: "#e6f0fb"),
    ]

    private static func color(_ name: String) -> Pair {
        palette.first { $0.name == name } ?? palette[0]
    }

    /// `color: …; background: …` of a palette pair.
    private static func colors(_ name: String) -> String {
        let pair = color(name)
        return "color: \(pair.foreground); background: \(pair.background);"
    }

    /// The stylesheet served at `/static/dashboard.css`.
    static let css: String = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font: 16px/1.5 system-ui, "DejaVu Sans", sans-serif; \(colors("body")) }
        body { margin: 0; }
        a { color: \(color("link").foreground); }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid \(color("link").foreground); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; \(colors("button")) }
        .skip:focus { left: 1rem; }
        header.site { \(colors("header")) padding: .6rem 1.5rem; display: flex; flex-wrap: wrap; gap: 1.5rem;
          align-items: center; }
        header.site a { color: \(color("header").foreground); }
        header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
        header.site nav ul { list-style: none; display: flex; gap: 1.25rem; margin: 0; padding: 0; }
        header.site nav a[aria-current="page"] { text-decoration-thickness: 3px; text-underline-offset: 4px; }
        header.site .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; }
        header.site .who button { \(colors("neutral")) border: 0; }
        main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
        .muted { color: \(color("muted").foreground); }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #c5ccd6; }
        thead th { \(colors("table-head")) }
        tbody tr:nth-child(even) { background: \(color("stripe").background); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-weight: 600; font-size: .85rem; }
        .bad { \(colors("bad")) }
        .good { \(colors("good")) }
        .unknown { \(colors("unknown")) }
        .neutral { \(colors("neutral")) }
        .notice { \(colors("notice")) padding: .6rem 1rem; border-left: 4px solid \(color("notice").foreground); }
        .error { \(colors("bad")) padding: .6rem 1rem; border-left: 4px solid \(color("bad").foreground); }
        form.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: .5rem 0; }
        form.filters label, form.login label { display: flex; flex-direction: column; font-weight: 600; gap: .2rem; }
        input, select, button { font: inherit; font-weight: 400; padding: .35rem .6rem; border: 1px solid #6b7684; border-radius: .25rem; }
        button { \(colors("button")) border-color: \(color("button").background); cursor: pointer; }
        button.reject { \(colors("danger-button")) border-color: \(color("danger-button").background); }
        form.decision { display: inline; margin-right: .35rem; }
        form.login { max-width: 26rem; display: flex; flex-direction: column; gap: 1rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; margin: 0; }
        .cards div { border: 1px solid #c5ccd6; border-radius: .4rem; padding: .6rem .9rem; }
        .cards dt { font-size: .85rem; color: \(color("muted").foreground); }
        .cards dd { margin: 0; font-size: 1.15rem; font-weight: 600; overflow-wrap: anywhere; }
        svg.trend { width: 100%; max-width: 760px; height: auto; display: block; }
        svg.spark { width: 120px; height: 28px; vertical-align: middle; }
        svg .grid { stroke: #d5dbe3; stroke-width: 1; }
        svg .axis { stroke: #4a5360; stroke-width: 1.5; }
        svg .line { fill: none; stroke: \(color("link").foreground); stroke-width: 2.5; }
        svg .point { fill: \(color("link").foreground); }
        svg .point.none { fill: #ffffff; stroke: #4a5360; stroke-width: 1.5; }
        svg text { fill: \(color("body").foreground); font-size: 12px; }
        @media print {
          header.site nav, header.site .who, .skip, form.filters, form.decision, form.logout { display: none; }
          header.site { color: #000000; background: #ffffff; border-bottom: 2px solid #000000; }
          header.site a { color: #000000; }
          html { font-size: 11pt; color: #000000; background: #ffffff; }
          main { max-width: none; padding: 0; }
          a { color: #000000; }
          tr, svg, .cards div { break-inside: avoid; }
          thead { display: table-header-group; }
          tbody tr:nth-child(even) { background: #ffffff; }
          .bad, .good, .unknown, .neutral { background: #ffffff; color: #000000; border: 1px solid #000000; }
        }

        """
}
