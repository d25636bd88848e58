import ArgumentParser
import Drift
import Foundation
import HCL
import Model
import Store

/// Output formats of `bulwark drift show`.
enum StoredDriftFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// Stored drift rows as a table (one section per kind, as `bulwark drift` prints them) or JSON.
enum StoredDriftRenderer {
    /// Section titles by stored kind, in display order; `changed` is how earlier versions stored `drifted`.
    static let sections: [(kinds: Set<String>, title: String)] = [
        (["drifted", "changed"], "Drifted — live differs from the state"),
        (["missing"], "Missing"),
        (["unmanaged"], "Unmanaged"),
        (["pending"], "Pending — the code differs from the state; apply"),
    ]

    /// The rows of `scan` in `format`, ending with a newline.
    static func render(_ rows: [DriftRecord], scan: StoredScan, format: StoredDriftFormat) -> String {
        switch format {
        case .json:
            let items: [Value] = rows.map { r in
                .object([
                    "kind": .string(r.kind == "changed" ? "drifted" : r.kind), "type": .string(r.resourceType),
                    "address": .string(r.address), "id": r.liveID.map(Value.string) ?? .null,
                    "attribute": r.attribute.map(Value.string) ?? .null, "desired": r.desired.map(Value.string) ?? .null,
                    "live": r.live.map(Value.string) ?? .null,
                ])
            }
            return JSONEncoding.encode(
                .object([
                    "target": .string(scan.target), "commit": .string(scan.commit),
                    "finished_at": .string(ISO8601DateFormatter().string(from: scan.finishedAt)), "rows": .tuple(items),
                ])) + "\n"
        case .table:
            var out = "Drift stored for \(scan.target) at \(scan.commit.prefix(12))\n"
            for section in sections {
                let selected = rows.filter { section.kinds.contains($0.kind) }
                guard !selected.isEmpty else { continue }
                out += "\n\(section.title) (\(selected.count))\n"
                var table = [["ADDRESS", "ID", "ATTRIBUTE", "DESIRED", "LIVE"]]
                table += selected.map { [$0.address, $0.liveID ?? "", $0.attribute ?? "", $0.desired ?? "", $0.live ?? ""] }
                out += DriftRenderer.columns(table)
            }
            if rows.isEmpty { out += "No drift.\n" }
            return out
        }
    }
}
