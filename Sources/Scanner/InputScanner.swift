import Checks
import Foundation
import Model
import Reports
import Terraform

/// What one input (a root module, a `.tf` file, a plan or a state) contributed to a scan.
struct InputScan: Sendable {
    var findings: [Finding] = []
    var diagnostics: [ReportDiagnostic] = []
    var resourceCount = 0
    var resources: [ScannedResource] = []
}

/// Loads one input, reads its inline suppressions and evaluates the checks on it.
///
/// Each input gets its own resource graph and suppression context: two root modules may both declare
/// `aws_s3_bucket.logs`, and a comment in one must not skip the other.
struct InputScanner: Sendable {
    let checks: ScanChecks
    let skips: [ConfigSkip]
    let loadOptions: LoadOptions
    let paths: ScanPaths
    let today: CalendarDate

    /// Scans `path` (absolute).
    func scan(_ path: String) -> InputScan {
        let tree = loadOptions.fileTree
        let input = TerraformInput.load(path, options: loadOptions)
        // Source ranges name files relative to the directory the loader was given (the module directory,
        // or the directory of a plan whose .tf sources sit beside it); absolute names stay as they are.
        let base = input.kind == .module ? path : (path as NSString).deletingLastPathComponent
        // Resolving a path touches the file system (symlinks); thousands of results share a few files.
        var realPaths: [String: String] = [:]
        let real: (String) -> String = { name in
            if let known = realPaths[name] { return known }
            var resolved = ScanPaths.absolute(name, base: base, in: tree)
            // A link in the tree to a file elsewhere is named by the link: where it points is not the tree's to tell.
            let lexical = TreePath.clean(name.hasPrefix("/") ? name : base + "/" + name)
            if !paths.contains(resolved), paths.contains(lexical) { resolved = lexical }
            realPaths[name] = resolved
            return resolved
        }
        var relativePaths: [String: String] = [:]
        let relative: (String) -> String = { name in
            if let known = relativePaths[name] { return known }
            let resolved = real(name)
            let shown = paths.contains(resolved) ? paths.relativeInside(resolved) : paths.relative(resolved)
            relativePaths[name] = shown
            return shown
        }
        let inputName = paths.relative(path)
        let qualifier = paths.relative(base)

        // Each file is read and split once; a file without any suppression comment is not searched per block.
        var fileLines: [String: [Substring]?] = [:]
        var inline: [String: [Suppression]] = [:]
        for resource in input.resources {
            guard let range = resource.origin.sourceRange else { continue }
            let file = real(range.file)
            if fileLines[file] == nil {
                var text: String?
                if case .success(let bytes) = tree.read(file, maxSize: loadOptions.maxFileSize) {
                    text = String(validating: bytes, as: UTF8.self)
                }
                let mayHaveSuppressions = text.map { $0.contains("skip") || $0.contains("ignore") } ?? false
                fileLines[file] = mayHaveSuppressions ? text?.split(separator: "\n", omittingEmptySubsequences: false) : .some(nil)
            }
            guard let lines = fileLines[file] ?? nil else { continue }
            let found = InlineSuppressions.parse(lines: lines, range: range)
            if !found.isEmpty { inline[resource.address, default: []].append(contentsOf: found) }
        }
        let context = SuppressionContext(inline: inline, skips: skips, today: today)
        let engine = checks.engine(for: input.resources)
        var results: [CheckResult] = []
        var stopped: [Diagnostic] = []
        if let deadline = loadOptions.deadline {
            do {
                results = try engine.evaluate(graph: ResourceGraph(input.resources), suppressions: context, deadline: deadline)
            } catch {
                stopped.append(error)
            }
        } else {
            results = engine.evaluate(graph: ResourceGraph(input.resources), suppressions: context)
        }

        var scan = InputScan()
        scan.resourceCount = input.resources.count
        scan.resources = input.resources.map { resource in
            let range = resource.origin.sourceRange
            var live: Resource.LiveOrigin?
            if case .live(let origin) = resource.origin { live = origin }
            return ScannedResource(
                address: Finding.qualifiedAddress(resource.address, input: qualifier), type: resource.type,
                provider: resource.provider, origin: live == nil ? .iac : .live,
                file: range.map { relative($0.file) } ?? (live == nil ? inputName : nil), line: range?.start.line,
                liveID: live?.id, region: live?.region)
        }
        scan.findings = results.map { result in
            let location: FindingLocation
            if let range = result.range {
                location = FindingLocation(
                    file: relative(range.file), startLine: range.start.line,
                    startColumn: range.start.column, endLine: range.end.line)
            } else {
                // State resources (and plan resources without sources beside the plan) point at the JSON file.
                location = FindingLocation(file: inputName)
            }
            // The qualifier is the module directory, so scanning `envs/prod`, `envs/prod/main.tf` or a plan saved
            // in `envs/prod` gives the same fingerprints.
            return Finding(result: result, location: location, input: qualifier)
        }
        scan.diagnostics = (input.diagnostics + context.diagnostics + stopped).map { ReportDiagnostic($0, path: { relative($0) }) }
        return scan
    }
}
