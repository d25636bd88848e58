import Checks
import Foundation
import Hummingbird
import Model
import Reports
import Store

/// `/api/v1` report downloads: a framework's compliance report of a commit (HTML, JSON, CSV, Markdown, as
/// `bulwark report show` writes it) and a scan's SARIF.
struct ReportRoutes {
    let environment: ServerEnvironment
    let checks: [String: CheckDefinition]

    func register(on group: RouterGroup<ServerContext>) {
        group.get("targets/:target/reports/:framework") { request, context in try await compliance(request, context) }
        group.get("scans/:scan/sarif") { _, context in try await sarif(context) }
    }

    func compliance(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        let framework = try QueryParameters.path("framework", context)
        let query = QueryParameters(request)
        let formatName = try query.string("format") ?? "html"
        guard let format = StoredReportFormat(rawValue: formatName) else {
            throw APIError.invalid("format", "must be one of \(StoredReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let scan = try await ComplianceRoutes(environment: environment).scan(of: target.name, commit: try query.string("commit"))
        let store = environment.store
        let controls = try await stored { try await store.compliance(scanID: scan.id, framework: framework) }
        guard !controls.isEmpty else {
            throw APIError(.notFound, "scan \(scan.id) recorded no compliance for framework \(framework)")
        }
        let prefix = framework + ":"
        let failing = try await stored { try await store.results(scanID: scan.id) }.filter { result in
            result.verdict == .failed && result.controls.contains { $0.hasPrefix(prefix) }
        }
        let history = try await stored { try await store.history(target: scan.target, framework: framework, limit: 50) }
        let info = environment.frameworks[framework]
        let data = ComplianceReportData(
            target: scan.target, repo: scan.repo, branch: scan.branch, commit: scan.commit, scannedAt: scan.finishedAt,
            generatedAt: Date(),
            framework: FrameworkInfo(
                id: framework, name: info?.name ?? framework, version: controls.first?.frameworkVersion ?? info?.version ?? ""),
            controls: controls.map(\.result), failingFindings: failing,
            history: history.map {
                HistoryRow(
                    commit: $0.commit, date: $0.finishedAt, score: $0.score, passedControls: $0.passedControls,
                    failedControls: $0.failedControls, openFindings: $0.openFindings)
            })
        let (type, suffix): (String, String) =
            switch format {
            case .html: ("text/html; charset=utf-8", "html")
            case .json: ("application/json; charset=utf-8", "json")
            case .csv: ("text/csv; charset=utf-8", "csv")
            case .markdown: ("text/markdown; charset=utf-8", "md")
            }
        return JSONBody.download(
            ComplianceReportRenderer.render(data, as: format), contentType: type,
            filename: "\(Self.safe(target.name))-\(Self.safe(framework))-\(scan.commit.prefix(12)).\(suffix)")
    }

    func sarif(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let scan = try await ScanRoutes(environment: environment).scan(context)
        let results = try await stored { try await environment.store.results(scanID: scan.id) }
        return JSONBody.download(
            StoredSARIF.render(results, checks: checks), contentType: "application/sarif+json",
            filename: "\(Self.safe(scan.target))-\(scan.commit.prefix(12)).sarif")
    }

    /// A name reduced to characters safe inside a quoted Content-Disposition file name.
    static func safe(_ name: String) -> String {
        String(name.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) ? $0 : "_" })
    }
}
