// Live-remediation MTTR benchmark driver for bench/remediation-mttr.sh; a developer tool, not part of the product.
// Against the AWS endpoint in the environment (moto), for each of N fresh buckets without versioning: discover the
// bucket, run BLW-AWS-S3-012, propose, then time approve → apply → verified (and detected → verified, the MTTR).
// Usage: remediation-bench CHECKS_DIR DATABASE_PATH [COUNT]
import AWS
import Checks
import Discovery
import Foundation
import LiveRemediation
import Model
import Store

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: remediation-bench CHECKS_DIR DATABASE_PATH [COUNT]\n".utf8))
    exit(2)
}
let count = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 20) : 20
let checks = CheckLoader.load(directory: arguments[1]).checks
guard let versioning = checks.first(where: { $0.id == "BLW-AWS-S3-012" }) else {
    FileHandle.standardError.write(Data("BLW-AWS-S3-012 not found in \(arguments[1])\n".utf8))
    exit(2)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded(.up)))]
}

func run() async throws {
    let client = try AWSClient.fromEnvironment()
    let store = try await Store.open(.sqlite(path: arguments[2]))
    let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: checks)
    let policy = LiveRemediationPolicy(target: "bench", mode: .approve)
    let run = UUID().uuidString.prefix(8).lowercased()
    var approvalToVerified: [Double] = []
    var detectedToVerified: [Double] = []
    for index in 0..<count {
        let bucket = "mttr-\(run)-\(index)"
        _ = try await client.s3(method: "PUT", bucket: bucket, operation: "CreateBucket")
        let detected = Date()
        let read = try await AWSDiscovery(client: client).reread(
            type: "aws_s3_bucket", originID: "arn:aws:s3:::\(bucket)",
            region: client.region)
        let graph = ResourceGraph(read.resources)
        let findings = LiveFinding.failed(
            CheckEngine(checks: [versioning]).evaluate(graph: graph), in: graph,
            detectedAt: detected)
        guard let id = try await remediator.propose(findings: findings, target: policy).first?.record?.id else {
            throw LiveRemediationError(.unsupportedResource, "no proposal for \(bucket)")
        }
        let start = ContinuousClock.now
        _ = try await remediator.approve(id: id, by: "bench")
        let outcome = try await remediator.apply(id: id, by: "bench")
        let elapsed = ContinuousClock.now - start
        guard outcome.result == .verified, let mttr = outcome.record.timeToRemediate else {
            throw LiveRemediationError(.verificationFailed, "remediation \(id) ended \(outcome.result)")
        }
        approvalToVerified.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        detectedToVerified.append(mttr)
    }
    await store.close()
    for (label, samples) in [
        ("approval → applied → verified", approvalToVerified),
        ("detected → verified (MTTR)", detectedToVerified),
    ] {
        let sorted = samples.sorted()
        print(
            String(
                format: "%@: n=%d  median %.3f s  p95 %.3f s  min %.3f s  max %.3f s   (target < 5 s; issue seed target < 60 s)",
                label, sorted.count, percentile(sorted, 0.5), percentile(sorted, 0.95), sorted[0], sorted[sorted.count - 1]))
    }
}

do {
    try await run()
} catch {
    FileHandle.standardError.write(Data("remediation-bench: \(error)\n".utf8))
    exit(1)
}
