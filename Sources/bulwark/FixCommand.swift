import ArgumentParser
import Checks
import Dispatch
import Foundation
import Model
import Remediation
import Reports
import Scanner
import Terraform

/// `bulwark fix`: scan, plan the IaC fixes of the failed findings as minimal HCL edits, and write them
/// (or print them as a unified diff with --dry-run).
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the IaC fixes of failed findings to Terraform files (minimal textual edits).",
        discussion: """
            Scans PATH… like `bulwark scan`, then fixes every FAILED finding whose check declares a fix: only the \
            bytes that must change are edited; comments and formatting stay. A value that comes from a variable is \
            fixed where it is defined when that is in the repository (default, .tfvars, module call); anything \
            else is left manual with the reason. Every fix is verified by re-checking the edited configuration. \
            Files that do not load (a syntax error, a reference that does not resolve) are listed as FILE:LINE:COLUMN and \
            never edited; the findings of the files that load are fixed.

            Exit status:
              0  every failed finding that has a fix was fixed
              1  some fixes are left manual (reasons are printed)
              2  usage error, or the check library, a path or the scan failed (nothing written); or some edited \
                 files could not be written (listed as FILE:LINE:COLUMN of their first edit, for instance a \
                 symbolic link to a file outside the scanned directories); every other file was written
              3  some Terraform files did not load (listed as FILE:LINE:COLUMN); what loaded was fixed as printed

            A symbolic link to a .tf file is edited through: the file it names is changed and the link stays, as \
            long as that file is inside the scanned directories. An edited file keeps its permission bits and owner.
            """
    )

    @Argument(help: "Directories or .tf files to fix.")
    var paths: [String] = ["."]

    @Option(
        name: .customLong("check"),
        help: "Fix only these checks (IDs, Checkov/AVD IDs, * wildcards, severities; comma-separated, repeatable).")
    var include: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print the edits as a unified diff instead of writing them.")
    var dryRun = false

    @Option(
        name: .customLong("admin-cidr"),
        help: "The CIDR SSH/RDP rules open to the internet are narrowed to; without it those fixes are manual.")
    var adminCIDR: String?

    @Option(
        name: .customLong("allow-read"),
        help: "A directory file functions and module sources may read besides the scanned repository (repeatable).")
    var allowRead: [String] = []

    @Option(name: [.short, .customLong("format")], help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("checks-dir"),
        help: "The check library directory, replacing the built-in one (default: $BULWARK_CHECKS_DIR, else the built-in library).")
    var checksDir: String?

    /// How the outcome is printed.
    enum OutputFormat: String, ExpressibleByArgument {
        case text, json
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var options = ScanOptions()
        options.library = CheckLibraryLocator.load(explicit: checksDir, environment: environment)
        options.filter = CheckFilter(include: include, exclude: [])
        options.environment = environment
        options.allowRead = allowRead.map { ScanPaths.absolute($0) }
        // The scan's evaluated root modules verify fixes that only edit resource blocks; verification loads without
        // TF_VAR_ values, so with any set the scan's values are not the ones verification would see.
        if !environment.keys.contains(where: { $0.hasPrefix("TF_VAR_") }) { options.scopes = ModuleScopes() }
        let started = DispatchTime.now().uptimeNanoseconds
        let report: ScanReport
        do {
            report = try ScanRunner.run(paths: paths, options: options)
        } catch {
            FileHandle.standardError.write(Data("bulwark fix: \(error)\n".utf8))
            FastExit.now(2)
        }
        let scanned = DispatchTime.now().uptimeNanoseconds
        let scanPaths = ScanPaths(root: options.scanRoot)
        let fixPaths = FixPaths(scanPaths)
        // A check library that does not load would fix with the wrong checks; a tree file that does not load only
        // hides its own findings (edits to it are refused, as they would not parse), so the rest is fixed.
        let roots = paths.map { path -> String in
            let absolute = ScanPaths.absolute(path)
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && !isDirectory.boolValue
                ? (absolute as NSString).deletingLastPathComponent : absolute
        }
        let errors = FixLoadErrors(
            report.diagnostics, checksDirectory: options.library.directory.map { ScanPaths.absolute($0) },
            roots: roots, absolute: fixPaths.absolute)
        let missing = paths.filter { !FileManager.default.fileExists(atPath: ScanPaths.absolute($0)) }
        if !errors.fatal.isEmpty || !missing.isEmpty {
            for error in errors.fatal { FileHandle.standardError.write(Data("bulwark fix: \(error.display)\n".utf8)) }
            for path in missing { FileHandle.standardError.write(Data("bulwark fix: \(path): no such file or directory\n".utf8)) }
            FastExit.now(2)
        }
        let targets = report.findings.compactMap { finding -> FixTarget? in
            guard finding.result.verdict == .failed, let location = finding.location else { return nil }
            var result = finding.result
            if var range = result.range {
                range.file = fixPaths.absolute(location.file)
                result.range = range
            }
            return FixTarget(result: result, rootDirectory: fixPaths.absolute(finding.input))
        }
        // Verifying a fix re-evaluates the tree: its reads are confined as the scan's were.
        var verification = LoadOptions()
        verification.readRoots = ScanRunner.readRoots(paths, allowing: options.allowRead, in: DiskFileTree())
        let planner = IaCFixPlanner(
            context: FixContext(
                adminCIDR: adminCIDR, searchRoots: roots, loadOptions: verification, scopes: options.scopes))
        let plan = planner.plan(targets: targets, in: DiskFileTree(), checkIDs: nil)
        let planned = DispatchTime.now().uptimeNanoseconds

        // Only a dry run prints the diff; a large file's diff costs as much as planning its fixes.
        var diff = ""
        for edit in plan.edits where dryRun {
            let name = fixPaths.relative(edit.path)
            diff += UnifiedDiff.make(old: edit.original, new: edit.updated, oldName: "a/" + name, newName: "b/" + name)
        }
        // One file that cannot be written does not keep the others from being written; each failure is listed.
        var failedWrites: [String] = []
        var unwritten = Set<String>()
        if !dryRun {
            // The directories as named, not as resolved: a file argument that is a link confines to the link's
            // directory, not to wherever it points.
            let writer = FixFileWriter(
                roots: paths.map { path -> String in
                    let lexical = TreePath.clean(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
                    var isDirectory: ObjCBool = false
                    return FileManager.default.fileExists(atPath: lexical, isDirectory: &isDirectory) && !isDirectory.boolValue
                        ? (lexical as NSString).deletingLastPathComponent : lexical
                })
            for edit in plan.edits {
                do throws(FixFileWriter.Failure) {
                    try writer.write(edit)
                } catch {
                    unwritten.insert(edit.path)
                    failedWrites.append("\(fixPaths.relative(error.path)):\(error.line):\(error.column): \(error.reason)")
                }
            }
        }
        let reported = plan.withoutWrites(to: unwritten)
        let timing = FixTiming(scanSeconds: Double(scanned - started) / 1e9, planSeconds: Double(planned - scanned) / 1e9)
        switch format {
        case .text:
            print(
                FixOutput.text(
                    reported, diff: dryRun ? diff : nil, notLoaded: errors.tree, notWritten: failedWrites,
                    relative: fixPaths.relative),
                terminator: "")
        case .json:
            print(
                FixOutput.json(
                    reported, diff: dryRun ? diff : nil, dryRun: dryRun, timing: timing, notLoaded: errors.tree,
                    notWritten: failedWrites, relative: fixPaths.relative))
        }
        for error in errors.tree { FileHandle.standardError.write(Data("bulwark fix: \(error.display)\n".utf8)) }
        for failure in failedWrites { FileHandle.standardError.write(Data("bulwark fix: \(failure)\n".utf8)) }
        FastExit.now(!failedWrites.isEmpty ? 2 : !errors.tree.isEmpty ? 3 : reported.manual.isEmpty ? 0 : 1)
    }
}

/// How long the scan and the planning took, for `-f json` and the benchmark.
struct FixTiming {
    var scanSeconds: Double
    var planSeconds: Double
}
