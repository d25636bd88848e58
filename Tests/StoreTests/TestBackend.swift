import Foundation
import Model
import Store
import TestSupport
import Testing

/// The two backends every store test runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    /// A fresh, empty database of this backend.
    func freshConfiguration() async throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("bulwark-store-\(UUID().uuidString)").path
            return .sqlite(path: directory + "/bulwark.db")
        case .postgresql:
            return .postgres(conninfo: try await PostgresTestServer.shared.createDatabase(), poolSize: 4)
        }
    }

    /// The `--url` form of a configuration, for `bulwark-store-tool`.
    static func url(_ configuration: StoreConfiguration) -> String {
        switch configuration {
        case .sqlite(let path): return "sqlite:" + path
        case .postgres(let conninfo, _): return conninfo
        }
    }
}

/// Opens a fresh store of `backend`, runs `body`, then closes it (and deletes a SQLite file).
func withStore<T>(
    _ backend: Backend,
    _ body: (Store, StoreConfiguration) async throws -> T
) async throws -> T {
    let configuration = try await backend.freshConfiguration()
    let store = try await Store.open(configuration)
    do {
        let value = try await body(store, configuration)
        await cleanUp(store, configuration)
        return value
    } catch {
        await cleanUp(store, configuration)
        throw error
    }
}

private func cleanUp(_ store: Store, _ configuration: StoreConfiguration) async {
    await store.close()
    discard(configuration)
}

/// Deletes a SQLite test database's directory (PostgreSQL test databases go with their server).
func discard(_ configuration: StoreConfiguration) {
    if case .sqlite(let path) = configuration {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

/// Builders for small, readable scans.
enum Fixture {
    static let base = Date(timeIntervalSince1970: 1_750_000_000)

    static func finding(
        _ fingerprint: String, verdict: Verdict.Kind = .failed, title: String? = nil,
        suppression: FindingSuppression? = nil
    ) -> FindingRecord {
        FindingRecord(
            fingerprint: Fingerprint(hex: fingerprint), checkID: "CKV_\(fingerprint.uppercased())",
            title: title ?? "Check \(fingerprint)", severity: .high, verdict: verdict,
            resourceAddress: "aws_s3_bucket.\(fingerprint)", resourceType: "aws_s3_bucket", file: "main.tf",
            line: 3, message: "not compliant", controls: ["cis-aws:2.1.1"], suppression: suppression)
    }

    static func scan(
        _ commit: String, target: String = "infra", minute: Int, status: ScanStatus = .succeeded,
        findings: [FindingRecord], compliance: [ComplianceRecord] = []
    ) -> ScanRecord {
        ScanRecord(
            target: target, repo: "example/infra", branch: "main", commit: commit, trigger: "cli",
            startedAt: base.addingTimeInterval(Double(minute * 60)),
            finishedAt: base.addingTimeInterval(Double(minute * 60 + 30)), status: status,
            resources: [
                ScannedResource(
                    address: "aws_s3_bucket.a", type: "aws_s3_bucket", provider: "aws",
                    origin: .iac, file: "main.tf", line: 1)
            ],
            findings: findings, compliance: compliance)
    }

    static func control(_ id: String, _ status: ControlStatus, framework: String = "cis-aws") -> ComplianceRecord {
        ComplianceRecord(
            framework: framework, frameworkVersion: "5.0.0",
            result: ControlResult(
                control: ComplianceControl(
                    id: id, title: "Control \(id)",
                    automated: status != .notAutomated),
                status: status, passed: status == .passed ? 1 : 0,
                failed: status == .failed ? 1 : 0, unknown: 0))
    }

    /// `bulwark-store-tool` beside the test bundle (or `BULWARK_STORE_TOOL`).
    static func toolPath() throws -> String {
        try BuiltProduct.path("bulwark-store-tool", override: "BULWARK_STORE_TOOL")
    }
}

/// The root suite: every store test runs inside it, so one PostgreSQL serves the run and is stopped at the end.
@Suite(.postgresServer)
struct StoreTests {}
