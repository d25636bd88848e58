import Checks
import Model

/// The `sarif` output format: SARIF 2.1.0 as GitHub code scanning ingests it.
///
/// Only FAILED results become SARIF results (passed, unknown and skipped ones are not alerts); load errors
/// and warnings become tool execution notifications so they show in the upload's run details. A report over the
/// upload limits (`SARIFLimits`) keeps its most severe results and says how many it left out in a notification.
public enum SARIFReport {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The notification ID of a run whose results were cut to fit the upload limits.
    public static let truncatedNotification = "results-truncated"

    /// The report as SARIF JSON. `scanRoot` is the absolute directory the report's relative paths resolve
    /// against; `sourceRoot` (default: `scanRoot`) is `%SRCROOT%`, which every artifact URI inside it is made
    /// relative to (`SARIFSourceRoot.locate` finds the repository root).
    public static func render(
        _ report: ScanReport, scanRoot: String, sourceRoot: String? = nil, limits: SARIFLimits = .github
    ) -> String {
        let failed = report.failed
        let ranked = SARIFLimits.rankBySeverity(failed)
        // The `count` most severe results, written in report order.
        func pick(_ count: Int) -> [Finding] {
            count >= failed.count ? failed : ranked.prefix(count).sorted().map { failed[$0] }
        }
        var count = min(failed.count, limits.maxResults)
        var text = document(report, results: pick(count), limits: limits, scanRoot: scanRoot, sourceRoot: sourceRoot).rendered()
        // Each pass shrinks the results in proportion to the excess (with a margin), so a few passes suffice.
        while count > 0 {
            let size = SARIFLimits.gzipSize(text) ?? Int.max
            if size <= limits.maxGzipBytes { break }
            let ratio = Double(limits.maxGzipBytes) / Double(size) * 0.9
            count = min(count - 1, Int(Double(count) * ratio))
            text = document(report, results: pick(count), limits: limits, scanRoot: scanRoot, sourceRoot: sourceRoot).rendered()
        }
        return text
    }

    /// The SARIF tree with every failed result (no limits).
    public static func document(_ report: ScanReport, scanRoot: String, sourceRoot: String? = nil) -> JSONOutput {
        document(report, results: report.failed, limits: nil, scanRoot: scanRoot, sourceRoot: sourceRoot)
    }

