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

    /// `{"coverage":…,"defaults_hidden":…,"diagnostics":[…],"drifted":[…],"live":…,"managed":…,"missing":[…],
    /// "not_read":[…],"pending":[…],"unmanaged":[…]}`; every row names its `kind`.
    public static func json(_ report: DriftReport) -> String {
        JSONEncoding.encode(document(report)) + "\n"
    }

    /// The JSON document of `json(_:)` as a value, for callers that add keys of their own (`bulwark drift`).
    public static func document(_ report: DriftReport) -> Value {
        let drifted: [Value] = report.changed.map { c in
            .object([
                "kind": .string(c.kind.rawValue), "type": .string(c.type), "address": .string(c.address), "id": .string(c.id),
                "attribute": .string(c.attribute), "state": c.desired, "live": c.live,
            ])
        }
        func refs(_ list: [DriftResourceRef], kind: String) -> Value {
            .tuple(
                list.map { r in
                    .object([
                        "kind": .string(kind), "type": .string(r.type), "address": r.address.map(Value.string) ?? .null,
                        "id": .string(r.id), "account": r.account.map(Value.string) ?? .null,
                        "region": r.region.map(Value.string) ?? .null,
                    ])
                })
        }
        var pending: [Value] = report.pendingChanges.map { c in
            .object([
                "kind": .string(c.kind.rawValue), "action": .string("update"), "type": .string(c.type),
                "address": .string(c.address), "id": .string(c.id), "attribute": .string(c.attribute), "code": c.desired,
                "state": c.live,
            ])
        }
        pending += report.pending.map { p in
            .object([
                "kind": .string("pending"), "action": .string(p.action.rawValue), "type": .string(p.type),
                "address": .string(p.address), "id": p.id.map(Value.string) ?? .null,
                "file": p.file.map(Value.string) ?? .null, "line": p.line.map { .number(Double($0)) } ?? .null,
            ])
        }
        return Value.object([
            "drifted": .tuple(drifted),
            "pending": .tuple(pending),
            "missing": refs(report.missing, kind: "missing"),
            "unmanaged": refs(report.unmanaged, kind: "unmanaged"),
            "defaults_hidden": .number(Double(report.defaults.count)),
            "managed": .number(Double(report.managedCount)),
            "live": .number(Double(report.liveCount)),
            "coverage": .number((report.coverage * 10_000).rounded() / 10_000),
            "diagnostics": .tuple(report.diagnostics.map { .string($0.description) }),
            "not_read": .tuple(
                report.notRead.map { n in
                    .object([
                        "type": .string(n.type), "address": .string(n.address), "id": .string(n.id),
                        "attributes": .tuple(n.attributes.map(Value.string)), "region": n.region.map(Value.string) ?? .null,
                    ])
                }),
        ])
    }

    /// One section per kind (drifted, missing, unmanaged, pending), aligned columns with the ID a `.bulwarkignore`
    /// rule can name, then the coverage line.
    public static func table(_ report: DriftReport) -> String {
        var out = ""
        func section(_ title: String, _ rows: [[String]]) {
            out += (out.isEmpty ? "" : "\n") + title + "\n" + columns(rows)
        }
        if !report.changed.isEmpty {
            section(
                "Drifted — live differs from the state (\(report.changed.count))",
                [["ADDRESS", "ID", "ATTRIBUTE", "STATE", "LIVE"]]
                    + report.changed.map { [$0.address, $0.id, $0.attribute, $0.desired.description, $0.live.description] })
        }
        if !report.missing.isEmpty {
            section("Missing (\(report.missing.count))", [["ADDRESS", "ID"]] + report.missing.map { [$0.address ?? "", $0.id] })
        }
        if !report.unmanaged.isEmpty {
            section(
                "Unmanaged (\(report.unmanaged.count))",
                [["TYPE", "ID", "REGION"]] + report.unmanaged.map { [$0.type, $0.id, $0.region ?? ""] })
        }
        if report.hasPending {
            let rows =
                report.pendingChanges.map { [$0.address, $0.id, $0.attribute, $0.desired.description, $0.live.description] }
                + report.pending.map { [$0.address, $0.id ?? "", "(\($0.action.rawValue))", $0.location, ""] }
            section(
                "Pending — the code differs from the state; apply (\(rows.count))",
                [["ADDRESS", "ID", "ATTRIBUTE", "CODE", "STATE"]] + rows)
        }
        if !report.notRead.isEmpty {
            section(
                "Not read — drift unknown (\(report.notRead.count))",
                [["ADDRESS", "ID", "ATTRIBUTES"]]
                    + report.notRead.map {
                        [
                            $0.address, $0.id,
                            $0.region.map { "(region \($0) not read)" }
                                ?? ($0.attributes.isEmpty ? "(all)" : $0.attributes.joined(separator: ", ")),
                        ]
                    })
        }
        if !report.hasDrift { out += report.notRead.isEmpty ? "No drift.\n" : "No drift in what was read.\n" }
        let percent = Value.formatNumber((report.coverage * 1000).rounded() / 10)
        out += (out.isEmpty ? "" : "\n") + "Coverage: \(report.managedCount) of \(report.liveCount) live resources managed (\(percent)%)\n"
        if !report.defaults.isEmpty {
            out += "\(report.defaults.count) provider-managed default(s) not counted (--show-defaults lists them)\n"
        }
        for d in report.diagnostics { out += d.description + "\n" }
        return out
    }

    /// Left-aligned columns, two spaces apart; cells longer than 60 characters are cut with `…`.
    public static func columns(_ rows: [[String]]) -> String {
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
