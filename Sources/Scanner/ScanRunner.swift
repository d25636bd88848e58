import Checks
import Dispatch
import Foundation
import Model
import Reports
import Terraform

/// Runs a whole scan with a loaded check library: inputs (root modules in parallel), suppressions, baseline, compliance.
public enum ScanRunner {
    /// Scans `paths` (directories, `.tf` files, plan or state JSON). Input problems become report diagnostics
    /// and never hide the findings of other inputs; only unusable options throw.
    public static func run(paths inputPaths: [String], options: ScanOptions) throws(ScanError) -> ScanReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let tree = options.fileTree
        let paths = ScanPaths(root: options.scanRoot, tree: tree)
        let relativeToRoot: (String) -> String = { paths.relative($0) }
        var diagnostics: [ReportDiagnostic] = []

        let library = options.library
        diagnostics += library.diagnostics.map { ReportDiagnostic($0, path: relativeToRoot) }
        if !library.hasSource { throw .noChecks }
        for framework in options.frameworks where library.frameworks[framework] == nil {
            throw .unknownFramework(framework, available: library.frameworks.keys.sorted())
        }
        // Every check of a deferred library runs unless a filter or framework selects among them: its checks are then
        // compiled per input, only for the types the input holds.
        let checks: [CheckDefinition]
        let checkSource: ScanChecks
        let checkCount: Int
        if let deferred = library.deferred, options.filter == CheckFilter(), options.frameworks.isEmpty {
            checks = []
            checkSource = .byType(deferred)
            checkCount = deferred.count
        } else {
            checks = library.checks.filter { check in
                guard options.filter.selects(check) else { return false }
                if options.frameworks.isEmpty { return true }
                return options.frameworks.contains { !(check.references.cis[$0] ?? []).isEmpty }
            }
            checkSource = .engine(CheckEngine(checks: checks))
            checkCount = checks.count
        }

        let baseline: FindingBaseline?
        do {
            baseline = try options.baselineFile.map { file throws(DiagnosticsError) in try FindingBaseline.read(file: file) }
        } catch {
            throw .unreadableBaseline(error.diagnostics.map(\.message).joined(separator: "; "))
        }

        // Skip files: expiry is judged once here, so each input sees only live skips and the warning is printed once.
        var skips: [ConfigSkip] = []
        for file in options.skipConfigFiles {
            let loaded = SkipConfig.load(file: file)
            skips += loaded.skips
            diagnostics += loaded.diagnostics.map { ReportDiagnostic($0, path: relativeToRoot) }
        }
        let expiry = SuppressionContext(skips: skips, today: options.today)
        diagnostics += expiry.diagnostics.map { ReportDiagnostic($0, path: relativeToRoot) }
        let liveSkips = skips.filter { skip in skip.expires.map { !($0 < options.today) } ?? true }

        let (targets, targetDiagnostics) = expand(inputPaths, in: tree)
        diagnostics += targetDiagnostics.map { ReportDiagnostic($0, path: relativeToRoot) }
        var loadOptions = LoadOptions()
        loadOptions.varFiles = options.varFiles.map { ScanPaths.absolute($0, in: tree) }
        loadOptions.variableOverrides = options.variables
        loadOptions.environment = options.environment
        loadOptions.fileTree = tree
        loadOptions.treeRoots = inputPaths.map { ScanPaths.absolute($0, in: tree) }
        loadOptions.deadline = options.deadline
        loadOptions.maxInputFileSize = options.maxInputFileSize
        loadOptions.readRoots = readRoots(inputPaths, allowing: options.allowRead, in: tree)
        loadOptions.scopes = options.scopes
        let scanner = InputScanner(
            checks: checkSource, skips: liveSkips, loadOptions: loadOptions,
            paths: paths, today: options.today)
        // The slots go when the closure returns, so each input's findings have one owner and are freed as soon
        // as they are moved into the scan's list: the findings are held once, not once per step.
        var scans: [InputScan] = {
            let slots = ConcurrentSlots<InputScan>(count: targets.count)
            DispatchQueue.concurrentPerform(iterations: targets.count) { i in
                slots.store(scanner.scan(targets[i]), at: i)
            }
            return slots.values()
        }()
        var findings: [Finding] = []
        findings.reserveCapacity(scans.reduce(0) { $0 + $1.findings.count })
        var resourceCount = 0
        var resources: [ScannedResource] = []
        for i in scans.indices {
            findings += scans[i].findings
            scans[i].findings = []
            diagnostics += scans[i].diagnostics
            resourceCount += scans[i].resourceCount
            resources += scans[i].resources
            scans[i].resources = []
        }

