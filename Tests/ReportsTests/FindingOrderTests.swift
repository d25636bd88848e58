import Checks
import Model
import Testing

@testable import Reports

@Suite struct FindingOrderTests {
    /// A deterministic generator, so a failure names a reproducible order.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func describe(_ f: Finding) -> String {
        "\(f.location?.file ?? "-")|\(f.location?.startLine ?? -1)|\(f.result.checkID)|\(f.result.resourceAddress)|\(f.input)|\(f.result.verdict)|\(f.result.evidence)"
    }

    /// Many ties on file, line and check; a composed and a decomposed "é" (equal strings in Swift); no location.
    func findings() -> [Finding] {
        let checks = ["BLW-AWS-S3-002", "BLW-AWS-S3-010", "BLW-AWS-EC2-001"].map { makeCheck($0, .low, title: $0) }
        let files = ["b.tf", "a.tf", "caf\u{E9}/main.tf", "cafe\u{301}/main.tf", "A.tf"]
        var out: [Finding] = []
        for (i, check) in checks.enumerated() {
            for (j, file) in files.enumerated() {
                for k in 0..<4 {
                    let verdict: Verdict = k % 2 == 0 ? .passed : .failed
                    out.append(
                        makeFinding(
                            check, "module.m[\(k % 3)].aws_s3_bucket.x", verdict, file: file, line: (i + j + k) % 3 + 1,
                            evidence: "e\(k)", input: k == 3 ? "other" : "."))
                }
            }
            out.append(
                Finding(
                    result: CheckResult(
                        check: check, resourceAddress: "aws_s3_bucket.state", resourceType: "aws_s3_bucket", range: nil,
                        verdict: .passed, evidence: ""), location: nil, input: "state.json"))
        }
        return out
    }

    @Test func rankedOrderIsThePrecedesOrder() {
        var generator = SplitMix(state: 42)
        for _ in 0..<20 {
            let shuffled = findings().shuffled(using: &generator)
            let expected = shuffled.sorted(by: Finding.precedes).map(describe)
            let ranked = FindingOrder.indices(shuffled).map { describe(shuffled[$0]) }
            #expect(ranked == expected)
        }
    }

    @Test func aWrongOrderIsDetected() {
        // The comparison above must be able to fail: the input order is not the report order.
        let plain = findings()
        #expect(plain.map(describe) != plain.sorted(by: Finding.precedes).map(describe))
    }
}
