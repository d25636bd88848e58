import Foundation
import Model

/// A scan baseline: accepted findings to hide in later runs, `{"version":1,"findings":[{"check_id","resource","fingerprint"}]}`.
public struct FindingBaseline: Sendable, Codable, Hashable {
    /// One accepted finding.
    public struct Finding: Sendable, Codable, Hashable {
        public var checkID: String
        public var resource: String
        public var fingerprint: Fingerprint

        /// A finding; the fingerprint is computed from the other two fields.
        public init(checkID: String, resource: String) {
            self.checkID = checkID
            self.resource = resource
            self.fingerprint = Fingerprint(checkID: checkID, resource: resource)
        }

        enum CodingKeys: String, CodingKey {
            case checkID = "check_id"
            case resource
            case fingerprint
        }
    }

    public static let currentVersion = 1

    public var version: Int
    public var findings: [Finding]

    /// A baseline of the failed results (sorted, so the file diffs cleanly).
    public init(results: [CheckResult]) {
        var seen = Set<Fingerprint>()
        var findings: [Finding] = []
        for r in results where r.verdict == .failed {
            let f = Finding(checkID: r.checkID, resource: r.resourceAddress)
            if seen.insert(f.fingerprint).inserted { findings.append(f) }
        }
        self.init(findings: findings.sorted { ($0.checkID, $0.resource) < ($1.checkID, $1.resource) })
    }

    /// A baseline of the given findings.
    public init(findings: [Finding]) {
        self.version = Self.currentVersion
        self.findings = findings
    }

    /// Parses baseline JSON; an unsupported version is an error rather than a silently empty baseline.
    public static func read(_ data: Data, file: String = "baseline.json") throws(DiagnosticsError) -> FindingBaseline {
        let baseline: FindingBaseline
        do {
            baseline = try JSONDecoder().decode(FindingBaseline.self, from: data)
        } catch {
            throw DiagnosticsError([Diagnostic(.syntax, "invalid baseline: \(error)", at: .wholeFile(file))])
        }
        guard baseline.version == currentVersion else {
            throw DiagnosticsError([
                Diagnostic(
                    .unsupported, "unsupported baseline version \(baseline.version)",
                    at: .wholeFile(file))
            ])
        }
        return baseline
    }

    /// Reads a baseline file.
    public static func read(file: String) throws(DiagnosticsError) -> FindingBaseline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DiagnosticsError([Diagnostic(.io, "cannot read baseline", at: .wholeFile(file))])
        }
        return try read(data, file: file)
    }

    /// Pretty, key-sorted JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the baseline to `file`.
    public func write(file: String) throws {
        try OutputFile(path: file).write([UInt8](try encoded()))
    }

    /// The results whose fingerprint is not in the baseline.
    public func filterNew(_ results: [CheckResult]) -> [CheckResult] {
        let known = Set(findings.map(\.fingerprint))
        return results.filter { !known.contains($0.fingerprint) }
    }
}
