import HCL
import Model

/// Output formats of a drift report.
public enum DriftFormat: String, Sendable, CaseIterable {
    case json
    case table
}

/// Renders a `DriftReport` as JSON (stable, keys sorted) or as a plain-text table.
public enum DriftRenderer {
    /// The report in `format`, ending with a newline.
    public static func render(_ report: DriftReport, format: DriftFormat) -> String {
        switch format {
        case .json: return json(report)
        case .table: return table(report)
        }
    }

    /// `{"changed":[…],"coverage":…,"diagnostics":[…],"live":…,"managed":…,"missing":[…],"pending":[…],"unmanaged":[…]}`.
    public static func json(_ report: DriftReport) -> String {
        JSONEncoding.encode(document(report)) + "\n"
    }

    /// The JSON document of `json(_:)` as a value, for callers that add keys of their own (`bulwark drift`).
    public static func document(_ report: DriftReport) -> Value {
        let changed: [Value] = report.changed.map { c in
            .object([
                "type": .string(c.type), "address": .string(c.address), "id": .string(c.id),
                "attribute": .string(c.attribute), "desired": c.desired, "live": c.live,
            ])
        }
        func refs(_ list: [DriftResourceRef]) -> Value {
            .tuple(
                list.map { r in
                    .object([
                        "type": .string(r.type), "address": r.address.map(Value.string) ?? .null, "id": .string(r.id),
                        "account": r.account.map(Value.string) ?? .null, "region": r.region.map(Value.string) ?? .null,
                    ])
                })
        }
        let pending: [Value] = report.pending.map { p in
            .object([
                "type": .string(p.type), "address": .string(p.address), "file": p.file.map(Value.string) ?? .null,
                "line": p.line.map { .number(Double($0)) } ?? .null,
            ])
        }
        return Value.object([
            "changed": .tuple(changed),
            "pending": .tuple(pending),
            "missing": refs(report.missing),
            "unmanaged": refs(report.unmanaged),
            "managed": .number(Double(report.managedCount)),
            "live": .number(Double(report.liveCount)),
            "coverage": .number((report.coverage * 10_000).rounded() / 10_000),
            "diagnostics": .tuple(report.diagnostics.map { .string($0.description) }),
            "not_read": .tuple(
                report.notRead.map { n in
                    .object([
                        "type": .string(n.type), "address": .string(n.address), "id": .string(n.id),
                        "attributes": .tuple(n.attributes.map(Value.string)),
                    ])
                }),
        ])
    }

    /// Four sections (changed, missing, unmanaged, pending) of aligned columns, then the coverage line.
    public static func table(_ report: DriftReport) -> String {
        var out = ""
        if !report.changed.isEmpty {
            out += "Changed (\(report.changed.count))\n"
            out += columns(
                [["ADDRESS", "ATTRIBUTE", "DESIRED", "LIVE"]]
                    + report.changed.map {
                        [$0.address, $0.attribute, $0.desired.description, $0.live.description]
                    })
        }
        if !report.missing.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "Missing (\(report.missing.count))\n"
            out += columns([["ADDRESS", "ID"]] + report.missing.map { [$0.address ?? "", $0.id] })
        }
        if !report.unmanaged.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "Unmanaged (\(report.unmanaged.count))\n"
            out += columns([["TYPE", "ID", "REGION"]] + report.unmanaged.map { [$0.type, $0.id, $0.region ?? ""] })
        }
        if !report.pending.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "Pending — in the configuration, not yet applied (\(report.pending.count))\n"
            out += columns([["ADDRESS", "TYPE", "DECLARED AT"]] + report.pending.map { [$0.address, $0.type, $0.location] })
        }
        if !report.notRead.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "Not read — drift unknown (\(report.notRead.count))\n"
            out += columns(
                [["ADDRESS", "ATTRIBUTES"]]
                    + report.notRead.map { [$0.address, $0.attributes.isEmpty ? "(all)" : $0.attributes.joined(separator: ", ")] })
        }
        if !report.hasDrift { out += report.notRead.isEmpty ? "No drift.\n" : "No drift in what was read.\n" }
        let percent = Value.formatNumber((report.coverage * 1000).rounded() / 10)
        out += (out.isEmpty ? "" : "\n") + "Coverage: \(report.managedCount) of \(report.liveCount) live resources managed (\(percent)%)\n"
        for d in report.diagnostics { out += d.description + "\n" }
        return out
    }

    /// Left-aligned columns, two spaces apart; cells longer than 60 characters are cut with `…`.
    private static func columns(_ rows: [[String]]) -> String {
        let cells = rows.map { $0.map { $0.count > 60 ? String($0.prefix(59)) + "…" : $0 } }
        var widths: [Int] = []
        for row in cells {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        var out = ""
        for row in cells {
            var line = "  "
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
