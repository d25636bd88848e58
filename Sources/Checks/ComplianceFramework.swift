import Foundation
import Model

/// A compliance framework (CIS benchmark, AWS FSBP, NIST SP 800-53) as data: controls that checks map to through
/// `references.cis`, or that name their checks themselves.
public struct ComplianceFramework: Sendable, Hashable {
    /// The key used in `references.cis` (`cis-aws`).
    public var id: String
    public var name: String
    public var version: String
    public var controls: [ComplianceControl]
    /// Control ID → the check IDs the framework file lists under the control (`checks:`). A framework that is not
    /// the check authors' own (FSBP, NIST) keeps its mapping here, so check files stay untouched; the library folds
    /// it into the checks' `references.cis` when it loads.
    public var controlChecks: [String: [String]]

    /// Builds a framework.
    public init(
        id: String, name: String, version: String, controls: [ComplianceControl], controlChecks: [String: [String]] = [:]
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.controls = controls
        self.controlChecks = controlChecks
    }

    /// Parses a framework file: `{id, name, version, controls: [{id, title, automated, checks}]}`.
    public static func load(yaml text: String, file: String) -> Result<ComplianceFramework, Diagnostic> {
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { throw LoadError("framework file is empty", line: 1, column: 1) }
            try root.requireKeys(in: ["id", "name", "version", "controls"], "a framework")
            func required(_ key: String) throws(LoadError) -> YNode {
                guard let node = root[key] else { throw root.error("missing required key '\(key)'") }
                return node
            }
            let controlsNode = try required("controls")
            guard let items = controlsNode.sequenceItems else { throw controlsNode.error("'controls' must be a list") }
            var controls: [ComplianceControl] = []
            var controlChecks: [String: [String]] = [:]
            var seen = Set<String>()
            for item in items {
                try item.requireKeys(in: ["id", "title", "automated", "checks"], "a control")
                guard let idNode = item["id"], let titleNode = item["title"] else { throw item.error("a control needs 'id' and 'title'") }
                let id = try idNode.requireString("control id")
                guard seen.insert(id).inserted else { throw idNode.error("duplicate control id '\(id)'", .duplicate) }
                var automated = true
                if let a = item["automated"] {
                    guard case .bool(let b)? = a.scalarValue else { throw a.error("'automated' must be true or false") }
                    automated = b
                }
                if let checksNode = item["checks"] {
                    let ids = try checksNode.requireStringList("checks of control \(id)")
                    guard !ids.isEmpty else { throw checksNode.error("'checks' of control \(id) is empty") }
                    guard Set(ids).count == ids.count else {
                        throw checksNode.error("'checks' of control \(id) repeats a check", .duplicate)
                    }
                    controlChecks[id] = ids
                }
                controls.append(ComplianceControl(id: id, title: try titleNode.requireString("control title"), automated: automated))
            }
            return .success(
                ComplianceFramework(
                    id: try required("id").requireString("id"), name: try required("name").requireString("name"),
                    version: try required("version").requireString("version"), controls: controls,
                    controlChecks: controlChecks))
        } catch {
            return .failure(error.diagnostic(file: file))
        }
    }

    /// Reads a framework file from disk.
    public static func load(file: String) -> Result<ComplianceFramework, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(.io, "cannot read framework file", at: .wholeFile(file)))
        }
        return load(yaml: text, file: file)
    }
}

/// Per-control status of one framework over a set of results, and the framework score.
public struct ComplianceSummary: Sendable {
    public var framework: ComplianceFramework
    public var controls: [ControlResult]

    /// Controls passed / (passed + failed); nil when no control was decided.
    public var score: Double? {
        let passed = controls.filter { $0.status == .passed }.count
        let failed = controls.filter { $0.status == .failed }.count
        return passed + failed == 0 ? nil : Double(passed) / Double(passed + failed)
    }

    /// Number of controls in `status`.
    public func count(_ status: ControlStatus) -> Int { controls.filter { $0.status == status }.count }

    /// Groups `results` by the controls their checks reference in `framework.id`; skipped results count for nothing.
    public static func compute(framework: ComplianceFramework, results: [CheckResult]) -> ComplianceSummary {
        var tallies: [String: (passed: Int, failed: Int, unknown: Int)] = [:]
        for result in results {
            guard let ids = result.check.references.cis[framework.id] else { continue }
            for id in ids {
                var t = tallies[id] ?? (0, 0, 0)
                switch result.verdict {
                case .passed: t.passed += 1
                case .failed: t.failed += 1
                case .unknown: t.unknown += 1
                case .skipped: break
                }
                tallies[id] = t
            }
        }
        let controls = framework.controls.map { control -> ControlResult in
            let t = tallies[control.id] ?? (0, 0, 0)
            let status: ControlStatus
            if !control.automated {
                status = .notAutomated
            } else if t.failed > 0 {
                status = .failed
            } else if t.unknown > 0 {
                status = .unknown
            } else if t.passed > 0 {
                status = .passed
            } else {
                status = .notApplicable
            }
            return ControlResult(control: control, status: status, passed: t.passed, failed: t.failed, unknown: t.unknown)
        }
        return ComplianceSummary(framework: framework, controls: controls)
    }
}
