import Foundation
import Testing

@testable import ControllerConfig

/// A target's `maxFileSize` limits the plan and state JSON reconcile reads, as `scan --max-file-size` does.
@Suite struct MaxFileSizeConfigTests {
    private func parse(_ value: String) throws -> ReconcileConfig {
        try ReconcileConfig.parse(
            """
            targets:
              - name: prod
                repo: /srv/infra
                maxFileSize: \(value)
              - name: staging
                repo: /srv/infra
            """, file: "/etc/bulwark/bulwark.yaml")
    }

    @Test func aTargetTakesItsPlanAndStateLimitFromTheConfig() throws {
        let config = try parse("1048576")
        #expect(config.targets[0].maxFileSize == 1 << 20)
        #expect(config.targets[1].maxFileSize == nil)
    }

    @Test(arguments: ["0", "-5", "1.5", "big", "1e300", "1.0e+300"])
    func aLimitThatIsNotAPositiveWholeNumberIsRefusedAtItsLine(_ value: String) throws {
        let error = #expect(throws: ConfigError.self) { try parse(value) }
        #expect(error.map { "\($0)" }?.contains("bulwark.yaml:4:") == true, "\(String(describing: error))")
        #expect(error.map { "\($0)" }?.contains("maxFileSize") == true)
    }
}
