/// Writes one entry of the JSON report's `results` straight into the output: the bytes `JSONReport.result(_:)`
/// renders at depth 2, without building its tree, since a large scan writes hundreds of thousands of them.
enum JSONResultWriter {
    private static let member = "\n      \""
    private static let item = "\n        "
    private static let nestedItem = "\n          "

    /// Appends the result object of `f` (without leading indentation or trailing comma).
    static func write(_ f: Finding, into out: inout String) {
        let r = f.result
        let check = r.check
        let refs = check.references
        out += "{"
        string("check_id", r.checkID, into: &out, first: true)
        strings("checkov_ids", refs.checkov, into: &out)
        strings("avd_ids", refs.avd, into: &out)
        string("title", check.title, into: &out)
        string("severity", check.severity.rawValue, into: &out)
        string("resource", r.resourceAddress, into: &out)
        string("resource_type", r.resourceType, into: &out)
        string("input", f.input, into: &out)
        optional("file", f.location?.file, into: &out)
        int("line", f.location?.startLine, into: &out)
        int("end_line", f.location?.endLine, into: &out)
        string("verdict", r.verdict.description, into: &out)
        let reason = f.reason
        optional("reason", reason.isEmpty ? nil : reason, into: &out)
        string("evidence", r.evidence, into: &out)
        string("fingerprint", f.fingerprint.hex, into: &out)
        key("compliance", into: &out)
        if refs.cis.isEmpty {
            out += "{}"
        } else {
            out += "{"
            for (i, framework) in refs.cis.keys.sorted().enumerated() {
                out += i == 0 ? item : "," + item
                JSONOutput.writeString(framework, into: &out)
                out += ": "
                list(refs.cis[framework] ?? [], itemIndent: nestedItem, closing: item + "]", into: &out)
            }
            out += "\n      }"
        }
        out += "\n    }"
    }

    private static func key(_ name: String, into out: inout String, first: Bool = false) {
        out += first ? member : "," + member
        out += name
        out += "\": "
    }

    private static func string(_ name: String, _ value: String, into out: inout String, first: Bool = false) {
        key(name, into: &out, first: first)
        JSONOutput.writeString(value, into: &out)
    }

    private static func optional(_ name: String, _ value: String?, into out: inout String) {
        key(name, into: &out)
        if let value { JSONOutput.writeString(value, into: &out) } else { out += "null" }
    }

    private static func int(_ name: String, _ value: Int?, into out: inout String) {
        key(name, into: &out)
        if let value { out += String(value) } else { out += "null" }
    }

    private static func strings(_ name: String, _ values: [String], into out: inout String) {
        key(name, into: &out)
        list(values, itemIndent: item, closing: "\n      ]", into: &out)
    }

    private static func list(_ values: [String], itemIndent: String, closing: String, into out: inout String) {
        guard !values.isEmpty else {
            out += "[]"
            return
        }
        out += "["
        for (i, v) in values.enumerated() {
            out += i == 0 ? itemIndent : "," + itemIndent
            JSONOutput.writeString(v, into: &out)
        }
        out += closing
    }
}
