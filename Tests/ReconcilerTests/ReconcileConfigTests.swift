import Foundation
import Testing

@testable import ControllerConfig
@testable import Reconciler

@Suite struct ReconcileConfigTests {
    @Test func parsesTargetsWithDefaultsAndRelativePaths() throws {
        let config = try ReconcileConfig.parse(
            """
            concurrency: 2
            targets:
              - name: infra
                repo: ../infra
                paths: [envs/prod, envs/staging]
                interval: 1h30m
                pollInterval: 30s
                jitter: 0.2
                credentials: {token: {env: GIT_TOKEN}}
                frameworks: cis-aws
                clouds: {aws: {profile: audit, regions: [eu-west-1]}}
                remediation: {mode: propose, adminCIDR: 10.0.0.0/8}
              - name: remote
                repo: https://git.example.com/acme/infra.git
                remediation: {mode: off}
                suspend: true
            """, file: "/etc/bulwark/bulwark.yaml")
        #expect(config.concurrency == 2)
        #expect(config.cacheDirectory == "/etc/bulwark/.bulwark/git")
        let infra = config.targets[0]
        #expect(infra.repository == "/etc/infra")
        #expect(infra.branch == "main")
        #expect(infra.paths == ["envs/prod", "envs/staging"])
        #expect(infra.interval == .seconds(5400))
        #expect(infra.pollInterval == .seconds(30))
        #expect(infra.credentials == .token(.environment("GIT_TOKEN")))
        #expect(infra.frameworks == ["cis-aws"])
        #expect(infra.clouds.aws == .init(profile: "audit", regions: ["eu-west-1"]))
        #expect(infra.remediation == .propose)
        #expect(infra.adminCIDR == "10.0.0.0/8")
        let remote = config.targets[1]
        #expect(remote.repository == "https://git.example.com/acme/infra.git")
        #expect(remote.remediation == .off)
        #expect(remote.suspend)
    }

    @Test(arguments: [
        ("targets:\n  - name: a\n    repo: x\n  - name: a\n    repo: y\n", "4:5", "duplicate target name 'a'"),
        ("targets:\n  - name: a\n    repo: x\n    credentials: {token: hunter2}\n", "4:26", "never written inline"),
        ("targets:\n  - name: a\n    repo: x\n    interval: soon\n", "4:15", "must be a duration"),
        ("targets:\n  - name: a\n    repo: x\n    colour: blue\n", "4:13", "unknown key 'colour'"),
        ("targets:\n  - name: a\n    repo: x\n    paths: [../outside]\n", "4:12", "must stay inside the repository"),
        ("targets:\n  - name: a\n    repo: x\n    remediation: {mode: yolo}\n", "4:25", "remediation mode must be one of"),
        ("targets: {}\n", "1:1", "'targets' must be a list"),
    ])
    func rejectsBadConfigWithPosition(text: String, position: String, message: String) {
        do {
            _ = try ReconcileConfig.parse(text, file: "bulwark.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidConfig)
            #expect(error.message.contains("bulwark.yaml:\(position):"), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func secretsResolveFromEnvironmentOrFileAndNeverEcho() throws {
        let file = NSTemporaryDirectory() + "bulwark-secret-\(UUID().uuidString)"
        try "s3cr3t\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try SecretReference.file(file).resolve(environment: [:]) == "s3cr3t")
        #expect(try SecretReference.environment("T").resolve(environment: ["T": "abc"]) == "abc")
        do {
            _ = try SecretReference.environment("MISSING_TOKEN").resolve(environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingSecret)
            #expect(!ReconcileError(error).code.retriable)
            #expect(error.message.contains("MISSING_TOKEN"))
        }
    }

    @Test func durationsParseAndFormat() {
        #expect(DurationText.parse("90s") == .seconds(90))
        #expect(DurationText.parse("1h30m") == .seconds(5400))
        #expect(DurationText.parse("250ms") == .milliseconds(250))
        #expect(DurationText.parse("5") == nil)
        #expect(DurationText.parse("-5m") == nil)
        #expect(DurationText.parse("") == nil)
        #expect(DurationText.format(.seconds(5400)) == "1h30m")
        #expect(DurationText.format(.seconds(45)) == "45s")
    }

    @Test func backoffDoublesFromAboutOneSecondToFifteenMinutes() {
        let backoff = Backoff(jitter: 0)
        #expect(backoff.delay(afterFailures: 1, random: 0.5) == .seconds(1))
        #expect(backoff.delay(afterFailures: 2, random: 0.5) == .seconds(2))
        #expect(backoff.delay(afterFailures: 5, random: 0.5) == .seconds(16))
        #expect(backoff.delay(afterFailures: 40, random: 0.5) == .seconds(900))
        let jittered = Backoff(jitter: 0.2)
        let low = jittered.delay(afterFailures: 4, random: 0)
        let high = jittered.delay(afterFailures: 4, random: 1)
        #expect(low < .seconds(8) && low >= .milliseconds(6_400))
        #expect(high > .seconds(8) && high <= .milliseconds(9_600))
    }

    /// A config whose whole text is a YAML 1.1 base-60 integer too large for Int crashed the loader.
    @Test func anOverflowingBaseSixtyScalarIsAnErrorNotACrash() {
        #expect(throws: ConfigError.self) { try ReconcileConfig.parse("-255555555555555555:5", file: "/tmp/bulwark.yaml") }
    }
}
