import Foundation
import Model

/// A finding's stable identity: FNV-1a 64-bit of `checkID + "|" + resourceAddress`, as 16 lower-case hex digits.
/// Line numbers are deliberately left out so that edits elsewhere in a file do not make old findings look new.
public struct Fingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    public let hex: String

    /// The fingerprint of a check on a resource.
    public init(checkID: String, resource: String) {
        self.init(hashing: checkID + "|" + resource)
    }

    /// FNV-1a 64 of `text`: the same text gives the same digits on every run, replica and platform.
    public init(hashing text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        hex = String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A fingerprint read back from a baseline file.
    public init(hex: String) { self.hex = hex.lowercased() }

    public init(from decoder: Decoder) throws {
        self.init(hex: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }

    public var description: String { hex }
}

/// Known findings to hide in later runs: `{"version":1,"findings":[{"check_id","resource","fingerprint"}]}`.
public struct Baseline: Sendable, Codable, Hashable {
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
    public static func read(_ data: Data, file: String = "baseline.json") throws(DiagnosticsError) -> Baseline {
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw DiagnosticsError([Diagnostic(.syntax, "invalid baseline: \(error)", at: .wholeFile(file))])
        }
        guard baseline.version == currentVersion else {
            throw DiagnosticsError([Diagnostic(.unsupported, "unsupported baseline version \(baseline.version)",
                                               at: .wholeFile(file))])
        }
        return baseline
    }

    /// Reads a baseline file.
    public static func read(file: String) throws(DiagnosticsError) -> Baseline {
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
        try encoded().write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    /// The results whose fingerprint is not in the baseline.
    public func filterNew(_ results: [CheckResult]) -> [CheckResult] {
        let known = Set(findings.map(\.fingerprint))
        return results.filter { !known.contains($0.fingerprint) }
    }
}
