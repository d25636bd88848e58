import AWS
import CloudHTTP
import Discovery
import Drift
import Foundation
import HCL
import Model

/// What `bulwark drift` was asked: the state, the configuration directory, the cloud and the ignore file.
public struct DriftRequest: Sendable {
    /// A state file, `s3://bucket/key` or `s3://bucket/prefix/` (every `.tfstate` under it); nil = the `backend` block of `path`.
    public var state: String?
    /// Further states merged with `state` (several root modules of one estate).
    public var moreStates: [String] = []
    /// The Terraform root module directory (its backend, its `.bulwarkignore`, its configuration), or a
    /// `terraform show -json` plan file (the configuration; backend and `.bulwarkignore` from its directory).
    public var path: String
    public var cloud: DiscoveryCloud
    /// `.bulwarkignore` to use instead of `<path>/.bulwarkignore`.
    public var ignoreFile: String?
    /// The check library's drift attribute table (`drift/ignore-attributes.yaml`): its text and file name.
    public var attributeFile: (text: String, file: String)?
    /// Timeouts, circuit breaker and deadline of the discovery.
    public var limits: DiscoveryLimits
    /// Whether unmanaged provider-managed defaults are listed and counted.
    public var showDefaults: Bool

    /// Creates a request.
    public init(
        state: String?, path: String, cloud: DiscoveryCloud, ignoreFile: String? = nil, attributeFile: (text: String, file: String)? = nil,
        limits: DiscoveryLimits = .standard, showDefaults: Bool = false
    ) {
        self.showDefaults = showDefaults
        self.state = state
        self.path = path
        self.cloud = cloud
        self.ignoreFile = ignoreFile
        self.attributeFile = attributeFile
        self.limits = limits
    }
}

/// The outcome of `bulwark drift`: the report (nil when it could not be made), what was not read, and the exit status.
public struct DriftRunOutcome: Sendable {
    public var report: DriftReport?
    /// Parts of the cloud that could not be read; the diff covers the rest.
    public var discoveryErrors: [LiveCloudError]
    /// Partial results and skipped inputs (ignore-file lines, backend problems).
    public var warnings: [String]
    /// Why no report was made.
    public var error: String?
    public var cloud: String
    /// Where the desired state came from.
    public var stateSource: String?
    /// Services discovery stopped calling after repeated transport failures.
    public var stoppedServices: [StoppedService] = []
    /// Whether the discovery deadline passed before every call was made.
    public var deadlineExceeded = false

    /// Whether some part of the cloud, or some desired resource's live settings, was not read.
    public var isPartial: Bool {
        !discoveryErrors.isEmpty || !stoppedServices.isEmpty || deadlineExceeded || report?.notRead.isEmpty == false
    }

    /// 0 in sync, 1 the cloud drifted (drifted, missing or unmanaged), 2 error (no state, no cloud access), 3 no
    /// drift in what was read but not everything was read (so "in sync" cannot be claimed), 4 only pending: the
    /// code differs from the state and the cloud matches the state (apply, nothing to revert).
    public var exitCode: Int32 {
        guard let report, error == nil else { return 2 }
        if report.hasLiveDrift { return 1 }
        if report.hasPending { return 4 }
        return isPartial ? 3 : 0
    }

    /// The report with its unread parts and warnings, as JSON or a table.
    public func render(_ format: DriftFormat) -> String {
        switch format {
        case .json:
            var root: [String: Value] = [:]
            if let report, case .object(let fields) = DriftRenderer.document(report) { root = fields }
            root["cloud"] = .string(cloud)
            root["state"] = stateSource.map(Value.string) ?? .null
            root["error"] = error.map(Value.string) ?? .null
            root["errors"] = .tuple(
                discoveryErrors.map { e in
                    .object([
                        "service": .string(e.error.service), "region": .string(e.error.region),
                        "operation": .string(e.error.operation), "code": .string(e.error.apiCode),
                        "message": .string(e.error.message), "resource": e.error.resource.map(Value.string) ?? .null,
                    ])
                })
            root["warnings"] = .tuple(warnings.map(Value.string))
            root["stopped_services"] = .tuple(stoppedServices.map { .string($0.description) })
            root["deadline_exceeded"] = .bool(deadlineExceeded)
            return JSONEncoding.encode(.object(root)) + "\n"
        case .table:
            var out = report.map { DriftRenderer.table($0) } ?? ""
            if let error { out += "Error: \(error)\n" }
            if !discoveryErrors.isEmpty {
                out += "\nNot read (\(discoveryErrors.count)) — drift there is unknown:\n"
                for e in discoveryErrors { out += "  \(e)\n" }
            }
            let listed = Set(discoveryErrors.map(\.warning))
            let other = warnings.filter { !listed.contains($0) }
            for w in other { out += "warning: \(w)\n" }
            return out
        }
    }
}

/// `bulwark drift` as a library function: desired state (file, S3 object or backend) vs discovery of one cloud.
public enum DriftRun {
    /// Runs the diff; never throws — failures are in the outcome (exit status 2).
    public static func run(
        _ request: DriftRequest, environment: [String: String],
        transport: (any HTTPTransport)? = nil
    ) async -> DriftRunOutcome {
        let transport = transport ?? request.limits.transport()
        var outcome = DriftRunOutcome(report: nil, discoveryErrors: [], warnings: [], error: nil, cloud: request.cloud.name)
        var fetcher: (any StateObjectFetcher)?
        var profile: String?
        if case .aws(let p, _, _) = request.cloud { profile = p }
        if let client = try? AWSClient.fromEnvironment(environment, profile: profile, transport: transport) {
            fetcher = S3StateObjectFetcher(client: client)
        }
        let cwd = FileManager.default.currentDirectoryPath
        let directory = request.path.hasPrefix("/") ? request.path : TreePath.clean(cwd + "/" + request.path)
        var isDirectory: ObjCBool = true
        let home =
            FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && !isDirectory.boolValue
            ? (directory as NSString).deletingLastPathComponent : directory
        let inputs = LiveInputs(tree: DiskFileTree(), root: cwd, fetcher: fetcher)
        var gathered = await inputs.gather(
            clouds: [request.cloud], baselines: [], state: request.state, paths: [directory],
            ignoreFiles: [request.ignoreFile ?? home + "/.bulwarkignore"], moreStates: request.moreStates)
        if let ignoreFile = request.ignoreFile, !FileManager.default.fileExists(atPath: ignoreFile) {
            outcome.error = "ignore file \(ignoreFile) does not exist"
            return outcome
        }
        guard let desired = gathered.desired else {
            outcome.error = gathered.warnings.last ?? "no desired state"
            outcome.warnings = gathered.warnings.dropLast().map { $0 }
            return outcome
        }
        outcome.stateSource = desired.source
        gathered.showDefaults = request.showDefaults
        let table = LivePosture.attributeTable(request.attributeFile)
        gathered.warnings += table.diagnostics.map { "drift attributes: \($0.description)" }
        let posture = LivePosture(
            checks: [], attributes: table.table, environment: environment, transport: transport, limits: request.limits)
        do {
            let result = try await posture.run(gathered)
            outcome.report = result.drift
            outcome.discoveryErrors = result.discoveryErrors
            outcome.warnings = result.warnings
            outcome.stoppedServices = result.stoppedServices
            outcome.deadlineExceeded = result.deadlineExceeded
        } catch {
            outcome.error = error.message
            outcome.warnings = gathered.warnings
        }
        return outcome
    }
}
