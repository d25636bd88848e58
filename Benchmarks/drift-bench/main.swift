// Drift benchmark: 10k state resources vs 10k live resources, diffed by the hash join (`DriftDetector`) and by a
// naive nested-loop matcher (driftctl's way) on the same data. Run through bench/drift-bench.sh (release build).
import Drift
import Foundation
import Model

/// Synthetic estate: `count` state resources; live has ~90% of them (every 10th with a changed attribute),
/// loses 5% (missing) and adds 5% new ones (unmanaged).
struct Estate {
    var desired: [Resource] = []
    var live: [Resource] = []

    init(count: Int) {
        let types = ["aws_s3_bucket", "aws_instance", "aws_security_group", "aws_iam_user", "aws_ebs_volume"]
        for i in 0..<count {
            let type = types[i % types.count]
            let id = "\(type)-\(i)"
            let attributes: [String: Value] = [
                "id": .string(id), "arn": .string("arn:aws:svc:eu-west-1:123456789012:\(id)"), "name": .string("res-\(i)"),
                "tags": .object(["team": .string("t\(i % 7)"), "env": .string("prod")]),
                "tags_all": .object(["team": .string("t\(i % 7)")]),
                "versioning": .list([.object(["enabled": .bool(true), "mfa_delete": .bool(false)])]),
                "cidr_blocks": .list([.string("10.0.\(i % 256).0/24"), .string("10.1.0.0/16")]), "size": .number(Double(i % 100)),
            ]
            desired.append(
                Resource(provider: "aws", type: type, name: "r\(i)", origin: .state(file: "bench.tfstate"), attributes: attributes))
            if i % 20 == 19 { continue }  // missing live
            var liveAttributes = attributes
            liveAttributes["tags_all"] = .object(["team": .string("t\(i % 7)"), "created-by": .string("console")])
            liveAttributes["cidr_blocks"] = .set(from: [.string("10.1.0.0/16"), .string("10.0.\(i % 256).0/24")])
            if i % 10 == 3 { liveAttributes["size"] = .number(Double(i % 100 + 1)) }
            live.append(
                Resource(
                    provider: "aws", type: type, name: id,
                    origin: .live(
                        Resource.LiveOrigin(id: "arn:aws:svc:eu-west-1:123456789012:\(id)", account: "123456789012", region: "eu-west-1")),
                    attributes: liveAttributes))
        }
        for j in 0..<(count / 20) {
            let type = types[j % types.count]
            live.append(
                Resource(
                    provider: "aws", type: type, name: "extra\(j)",
                    origin: .live(
                        Resource.LiveOrigin(
                            id: "arn:aws:svc:eu-west-1:123456789012:extra-\(j)", account: "123456789012", region: "eu-west-1")),
                    attributes: ["name": .string("extra-\(j)")]))
        }
    }
}

/// driftctl's matching: for each live resource, scan every state resource for one with the same type and ID.
func nestedLoopMatches(desired: [Resource], live: [Resource]) -> Int {
    var matched = 0
    for l in live {
        guard case .live(let origin) = l.origin else { continue }
        for d in desired where d.type == l.type {
            if d.attributes["arn"]?.stringValue == origin.id || d.attributes["id"]?.stringValue == origin.id {
                matched += 1
                break
            }
        }
    }
    return matched
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let estate = Estate(count: count)
let detector = DriftDetector(
    attributes: AttributeIgnoreTable(defaults: AttributeRules(ignore: ["id", "arn", "tags_all"], sets: ["cidr_blocks"])))
var report = DriftReport()
var best = Double.infinity
for _ in 0..<3 { best = min(best, seconds { report = detector.detect(desired: estate.desired, live: estate.live) }) }
var naiveMatched = 0
let naive = seconds { naiveMatched = nestedLoopMatches(desired: estate.desired, live: estate.live) }

print("state resources:      \(estate.desired.count)")
print("live resources:       \(estate.live.count)")
print("changed attributes:   \(report.changed.count)")
print("missing:              \(report.missing.count)")
print("unmanaged:            \(report.unmanaged.count)")
print("coverage:             \(String(format: "%.4f", report.coverage))")
print("hash-join diff:       \(String(format: "%.3f", best)) s (best of 3, matching + attribute diff)")
print("nested-loop match:    \(String(format: "%.3f", naive)) s (matching only, \(naiveMatched) matched)")
print("ratio:                \(String(format: "%.1f", naive / best))x")
print("target < 1 s:         \(best < 1 ? "met" : "NOT met")")
