import ArgumentParser
import Foundation
import Model
import Scanner
import Terraform

/// `bulwark inspect`: load Terraform (directories, files, plan or state JSON) and print the resource model.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load Terraform configurations, plans or states and print the resources Bulwark sees.",
        discussion: """
            Each PATH is a module directory, a .tf/.tf.json file, a plan (terraform show -json) or a state file.
            Exit status: 0 when everything loaded, 2 when any input had a load error (resources that did load are still printed).
            """
    )

    @Argument(help: "Module directories, .tf files, plan JSON or state JSON files.")
    var paths: [String]

    @Option(name: .customLong("var-file"), help: "A tfvars file for the root module (repeatable, applied in order).")
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: "A root variable value as NAME=VALUE (repeatable).")
    var variables: [String] = []

    @Option(help: "Output format: text, json, or summary (counts only).")
    var format: OutputFormat = .text

    @Option(name: .customLong("max-instances"), help: "Most instances one count/for_each may create.")
    var maxInstances: Int = 10_000

    @Option(
        name: .customLong("allow-read"),
        help: "A directory file functions and module sources may read besides the scanned repository (repeatable).")
    var allowRead: [String] = []

    @Flag(name: .customLong("show-attributes"), help: "In text output, print each resource's attributes.")
    var showAttributes = false

    enum OutputFormat: String, ExpressibleByArgument {
        case text
        case json
        case summary
    }

    func run() throws {
        var options = LoadOptions()
        options.varFiles = varFiles
        options.maxInstances = maxInstances
        options.environment = ProcessInfo.processInfo.environment
        for v in variables {
            guard let eq = v.firstIndex(of: "=") else {
                throw ValidationError("--var takes NAME=VALUE, got \"\(v)\"")
            }
            options.variableOverrides.append((String(v[..<eq]), String(v[v.index(after: eq)...])))
        }
        // Reads stay inside each input's repository and the --allow-read directories, as in `scan`.
        options.readRoots = ScanRunner.readRoots(paths, allowing: allowRead, in: options.fileTree)
        let inputs = TerraformInput.loadAll(paths, options: options)
        switch format {
        case .json: print(InspectReport.json(inputs))
        case .summary: print(InspectReport.summary(inputs))
        case .text: print(InspectReport.text(inputs, showAttributes: showAttributes), terminator: "")
        }
        FastExit.now(inputs.contains(where: { $0.diagnostics.contains { $0.severity == .error } }) ? 2 : 0)
    }
}
