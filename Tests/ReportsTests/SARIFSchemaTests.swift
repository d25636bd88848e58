import Foundation
import Testing

@testable import Reports

/// Validates SARIF output with python3's jsonschema (a test dependency installed by scripts/install-deps.sh)
/// against our schema of the SARIF 2.1.0 constraints (see Fixtures/README.md). A missing python3 or
/// jsonschema fails the test, never skips it.
@Suite struct SARIFSchemaTests {
    static let validator = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        for e in errors:
            print("/".join(str(p) for p in e.absolute_path), ":", e.message)
        sys.exit(1 if errors else 0)
        """

    func validate(_ sarif: String) throws -> (status: Int32, output: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("out.sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, fixturePath("sarif-2.1.0-constraints.schema.json"), file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func sampleReportIsValidSARIF() throws {
        let result = try validate(SARIFReport.render(sampleReport(), scanRoot: "/work/repo"))
        #expect(result.status == 0, "SARIF schema validation failed:\n\(result.output)")
    }

    @Test func emptyReportIsValidSARIF() throws {
        let result = try validate(SARIFReport.render(ScanReport(findings: []), scanRoot: "/"))
        #expect(result.status == 0, "SARIF schema validation failed:\n\(result.output)")
    }

    @Test func theValidatorRejectsInvalidSARIF() throws {
        // Guards against a validator that passes everything (for example a schema that failed to load).
        let result = try validate("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"fatal\"}]}]}")
        #expect(result.status == 1, "expected a validation failure, got:\n\(result.output)")
    }
}
