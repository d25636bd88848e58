import Foundation
import Model

/// One entry of a skip file: a check (by ID or any reference ID) on resources matching a pattern, until a date.
public struct ConfigSkip: Sendable, Hashable {
    /// A Bulwark check ID or a Checkov/AVD/tfsec ID from the check's references.
    public var check: String
    /// Resource address, or a pattern where `*` matches any run of characters; nil matches every resource.
    public var resource: String?
    public var reason: String
    /// Last day the skip applies; afterwards it is ignored with a warning.
    public var expires: CalendarDate?
    /// Where the entry is written.
    public var range: SourceRange?

    /// Builds a skip.
    public init(
        check: String, resource: String? = nil, reason: String = "", expires: CalendarDate? = nil,
        range: SourceRange? = nil
    ) {
        self.check = check
        self.resource = resource
        self.reason = reason
        self.expires = expires
        self.range = range
    }

    /// Whether the skip names `check` and matches `resource`'s instance or configuration address.
    public func applies(to check: CheckDefinition, resource: Resource) -> Bool {
        let wanted = self.check.uppercased()
        let refs = check.references
        let named =
            check.id.uppercased() == wanted
            || (refs.checkov + refs.avd + refs.tfsec).contains { $0.uppercased() == wanted }
        guard named else { return false }
        guard let pattern = self.resource else { return true }
        return Self.glob(pattern, resource.address) || Self.glob(pattern, resource.configAddress)
    }

    /// `*` matches any run of characters; everything else literally.
    static func glob(_ pattern: String, _ text: String) -> Bool { Wildcard.matches(pattern, text) }
}

/// Reads skip files: `skips: [{check, resource?, reason, expires?}]`.
public enum SkipConfig {
    /// Parses a skip file's text; bad entries yield diagnostics and are left out.
    public static func load(yaml text: String, file: String) -> (skips: [ConfigSkip], diagnostics: [Diagnostic]) {
        var skips: [ConfigSkip] = []
        var diagnostics: [Diagnostic] = []
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { return ([], []) }
            try root.requireKeys(in: ["skips"], "a skip file")
            guard let list = root["skips"] else { return ([], []) }
            guard let items = list.sequenceItems else { throw list.error("'skips' must be a list") }
            for item in items {
                do throws(LoadError) {
                    skips.append(try entry(item, file: file))
                } catch {
                    diagnostics.append(error.diagnostic(file: file))
                }
            }
        } catch {
            diagnostics.append(error.diagnostic(file: file))
        }
        return (skips, diagnostics)
    }

    /// Reads and parses a skip file from disk.
    public static func load(file: String) -> (skips: [ConfigSkip], diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return ([], [Diagnostic(.io, "cannot read skip file", at: .wholeFile(file))])
        }
        return load(yaml: text, file: file)
    }

    private static func entry(_ node: YNode, file: String) throws(LoadError) -> ConfigSkip {
        try node.requireKeys(in: ["check", "resource", "reason", "expires"], "a skip")
        guard let check = node["check"] else { throw node.error("a skip needs 'check'") }
        guard let reasonNode = node["reason"] else { throw node.error("a skip needs a 'reason'") }
        var expires: CalendarDate?
        if let e = node["expires"] {
            let text = try e.requireString("expires")
            guard let date = CalendarDate(text) else { throw e.error("expires must be a date YYYY-MM-DD") }
            expires = date
        }
        let position = SourcePosition(line: node.line, column: node.column, byte: 0)
        return ConfigSkip(
            check: try check.requireString("check"),
            resource: try node["resource"]?.requireString("resource"),
            reason: try reasonNode.requireString("reason"),
            expires: expires,
            range: SourceRange(file: file, start: position, end: position))
    }
}

/// The suppressions in force for one evaluation: inline comments by resource address and config skips,
/// with expired ones dropped and reported as warnings.
public struct SuppressionContext: Sendable {
    private var inline: [String: [Suppression]]
    private var skips: [ConfigSkip]
    /// Warnings about expired suppressions, which no longer apply.
    public private(set) var diagnostics: [Diagnostic]

    /// Keeps the suppressions still valid on `today`; `inline` is keyed by resource address (instance or config).
    public init(inline: [String: [Suppression]] = [:], skips: [ConfigSkip] = [], today: CalendarDate = .today()) {
        var diagnostics: [Diagnostic] = []
        var active: [String: [Suppression]] = [:]
        for (address, list) in inline {
            for s in list {
                if let expires = s.expires, expires < today {
                    diagnostics.append(
                        Diagnostic(
                            .expiredSkip,
                            "\(s.directive) on \(address) expired on \(expires); the check applies again",
                            at: s.range, severity: .warning))
                } else {
                    active[address, default: []].append(s)
                }
            }
        }
        var activeSkips: [ConfigSkip] = []
        for skip in skips {
            if let expires = skip.expires, expires < today {
                let target = skip.resource.map { " for \($0)" } ?? ""
                diagnostics.append(
                    Diagnostic(
                        .expiredSkip,
                        "skip of \(skip.check)\(target) expired on \(expires); the check applies again",
                        at: skip.range, severity: .warning))
            } else {
                activeSkips.append(skip)
            }
        }
        self.inline = active
        self.skips = activeSkips
        self.diagnostics = diagnostics.sorted { $0.message < $1.message }
    }

    /// True when nothing is suppressed, so the engine can skip the lookups.
    public var isEmpty: Bool { inline.isEmpty && skips.isEmpty }

    /// Why `check` is skipped on `resource`, or nil when it is not.
    public func skipReason(for check: CheckDefinition, resource: Resource) -> String? {
        if isEmpty { return nil }
        for key in [resource.address, resource.configAddress] {
            for s in inline[key] ?? [] where s.applies(to: check) {
                return s.reason.isEmpty ? s.directive : "\(s.directive): \(s.reason)"
            }
            if resource.address == resource.configAddress { break }
        }
        for skip in skips where skip.applies(to: check, resource: resource) {
            let place = skip.range.map { " (\($0.file):\($0.start.line))" } ?? ""
            return "skipped by configuration\(place): \(skip.reason)"
        }
        return nil
    }
}
