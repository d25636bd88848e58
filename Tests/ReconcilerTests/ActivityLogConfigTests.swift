import Foundation
import Testing

@testable import ControllerConfig
@testable import Stages

/// The `activityLogs:` block of a target: values, defaults, and errors at the offending line and column.
@Suite struct ActivityLogConfigTests {
    @Test func parsesEveryKey() throws {
        let config = try ReconcileConfig.parse(
            """
            targets:
              - name: infra
                repo: ../infra
                activityLogs:
                  aws: {bucket: org-trail, prefix: org, region: eu-west-1, accounts: ["012345678901"]}
                  azure: {subscription: 0b1f6471-1bf0-4dda-aec3-cb9272f09590}
                  localDirectory: logs
                  window: 30m
                  model: models/infra.json
                  webhook: {urlEnv: SLACK_WEBHOOK}
                  maxReadAttempts: 8
              - name: plain
                repo: ../plain
            """, file: "/etc/bulwark/bulwark.yaml")
        let logs = try #require(config.targets[0].activityLogs)
        #expect(logs.aws == .init(bucket: "org-trail", prefix: "org", region: "eu-west-1", accounts: ["012345678901"]))
        #expect(logs.azureSubscription == "0b1f6471-1bf0-4dda-aec3-cb9272f09590")
        #expect(logs.localDirectory == "/etc/bulwark/logs")
        #expect(logs.window == .seconds(1800))
        #expect(logs.model == "/etc/bulwark/models/infra.json")
        #expect(logs.webhookURLEnv == "SLACK_WEBHOOK")
        #expect(logs.maxReadAttempts == 8)
        #expect(TargetConfig.ActivityLogs(localDirectory: "l").maxReadAttempts == 5)
        #expect(config.targets[1].activityLogs == nil)
        #expect(AnomalyStage(cacheDirectory: "/c", catalog: nil).applies(to: config.targets[0]))
        #expect(!AnomalyStage(cacheDirectory: "/c", catalog: nil).applies(to: config.targets[1]))
    }

    @Test(arguments: [
        ("activityLogs: {window: 1h}", "3:19", "at least one of"),
        ("activityLogs: {aws: {bucket: Bad_Bucket}}", "3:34", "not an S3 bucket name"),
        ("activityLogs: {aws: {bucket: b-1, accounts: [12]}}", "3:49", "12 digits"),
        ("activityLogs: {azure: {subscription: nope}}", "3:42", "not a GUID"),
        ("activityLogs: {localDirectory: l, webhook: https://hooks.example.com/x}", "3:48", "never inline"),
        ("activityLogs: {localDirectory: l, window: 10s}", "3:47", "between 1m and 7 days"),
        ("activityLogs: {localDirectory: l, bucket: x}", "3:47", "unknown key 'bucket'"),
        ("activityLogs: {localDirectory: l, maxReadAttempts: 0}", "3:56", "from 1 to 1000"),
        ("activityLogs: {localDirectory: l, maxReadAttempts: many}", "3:56", "from 1 to 1000"),
    ])
    func rejectsBadBlocksWithPositions(line: String, position: String, message: String) throws {
        let text = "targets:\n  - name: t\n    \(line)\n    repo: /r\n"
        do {
            _ = try ReconcileConfig.parse(text, file: "/etc/b.yaml")
            Issue.record("expected an error for \(line)")
        } catch {
            #expect(error.code == .invalidConfig)
            #expect(error.message.hasPrefix("/etc/b.yaml:\(position): "), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
