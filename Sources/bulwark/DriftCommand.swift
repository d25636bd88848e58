import ArgumentParser
import Drift
import Foundation
import Posture
import Scanner

/// `bulwark drift`: the desired Terraform state against what discovery reads live.
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare Terraform state and configuration with live cloud resources: changed, missing, unmanaged, pending, coverage.",
        discussion: """
            The desired side is --state (a state file or s3://bucket/key, fetched with the AWS credentials), or, \
            without --state, the state named by the `backend "s3"` (or "local") block of PATH's configuration; \
            PATH's configuration (its .tf files, or a `terraform show -json` plan file) is merged into it by \
            resource address: an attribute the configuration sets to a known value overrides the state's (the \
            configuration is the intent, the state the last apply); values known only after apply, and \
            attributes the configuration leaves out, keep the state's. A resource in the configuration but not \
            in the state is listed as pending (not yet applied: it has no live ID to match), never as missing or \
            unmanaged; .bulwarkignore ID patterns match its address. State-only resources are compared as they \
            are. The live side is discovery of --cloud, with the same credentials and endpoints as `bulwark \
            discover`. Ignore rules come from --ignore, else .bulwarkignore in PATH (or in the plan file's \
            directory) when it exists.

            A service that answers AccessDenied, or a region that fails, is listed under "errors" / "Not read": \
            the diff covers what was read, and never hides what was not.

            A setting that was not read is never drift: the resources concerned are listed under "Not read" / \
            "not_read". --deadline, --request-timeout, --connect-timeout and --breaker-threshold bound the cloud \
            reads as for `bulwark discover`.

            Exit status: 0 in sync; 1 drift found (changed, missing, unmanaged or pending); 2 error (no state, \
            cloud not readable, usage error); 3 no drift in what was read, but some part was not read.
            """
    )

    @Option(help: "State file or s3://bucket/key (default: the backend block of PATH).")
    var state: String?

    @Argument(help: "The Terraform root module directory or a plan JSON file (default: the current directory).")
    var path: String = "."

    @OptionGroup var selection: CloudOptions

    @Option(help: "A .bulwarkignore file (default: PATH/.bulwarkignore).")
    var ignore: String?

    @Option(
        name: .customLong("checks-dir"),
        help: "Check library directory, for its drift attribute table (default: $BULWARK_CHECKS_DIR, else the built-in one).")
    var checksDirectory: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let attributes = CheckLibraryLocator.dataFile(
            LivePosture.attributeFileName, explicit: checksDirectory, environment: environment)
        let request = DriftRequest(
            state: state, path: path,
            cloud: selection.liveCloud,
            ignoreFile: ignore, attributeFile: attributes, limits: selection.limits)
        let outcome = await DriftRun.run(request, environment: environment)
        FileHandle.standardOutput.write(Data(outcome.render(selection.format == .json ? .json : .table).utf8))
        if let error = outcome.error { FileHandle.standardError.write(Data("bulwark drift: \(error)\n".utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
