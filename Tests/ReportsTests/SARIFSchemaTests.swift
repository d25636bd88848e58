import Foundation
import Testing
@testable import Reports

/// Validates SARIF output against the official OASIS schema with python3's jsonschema (a test dependency
/// installed by scripts/install-deps.sh). A missing python3 or jsonschema fails the test, never skips it.
@Suite struct SARIFSchemaTests {
    static let validator = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        # The official schema's run.language pattern uses an inline flag Python rejects, so the schema itself is
        # not format-checked; instances are validated in full (Bulwark never writes run.language).
        validator = jsonschema.Draft202012Validator(schema)
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
        process.arguments = ["python3", "-c", Self.validator, fixturePath("sarif-schema-2.1.0.json"), file.path]
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
