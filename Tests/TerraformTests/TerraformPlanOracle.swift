import Foundation
import HCL
import Model
import TestSupport

/// Uses the real `terraform plan` as the oracle for evaluation across modules: a fixture built only of variables,
/// locals, outputs, `terraform_data` and local modules needs no provider download, so Terraform plans it here and
/// its root outputs are compared with ours, both as canonical JSON.
enum TerraformPlanOracle {
    /// What Terraform made of a fixture.
    enum Outcome {
        /// The plan succeeded: each root output known at plan time, as canonical JSON.
        case planned([String: String])
        /// The plan failed with this output (a cycle, an invalid reference).
        case failed(String)
    }

    static func terraformPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/terraform") {
            return "\(dir)/terraform"
        }
        return nil
    }

    /// Plans a copy of `fixture` (init writes `.terraform` next to the configuration, which must not land in
    /// the test bundle) and returns the outputs Terraform computed, or its error.
    static func plan(_ fixture: String) async throws -> Outcome {
        guard let terraform = terraformPath() else {
            throw TestFailure("terraform is not on PATH; it is the oracle for module evaluation")
        }
        let scratch = try TemporaryDirectory(prefix: "bulwark-plan-oracle")
        let work = scratch.path + "/config"
        try FileManager.default.copyItem(atPath: fixture, toPath: work)
        // An empty CLI configuration keeps terraform from warning about a missing ~/.terraformrc on stderr,
        // which shares the captured output with the JSON.
        let cliConfig = scratch.path + "/terraformrc"
        try Data().write(to: URL(fileURLWithPath: cliConfig))
        let environment = ["TF_CLI_CONFIG_FILE": cliConfig, "NO_COLOR": "1", "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"]
        let chdir = "-chdir=\(work)"
        let initialised = try await run(terraform, [chdir, "init", "-input=false", "-no-color"], environment)
        guard initialised.succeeded else { throw TestFailure("terraform init failed: \(initialised.output)") }
        let planned = try await run(terraform, [chdir, "plan", "-input=false", "-no-color", "-lock=false", "-out=tfplan"], environment)
        guard planned.succeeded else { return .failed(planned.output) }
        let shown = try await run(terraform, [chdir, "show", "-json", "tfplan"], environment)
        guard shown.succeeded else { throw TestFailure("terraform show failed: \(shown.output)") }
        let json = try JSONSerialization.jsonObject(with: Data(shown.output.utf8))
        guard let plan = json as? [String: Any], let values = plan["planned_values"] as? [String: Any] else {
            throw TestFailure("terraform show printed no planned_values: \(shown.output.prefix(300))")
        }
        var outputs: [String: String] = [:]
        for (name, entry) in values["outputs"] as? [String: Any] ?? [:] {
            // An output unknown until apply has no "value" key.
            guard let entry = entry as? [String: Any], let value = entry["value"] else { continue }
            outputs[name] = try canonical(json: value)
        }
        return .planned(outputs)
    }

    /// Our value as canonical JSON, comparable with Terraform's.
    static func canonical(_ value: Value) throws -> String {
        try canonical(json: JSONSerialization.jsonObject(with: Data(JSONEncoding.encode(value).utf8), options: .fragmentsAllowed))
    }

    private static func canonical(json: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    private static func run(_ executable: String, _ arguments: [String], _ environment: [String: String]) async throws -> Subprocess.Outcome
    {
        try await Subprocess(executable, arguments, environment: environment).wait()
    }
}
