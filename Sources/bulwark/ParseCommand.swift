import ArgumentParser
import Dispatch
import Foundation
import HCL
import Model
import Terraform

/// `bulwark parse`: syntax-check Terraform files without evaluating them (what `terraform fmt -check` parses).
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Syntax-check every .tf, .tf.json, .tfvars(.json) and .hcl file under the given paths.",
        discussion: "Exit status: 0 when every file parsed, 2 when any file has a syntax error."
    )

    @Argument(help: "Files or directories (walked recursively, hidden directories skipped).")
    var paths: [String]

    @Flag(help: "Print only the summary line.")
    var quiet = false

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = SyntaxCheck.run(paths)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !quiet {
            for d in result.diagnostics { print(d) }
        }
        let rate = seconds > 0 ? Double(result.bytes) / seconds / 1e6 : 0
        print(
            "parsed \(result.files.count) files (\(result.bytes) bytes) in \(String(format: "%.3f", seconds)) s (\(String(format: "%.1f", rate)) MB/s), \(errors.count) errors"
        )
        if !errors.isEmpty { throw ExitCode(2) }
    }
}
