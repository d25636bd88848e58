import Foundation
import Model

/// `bulwark drift --write-ignore` (driftctl's `gen-driftignore`): one `.bulwarkignore` rule per difference of a
/// report, so today's differences are accepted and only new ones are reported.
///
/// Resources the state or the code names are written by address (`aws_s3_bucket.logs`, what the table shows),
/// unmanaged ones by ID; attributes by their index-free path (`versioning_configuration.status`), which also
/// covers every rule of a set (`ingress`).
public enum DriftIgnoreBaseline {
    /// The rules, in report order, without repeats.
    public static func rules(_ report: DriftReport) -> [String] {
        var out: [String] = []
        func add(_ rule: String) { if !out.contains(rule) { out.append(rule) } }
        for change in report.changed + report.pendingChanges {
            add(addressRule(type: change.type, address: change.address) + "." + pattern(change.attribute))
        }
        for ref in report.missing { add(addressRule(type: ref.type, address: ref.address ?? ref.id)) }
        for ref in report.unmanaged { add(ref.type + "." + escape(ref.id)) }
        for pending in report.pending { add(addressRule(type: pending.type, address: pending.address)) }
        return out
    }

    /// The text appended to an ignore file: a dated comment, then the rules.
    public static func text(_ rules: [String], date: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: date)
        return "# accepted by bulwark drift --write-ignore on \(stamp)\n" + rules.map { $0 + "\n" }.joined()
    }

    /// `.bulwarkignore` beside the configuration: in `path` when it is a directory, else in the file's directory.
    public static func defaultFile(path: String) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let directory = !exists || isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        return (directory.isEmpty ? "." : directory) + "/.bulwarkignore"
    }

    /// Appends the rules to `file` (created when missing), keeping what it holds.
    public static func append(_ rules: [String], to file: String, date: Date) throws {
        var existing = ""
        if let data = FileManager.default.contents(atPath: file) { existing = String(decoding: data, as: UTF8.self) }
        if !existing.isEmpty, !existing.hasSuffix("\n") { existing += "\n" }
        try OutputFile(path: file).write(existing + text(rules, date: date))
    }

    /// `type.name` for `type.name`, `type.<escaped address>` for an address inside a module.
    static func addressRule(type: String, address: String) -> String {
        let prefix = type + "."
        if address.hasPrefix(prefix) { return prefix + escape(String(address.dropFirst(prefix.count))) }
        return prefix + escape(address)
    }

    /// A display path without list indices or set markers: `a[0].b` → `a.b`, `ingress[+]` → `ingress`.
    static func pattern(_ path: String) -> String {
        var out = ""
        var depth = 0
        for ch in path {
            if ch == "[" {
                depth += 1
            } else if ch == "]" {
                depth -= 1
            } else if depth == 0 {
                out.append(ch)
            }
        }
        return out
    }

    /// An ID with its dots and backslashes escaped, as a rule segment.
    static func escape(_ id: String) -> String {
        id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ".", with: "\\.")
    }
}
