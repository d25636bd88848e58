import ArgumentParser
import Drift
import Foundation
import Posture
import Scanner

/// `bulwark drift [detect]`: the desired Terraform state against what discovery reads live.
struct DriftDetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Compare Terraform state and configuration with live cloud resources: drifted, pending, missing, unmanaged, coverage.",
        discussion: """
            The desired side is --state (a state file, s3://bucket/key, or s3://bucket/prefix/ for every .tfstate object \
            under it; repeatable, merged; fetched with the AWS credentials), or, \
            without --state, the state named by the `backend "s3"` (or "local") block of PATH's configuration; \
            PATH's configuration (its .tf files, or a `terraform show -json` plan file) is compared with the \
            state by resource address: an attribute the configuration sets to another known value than the \
            state's is pending (values known only after apply, and attributes the configuration leaves out, are \
            not compared); a resource in the configuration only is pending creation (no live ID to match, never \
            missing or unmanaged), one in the state only pending destruction. The live side is compared with the \
            state. Ignore rules match a resource's IDs and its address. The live side is discovery of --cloud, with the same credentials and endpoints as `bulwark \
            discover`. Ignore rules come from --ignore, else .bulwarkignore in PATH (or in the plan file's \
            directory) when it exists.

            A service that answers AccessDenied, or a region that fails, is listed under "errors" / "Not read": \
            the diff covers what was read, and never hides what was not.

            A setting that was not read is never drift: the resources concerned are listed under "Not read" / \
            "not_read". --deadline, --request-timeout, --connect-timeout and --breaker-threshold bound the cloud \
            reads as for `bulwark discover`.

            Three kinds of difference are kept apart: drifted (live differs from the state: someone changed the \
            cloud), pending (the code differs from the state, a resource is in the code only, or was removed from \
            the code: apply needed), and missing / unmanaged. Provider-managed defaults (default VPC, subnets, \
            groups, route tables and network ACLs, account settings at default, instance root volumes, bucket \
            sub-resources at AWS's default) are neither listed nor counted in coverage without --show-defaults.

            Exit status: 0 in sync; 1 the cloud drifted (drifted, missing or unmanaged); 2 error (no state, \
            cloud not readable, usage error); 3 no drift in what was read, but some part was not read; 4 only \
            pending (apply needed, the cloud matches the state).
            """
    )

    @Option(help: "State file or s3://bucket/key (default: the backend block of PATH); repeat to merge several states.")
    var state: [String] = []

    @Argument(help: "The Terraform root module directory or a plan JSON file (default: the current directory).")
    var path: String = "."

    @OptionGroup var selection: CloudOptions

    @Option(help: "A .bulwarkignore file (default: PATH/.bulwarkignore).")
    var ignore: String?

    @Flag(
        help: ArgumentHelp(
            "Append a rule for each difference found to the ignore file (--ignore, else PATH/.bulwarkignore): a baseline.",
            discussion: "Rules name resources by Terraform address where the state or code names them, else by ID."))
    var writeIgnore = false

    @Flag(help: "List and count provider-managed defaults (default VPC and groups, root volumes, account settings at default).")
    var showDefaults = false

    @Option(
        name: .customLong("checks-dir"),
        help: "Check library directory, for its drift attribute table (default: $BULWARK_CHECKS_DIR, else the built-in one).")
    var checksDirectory: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let attributes = CheckLibraryLocator.dataFile(
            LivePosture.attributeFileName, explicit: checksDirectory, environment: environment)
        var request = DriftRequest(
            state: state.first, path: path,
            cloud: selection.liveCloud,
            ignoreFile: ignore, attributeFile: attributes, limits: selection.limits, showDefaults: showDefaults)
        request.moreStates = Array(state.dropFirst())
        let outcome = await DriftRun.run(request, environment: environment)
        FileHandle.standardOutput.write(Data(outcome.render(selection.format == .json ? .json : .table).utf8))
        if let error = outcome.error { FileHandle.standardError.write(Data("bulwark drift: \(error)\n".utf8)) }
        if writeIgnore, let report = outcome.report, outcome.error == nil {
            let file = ignore ?? DriftIgnoreBaseline.defaultFile(path: path)
            let rules = DriftIgnoreBaseline.rules(report)
            do {
                try DriftIgnoreBaseline.append(rules, to: file, date: Date())
            } catch {
                FileHandle.standardError.write(Data("bulwark drift: cannot write \(file): \(error)\n".utf8))
                throw ExitCode(2)
            }
            FileHandle.standardError.write(Data("bulwark drift: \(rules.count) rule(s) appended to \(file)\n".utf8))
            return
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
