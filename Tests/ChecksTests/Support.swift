import Foundation
import Model

@testable import Checks

/// Builds a resource at a fake source location.
func makeResource(
    _ type: String, _ name: String, _ attributes: [String: Value] = [:], references: [Reference] = [],
    mode: Resource.Mode = .managed
) -> Resource {
    let start = SourcePosition(line: 1, column: 1, byte: 0)
    return Resource(
        mode: mode, provider: Resource.impliedProvider(ofType: type), type: type, name: name,
        origin: .iac(SourceRange(file: "main.tf", start: start, end: start)),
        attributes: attributes, references: references)
}

/// Compiles a check whose condition is given in YAML flow syntax.
func makeCheck(
    _ condition: String, id: String = "BLW-AWS-TEST-001", types: [String] = ["aws_s3_bucket"],
    references: String = ""
) throws -> CheckDefinition {
    let yaml = """
        id: \(id)
        title: test
        severity: high
        provider: aws
        resource_types: [\(types.joined(separator: ", "))]
        condition: \(condition)
        \(references)
        """
    switch CheckLoader.load(yaml: yaml, file: "test.yaml") {
    case .success(let check): return check
    case .failure(let d): throw d
    }
}

/// The truth of `condition` on a single resource with `attributes` (in a graph of `others` too).
func truth(_ condition: String, _ attributes: [String: Value], others: [Resource] = []) throws -> Truth {
    let check = try makeCheck(condition)
    let resource = makeResource("aws_s3_bucket", "b", attributes)
    let evaluator = ConditionEvaluator(graph: ResourceGraph([resource] + others))
    return evaluator.evaluate(check.condition, on: resource).truth
}

/// The path of a fixture folder copied into the test bundle.
func fixturePath(_ relative: String) -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return relative }
    return url.appendingPathComponent(relative).path
}

/// Writes `files` (relative path → text) into a fresh temporary directory.
func temporaryDirectory(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString)")
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root.path
}