        if let file = options.createBaselineFile {
            do {
                try baselineOf(findings).write(file: file)
            } catch {
                throw .baselineNotWritten(file: file, reason: "\(error)")
            }
        }
        // Compliance reflects the configuration as it is, so it is computed before the baseline hides anything.
        let compliance = summaries(findings.map(\.result), frameworks: library.frameworks, only: options.frameworks)
        var baselined = 0
        if let baseline {
            let known = Set(baseline.findings.map(\.fingerprint))
            findings = findings.filter { f in
                guard f.result.verdict == .failed, known.contains(f.fingerprint) else { return true }
                baselined += 1
                return false
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return ScanReport(
            tool: options.tool, findings: consume findings, diagnostics: Array(Set(diagnostics)),
            compliance: compliance, checks: checks, checkCount: checkCount,
            baselined: baselined, resourceCount: resourceCount,
            durationSeconds: seconds, resources: resources)
    }

    /// A baseline of the failed findings, keyed by the same qualified address the findings' fingerprints use.
    public static func baselineOf(_ findings: [Finding]) -> FindingBaseline {
        var seen = Set<Fingerprint>()
        var entries: [FindingBaseline.Finding] = []
        for f in findings where f.result.verdict == .failed {
            let entry = FindingBaseline.Finding(
                checkID: f.result.checkID,
                resource: Finding.qualifiedAddress(f.result.resourceAddress, input: f.input))
            if seen.insert(entry.fingerprint).inserted { entries.append(entry) }
        }
        return FindingBaseline(findings: entries.sorted { ($0.checkID, $0.resource) < ($1.checkID, $1.resource) })
    }

    /// The directories a scan of `inputPaths` may read: each input's repository (or the input itself when it is in
    /// none), and the operator's additions.
    public static func readRoots(_ inputPaths: [String], allowing extra: [String], in tree: any FileTree) -> ReadRoots {
        let scanned = inputPaths.map { ReadRoots.scanRoot(of: ScanPaths.absolute($0, in: tree), in: tree) }
        return ReadRoots(scanned + extra.map { ScanPaths.absolute($0, in: tree) }, in: tree)
    }

    /// Directories become their root modules; files stay. Paths are absolute and each appears once.
    static func expand(_ inputPaths: [String], in tree: any FileTree) -> (targets: [String], diagnostics: [Diagnostic]) {
        var targets: [String] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        for raw in inputPaths {
            let path = ScanPaths.absolute(raw, in: tree)
            if tree.resolvedKind(path) == .directory {
                let roots = RootModuleFinder.find(in: path, tree: tree)
                if roots.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .noTerraform, "no Terraform files (.tf, .tf.json) found", at: .wholeFile(path),
                            severity: .warning))
                }
                for root in roots where seen.insert(root).inserted { targets.append(root) }
            } else if seen.insert(path).inserted {
                // Missing files are passed on: the loader reports them as load errors with the path.
                targets.append(path)
            }
        }
        return (targets, diagnostics)
    }

    /// One summary per framework that some result maps to (or each of `only` when it names any), sorted by ID.
    static func summaries(
        _ results: [CheckResult], frameworks: @autoclosure () -> [String: ComplianceFramework], only: [String]
    )
        -> [ComplianceSummary]
    {
        var touched = Set<String>()
        if !only.isEmpty {
            touched.formUnion(only)
        } else {
            for r in results { for (id, controls) in r.check.references.cis where !controls.isEmpty { touched.insert(id) } }
        }
        // A deferred library loads its frameworks only when some result or option needs one.
        guard !touched.isEmpty else { return [] }
        let frameworks = frameworks()
        return touched.sorted().compactMap { id in
            frameworks[id].map { ComplianceSummary.compute(framework: $0, results: results) }
        }
    }
}

extension Diagnostic.Code {
    /// A directory given to `bulwark scan` holds no Terraform configuration.
    public static let noTerraform: Diagnostic.Code = "no_terraform"
}
