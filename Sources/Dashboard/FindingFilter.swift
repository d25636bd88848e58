import Model

/// The findings table's filters, read from the GET form on the target page: severity, verdict and a text that
/// must occur in the check, title, resource or file. Unrecognised values fall back to the defaults.
struct FindingFilter: Sendable, Equatable {
    /// Which verdicts to show.
    enum VerdictChoice: String, Sendable, CaseIterable {
        /// Failed and unknown: what needs a person's attention (an unknown is never hidden as a pass).
        case attention, failed, unknown, passed, skipped, all

        var label: String {
            switch self {
            case .attention: return "Failed or unknown"
            case .all: return "Any verdict"
            default: return rawValue.capitalized
            }
        }

        func admits(_ verdict: Verdict.Kind) -> Bool {
            switch self {
            case .attention: return verdict == .failed || verdict == .unknown
            case .all: return true
            default: return verdict.rawValue == rawValue
            }
        }
    }

    var severity: Severity?
    var verdict: VerdictChoice = .attention
    var text: String = ""

    /// The filter a query string asks for.
    init(query: FormFields) {
        severity = query["severity"].flatMap(Severity.init(rawValue:))
        verdict = query["verdict"].flatMap(VerdictChoice.init(rawValue:)) ?? .attention
        text = String((query.nonEmpty("q") ?? "").prefix(200))
    }

    /// The rows the filter keeps, in their order.
    func apply(_ rows: [StoredFinding]) -> [StoredFinding] {
        rows.filter { row in
            if let severity, row.severity != severity { return false }
            guard verdict.admits(row.verdict) else { return false }
            guard !text.isEmpty else { return true }
            return [row.checkID, row.title, row.resourceAddress, row.file ?? ""].contains {
                $0.localizedCaseInsensitiveContains(text)
            }
        }
    }

    /// The GET form that sets the filter, for the target at `path`.
    func form(action path: String) -> String {
        let e = HTML.escape
        var out = "<form class=\"filters\" method=\"get\" action=\"\(e(path))\" aria-label=\"Filter findings\">\n"
        out += "<label>Severity <select name=\"severity\"><option value=\"\">Any severity</option>"
        for s in Severity.allCases.reversed() {
            out += "<option value=\"\(s.rawValue)\"\(s == severity ? " selected" : "")>\(s.displayName)</option>"
        }
        out += "</select></label>\n<label>Verdict <select name=\"verdict\">"
        for v in VerdictChoice.allCases {
            out += "<option value=\"\(v.rawValue)\"\(v == verdict ? " selected" : "")>\(e(v.label))</option>"
        }
        out += "</select></label>\n"
        out += "<label>Text <input type=\"search\" name=\"q\" value=\"\(e(text))\" maxlength=\"200\"></label>\n"
        out += "<button type=\"submit\">Filter</button>\n</form>\n"
        return out
    }
}
