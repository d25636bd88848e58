import Foundation
import HCL
import Model
import Terraform
import Testing

/// `try`, `can` and attribute access compared with the real `terraform console` on one configuration: what a
/// missing attribute of a known object (variable, local) does, and that a resource attribute Terraform has not
/// computed yet keeps `try` unknown. The console evaluates without a state, so it sees resources as unknown.
@Suite struct TryConsoleOracleTests {
    static let configuration = #"""
        variable "settings" {
          type    = any
          default = { name = "x", nested = { a = 1 }, list = [1, 2] }
        }
        resource "terraform_data" "r" {
          input = "hello"
        }
        locals {
          config = { enabled = true }
          mixed  = { rule = { sse = "aws:kms", key = terraform_data.r.id } }
        }
        """#

    /// Expressions and the output name each is stored under.
    static let expressions: [String] = [
        #"try(var.settings.missing, "fb")"#,
        #"try(var.settings.nested.b, 2)"#,
        #"try(var.settings.list[5], "out-of-range")"#,
        #"try(var.settings.name, "fb")"#,
        #"try(local.config.missing, false)"#,
        #"try(local.config["missing"], "index")"#,
        #"can(local.config.missing)"#,
        #"can(var.settings.nested.a)"#,
        #"try(null, 5)"#,
        #"try(local.mixed.rule.sse, "fb")"#,
        #"try(local.mixed.rule.nokey, "fb")"#,
        #"try(local.mixed, {})"#,
        #"can(local.mixed.rule.key)"#,
        #"try(terraform_data.r.id, "fb")"#,
        #"length(local.mixed.rule)"#,
        #"merge(local.mixed.rule, {z = 1}).sse"#,
        #"lookup(local.mixed.rule, "sse", "d")"#,
        #"[for r in [local.mixed.rule] : r.sse]"#,
        #"flatten([local.mixed.rule])[0].sse"#,
        #"local.mixed.rule == null"#,
    ]

    /// What the console prints per expression: the JSON text, or nil for "(known after apply)". The console
    /// prints only the last of several input lines, so each expression gets a run of its own.
    static func terraformResults(_ terraform: String, in directory: String) throws -> [String?] {
        let config = directory + "/terraformrc"
        try Data().write(to: URL(fileURLWithPath: config))
        return try expressions.map { expression in
            let line = try console(terraform, "jsonencode(\(expression))", in: directory, config: config)
            if line == "(known after apply)" { return nil }
            let (expr, diags) = HCLParser.parseExpression(Array(line.utf8), filename: "console-output")
            guard let expr, diags.isEmpty, case .string(let json) = try Evaluator.evaluate(expr, in: EvalContext()) else {
                throw ConsoleError(line: "\(expression): \(line)")
            }
            return json
        }
    }

    static func console(_ terraform: String, _ input: String, in directory: String, config: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: terraform)
        process.arguments = ["console"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["TF_CLI_CONFIG_FILE"] = config
        env["NO_COLOR"] = "1"
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = Pipe()
        try process.run()
        stdin.fileHandleForWriting.write(Data((input + "\n").utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct ConsoleError: Error {
        var line: String
    }

    @Test func tryAndCanMatchTerraformConsole() throws {
        guard let terraform = TerraformConsoleLocator.path() else {
            Issue.record("terraform is not on PATH; it is required as the evaluation oracle")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-try-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var source = Self.configuration + "\n"
        for (i, e) in Self.expressions.enumerated() { source += "output \"o\(i)\" { value = \(e) }\n" }
        try Data(source.utf8).write(to: URL(fileURLWithPath: directory + "/main.tf"))
        let loaded = ModuleLoader.load(directory: directory)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        // The console reads only the configuration (the outputs are harmless to it).
        let expected = try Self.terraformResults(terraform, in: directory)
        try #require(expected.count == Self.expressions.count, "terraform printed \(expected)")
        for (i, e) in Self.expressions.enumerated() {
            let ours = loaded.outputs["o\(i)"] ?? .null
            guard let json = expected[i] else {
                #expect(!ours.isWhollyKnown, "\(e): terraform says unknown, ours is \(ours)")
                continue
            }
            let encoded = try FunctionTable.standard.call("jsonencode", arguments: [ours], context: FunctionContext())
            #expect(encoded == .string(json), "\(e)\n terraform: \(json)\n ours:      \(encoded)")
        }
    }
}

/// Finds `terraform` on PATH.
enum TerraformConsoleLocator {
    static func path() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/terraform") {
            return "\(dir)/terraform"
        }
        return nil
    }
}
