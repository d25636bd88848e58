import AWS
import ArgumentParser
import Checks
import Discovery
import Foundation
import HCL
import Model
import Posture
import Scanner

/// `bulwark discover`: read live cloud resources into Terraform's vocabulary, optionally running the checks.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Discover live cloud resources (AWS or Azure) and optionally run the check library on them.",
        discussion: """
            AWS credentials, region and endpoints are read as the AWS CLI reads them: AWS_ACCESS_KEY_ID / \
            AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, AWS_PROFILE and ~/.aws/{credentials,config} (role_arn + \
            source_profile is assumed through STS), AWS_REGION / AWS_DEFAULT_REGION, AWS_ENDPOINT_URL and \
            AWS_ENDPOINT_URL_<SERVICE>. With --assume-role (repeatable) those credentials assume a role in each \
            member account and every account is read with its own credentials; an account whose role cannot be \
            assumed is listed as not read (exit status 3) while the others still report.

            Azure (--cloud azure) reads a service principal from AZURE_TENANT_ID / AZURE_CLIENT_ID / \
            AZURE_CLIENT_SECRET, the subscription from --subscription or AZURE_SUBSCRIPTION_ID, and optionally \
            AZURE_AUTHORITY_HOST and BULWARK_AZURE_ARM_ENDPOINT (another Resource Manager endpoint).

            A service that answers AccessDenied, or a region that fails, gives partial results: every part that \
            was not read is listed under "errors", and a setting that was not read is unknown, so every check \
            over it is UNKNOWN (never PASSED or FAILED for its absence). After --breaker-threshold consecutive \
            transport failures (refused, reset, timed out) a service is no longer called in that region and is \
            listed under "stopped_services"; --deadline bounds the whole read.

            Exit status: 0 everything read (and, with --check, no check FAILED); 1 with --check when a check \
            FAILED; 2 usage error or when the account could not be read at all; 3 otherwise when some part was \
            not read (denied, failed, stopped or past the deadline).
            """
    )

    /// Clouds the command can read.
    typealias Cloud = CloudOptions.Cloud
    /// Output formats.
    typealias Format = CloudOptions.Format

    @OptionGroup var selection: CloudOptions

    @Flag(help: "Run the check library on the discovered resources and print the results.")
    var check = false

    @Option(name: .customLong("checks-dir"), help: "Check library directory (default: $BULWARK_CHECKS_DIR, else the built-in library).")
    var checksDirectory: String?

    @Flag(name: .customLong("list-types"), help: "Print the Terraform resource types the cloud's discovery reads, one a line, and exit.")
    var listTypes = false

    /// The resource types discovery of `cloud` can produce, one a line.
    static func typeList(_ cloud: Cloud) -> String {
        let types = cloud == .aws ? AWSDiscovery.supportedTypes : AzureDiscovery.supportedTypes
        return types.map { $0 + "\n" }.joined()
    }

    func run() async throws {
        if listTypes {
            FileHandle.standardOutput.write(Data(DiscoverCommand.typeList(selection.cloud).utf8))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let result: DiscoveryResult
        do throws(PostureError) {
            result = try await LiveDiscovery.discover(selection.liveCloud, environment: environment, limits: selection.limits)
        } catch {
            FileHandle.standardError.write(Data("bulwark discover: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        var findings: [CheckResult] = []
        if check {
            let library = CheckLibraryLocator.load(explicit: checksDirectory, environment: environment)
            guard library.hasSource else {
                FileHandle.standardError.write(Data("bulwark discover: no check library found (use --checks-dir)\n".utf8))
                throw ExitCode(2)
            }
            findings = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(result.resources))
        }
        let text =
            selection.format == .json
            ? DiscoverCommand.json(result, cloud: selection.cloud, findings: check ? findings : nil)
            : DiscoverCommand.table(result, findings: check ? findings : nil)
        FileHandle.standardOutput.write(Data(text.utf8))
        if findings.contains(where: { $0.verdict == .failed }) { throw ExitCode(1) }
        if result.isPartial { throw ExitCode(DiscoverCommand.partialExitCode) }
    }

    /// The exit status when some part of the cloud was not read.
    static let partialExitCode: Int32 = 3

    /// The result (and findings) as one JSON document.
    static func json(_ result: DiscoveryResult, cloud: Cloud, findings: [CheckResult]?) -> String {
        var root: [String: Value] = [
            "cloud": .string(cloud.rawValue), "account": .string(result.account), "regions": .list(result.regions.map(Value.string)),
            "api_calls": .number(Double(result.apiCalls)), "resource_count": .number(Double(result.resources.count)),
            "calls_by_service": .object(result.callsByService.mapValues { .number(Double($0)) }),
            "calls_by_operation": .object(result.callsByOperation.mapValues { .number(Double($0)) }),
            "complete": .bool(!result.isPartial), "deadline_exceeded": .bool(result.deadlineExceeded),
            "stopped_services": .list(
                result.stoppedServices.map { s in
                    .object([
                        "service": .string(s.service), "region": .string(s.region), "reason": .string(s.reason),
                        "failures": .number(Double(s.failures)),
                    ])
                }),
            "not_read": .list(result.unread.map { .string($0.address) }),
            "errors": .list(
                result.errors.map { e in
                    .object([
                        "service": .string(e.service), "region": .string(e.region), "operation": .string(e.operation),
                        "code": .string(e.apiCode), "message": .string(e.message), "resource": e.resource.map(Value.string) ?? .null,
                    ])
                }),
            "resources": .list(
                result.resources.map { r in
                    var origin: [String: Value] = [:]
                    if case .live(let live) = r.origin {
                        origin = [
                            "id": .string(live.id), "account": .string(live.account),
                            "region": live.region.map(Value.string) ?? .null,
                        ]
                    }
                    return .object([
                        "address": .string(r.address), "type": .string(r.type), "live": .object(origin),
                        "attributes": .object(r.attributes),
                        "references": .list(
                            r.references.map {
                                .object([
                                    "attribute": .string($0.attribute),
                                    "target": .string($0.target),
                                ])
                            }),
                    ])
                }),
        ]
        if !result.accounts.isEmpty {
            root["accounts"] = .list(
                result.accounts.map { a in
                    .object([
                        "account": .string(a.account), "role_arn": .string(a.roleARN), "name": a.name.map(Value.string) ?? .null,
                        "read": .bool(a.read), "resource_count": .number(Double(a.resourceCount)),
                    ])
                })
        }
        if let findings {
            root["findings"] = .list(
                findings.map { f in
                    .object([
                        "check": .string(f.check.id), "severity": .string("\(f.check.severity)"),
                        "resource": .string(f.resourceAddress), "verdict": .string(f.verdict.kind.rawValue),
                        "evidence": .string(f.evidence),
                    ])
                })
        }
        return JSONEncoding.encode(.object(root)) + "\n"
    }

    static func table(_ result: DiscoveryResult, findings: [CheckResult]?) -> String {
        var out = "ADDRESS\tREGION\tID\n"
        for r in result.resources {
            guard case .live(let live) = r.origin else { continue }
            out += "\(r.address)\t\(live.region ?? "global")\t\(live.id)\n"
        }
        if !result.errors.isEmpty {
            out += "\nNOT READ (\(result.errors.count)):\n"
            for e in result.errors { out += "  \(e)\n" }
        }
        if !result.stoppedServices.isEmpty {
            out += "\nSTOPPED (\(result.stoppedServices.count)):\n"
            for s in result.stoppedServices { out += "  \(s)\n" }
        }
        let unreadAccounts = result.accounts.filter { !$0.read }
        if !unreadAccounts.isEmpty {
            out += "\nACCOUNTS NOT READ (\(unreadAccounts.count)):\n"
            for a in unreadAccounts { out += "  \(a.account) (\(a.roleARN))\n" }
        }
        if result.deadlineExceeded { out += "\nThe deadline passed: calls not made are listed as not read.\n" }
        if let findings {
            out += "\nCHECKS:\n"
            for f in findings.sorted(by: { ($0.resourceAddress, $0.check.id) < ($1.resourceAddress, $1.check.id) }) {
                out += "  \(f.verdict)\t\(f.check.id)\t\(f.check.severity)\t\(f.resourceAddress)\n"
            }
            let failed = findings.filter { $0.verdict == .failed }.count
            out += "\(findings.count) results, \(failed) failed\n"
        }
        let scope =
            result.regions.isEmpty
            ? "subscription \(result.account)"
            : result.accounts.isEmpty
                ? "account \(result.account), regions \(result.regions.joined(separator: ","))"
                : "\(result.accounts.filter(\.read).count) of \(result.accounts.count) accounts (\(result.account)), regions \(result.regions.joined(separator: ","))"
        out +=
            "\n\(result.resources.count) resources in \(scope); "
            + "\(result.apiCalls) API calls ("
            + result.callsByService.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")\n"
        return out
    }
}