    /// The SARIF tree with `results` (failed findings of `report`, possibly cut to `limits`), in report order.
    static func document(
        _ report: ScanReport, results: [Finding], limits: SARIFLimits?, scanRoot: String, sourceRoot: String?
    ) -> JSONOutput {
        let roots = Roots(scanRoot: scanRoot, sourceRoot: sourceRoot ?? scanRoot)
        let omitted = report.failed.count - results.count
        let failed = results
        var rulesByID: [String: CheckDefinition] = [:]
        for f in failed { rulesByID[f.result.checkID] = f.result.check }
        let rules = rulesByID.keys.sorted().compactMap { rulesByID[$0] }
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
        let root = roots.sourceRoot.hasSuffix("/") ? roots.sourceRoot : roots.sourceRoot + "/"
        var driver: [(String, JSONOutput)] = [
            ("name", .string(report.tool.name)),
            ("version", .string(report.tool.version)),
            ("semanticVersion", .string(report.tool.version)),
        ]
        if let uri = report.tool.informationURI { driver.append(("informationUri", .string(uri))) }
        driver.append(("rules", .array(rules.map(rule))))
        let run: JSONOutput = .object([
            ("tool", .object([("driver", .object(driver))])),
            ("invocations", .array([invocation(report, roots: roots, omitted: omitted, of: omitted + results.count, limits: limits)])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string("file://" + TextEscaping.uriPath(root)))]))])),
            ("results", .array(failed.map { result($0, ruleIndex: ruleIndex[$0.result.checkID] ?? 0, roots: roots) })),
            ("columnKind", .string("unicodeCodePoints")),
            ("properties", .object([("compliance", .array(report.compliance.map(JSONReport.compliance)))])),
        ])
        return .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    /// GitHub's numeric severity scale (security-severity), as the string it requires.
    public static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        }
    }

    /// SARIF level: critical and high are errors, medium warnings, low notes.
    public static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low: return "note"
        }
    }

    static func rule(_ check: CheckDefinition) -> JSONOutput {
        let refs = check.references
        var tags = ["security", "terraform", check.provider, check.severity.rawValue]
        tags += refs.checkov + refs.avd
        for framework in refs.cis.keys.sorted() { tags += (refs.cis[framework] ?? []).map { "\(framework):\($0)" } }
        let description = check.description.isEmpty ? check.title : check.description
        var help = description
        var markdown = "**\(check.title)**\n\n\(description)"
        if !check.remediation.isEmpty {
            help += "\n\nRemediation: \(check.remediation)"
            markdown += "\n\n**Remediation:** \(check.remediation)"
        }
        if !refs.checkov.isEmpty || !refs.avd.isEmpty {
            let ids = (refs.checkov + refs.avd).joined(separator: ", ")
            help += "\n\nEquivalent rules: \(ids)"
            markdown += "\n\n**Equivalent rules:** \(ids)"
        }
        return .object([
            ("id", .string(check.id)),
            ("name", .string(ruleName(check.title))),
            ("shortDescription", .object([("text", .string(check.title))])),
            ("fullDescription", .object([("text", .string(description))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(check.severity)))])),
            (
                "properties",
                .object([
                    ("security-severity", .string(securitySeverity(check.severity))),
                    ("precision", .string("very-high")),
                    ("tags", .strings(tags)),
                ])
            ),
        ])
    }

    /// `S3 bucket blocks public access` → `S3BucketBlocksPublicAccess`: SARIF wants an identifier-like name.
    static func ruleName(_ title: String) -> String {
        title.split { !($0.isLetter || $0.isNumber) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func result(_ f: Finding, ruleIndex: Int, roots: Roots? = nil) -> JSONOutput {
        let r = f.result
        var text = "\(r.check.title): \(r.resourceAddress)"
        if !r.evidence.isEmpty { text += " (\(r.evidence))" }
        var members: [(String, JSONOutput)] = [
            ("ruleId", .string(r.checkID)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(r.check.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        if let location = f.location {
            members.append(
                (
                    "locations",
                    .array([
                        .object([
                            ("physicalLocation", physicalLocation(location, roots: roots)),
                            (
                                "logicalLocations",
                                .array([
                                    .object([
                                        ("fullyQualifiedName", .string(r.resourceAddress)), ("kind", .string("resource")),
                                    ])
                                ])
                            ),
                        ])
                    ])
                ))
        }
        members.append(("partialFingerprints", .object([("bulwarkFingerprint/v1", .string(f.fingerprint.hex))])))
        return .object(members)
    }

    static func physicalLocation(_ location: FindingLocation, roots: Roots? = nil) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("artifactLocation", artifactLocation(location.file, roots: roots))]
        if let line = location.startLine, line >= 1 {
            var region: [(String, JSONOutput)] = [("startLine", .int(line))]
            if let column = location.startColumn, column >= 1 { region.append(("startColumn", .int(column))) }
            if let end = location.endLine, end >= line { region.append(("endLine", .int(end))) }
            members.append(("region", .object(region)))
        }
        return .object(members)
    }

    /// Where a report's paths resolve (`scanRoot`) and what SARIF URIs are relative to (`sourceRoot`).
    struct Roots {
        var scanRoot: String
        var sourceRoot: String
    }

    /// A path inside `%SRCROOT%` becomes a URI relative to it; a file outside (a module shared from elsewhere on
    /// disk) stays an absolute `file://` URI, since `../` URIs confuse code-scanning uploads. Without `roots`,
    /// relative paths are taken as relative to `%SRCROOT%` already.
    static func artifactLocation(_ file: String, roots: Roots? = nil) -> JSONOutput {
        var relative: String? = file.hasPrefix("/") ? nil : file
        if let roots {
            let absolute = file.hasPrefix("/") ? file : join(roots.scanRoot, file)
            relative = SARIFSourceRoot.standardized(absolute).relative(to: SARIFSourceRoot.standardized(roots.sourceRoot))
        }
        guard let relative else { return .object([("uri", .string("file://" + TextEscaping.uriPath(file)))]) }
        return .object([("uri", .string(TextEscaping.uriPath(relative))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path == "." { return directory }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    static func invocation(
        _ report: ScanReport, roots: Roots? = nil, omitted: Int = 0, of total: Int = 0, limits: SARIFLimits? = nil
    ) -> JSONOutput {
        var notifications = report.diagnostics.map { d -> JSONOutput in
            var members: [(String, JSONOutput)] = [
                ("level", .string(d.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(d.message))])),
                ("descriptor", .object([("id", .string(d.code))])),
            ]
            if let file = d.file {
                let location = FindingLocation(file: file, startLine: d.line, startColumn: d.column)
                members.append(("locations", .array([.object([("physicalLocation", physicalLocation(location, roots: roots))])])))
            }
            return .object(members)
        }
        if omitted > 0, let limits {
            let text =
                "\(omitted) of \(total) results left out to stay within the upload limits (\(limits.maxResults) results, "
                + "\(limits.maxGzipBytes) bytes gzipped): the most severe were kept; see the json output for all of them"
            notifications.append(
                .object([
                    ("level", .string("warning")), ("message", .object([("text", .string(text))])),
                    ("descriptor", .object([("id", .string(truncatedNotification))])),
                ]))
        }
        return .object([
            ("executionSuccessful", .bool(report.loadErrors.isEmpty)),
            ("toolExecutionNotifications", .array(notifications)),
        ])
    }
}

extension String {
    /// `self` (absolute, standardized) relative to `root`, or nil when outside it.
    fileprivate func relative(to root: String) -> String? {
        if self == root { return "." }
        let prefix = root == "/" ? "/" : root + "/"
        return hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
