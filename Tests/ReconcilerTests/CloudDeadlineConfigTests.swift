import Foundation
import Testing

@testable import ControllerConfig

/// `clouds.deadline` bounds one cycle's cloud reads in `reconcile`, as `--deadline` does for `discover`.
@Suite struct CloudDeadlineConfigTests {
    @Test func aTargetsCloudReadsTakeTheirDeadlineFromTheConfig() throws {
        let config = try ReconcileConfig.parse(
            """
            targets:
              - name: prod
                repo: /srv/infra
                clouds: {aws: {regions: [us-east-1]}, deadline: 10m}
              - name: staging
                repo: /srv/infra
                clouds: {aws: {regions: [us-east-1]}}
            """, file: "/etc/bulwark/bulwark.yaml")
        #expect(config.targets[0].clouds.deadline == .seconds(600))
        #expect(config.targets[1].clouds.deadline == nil)
        #expect(throws: (any Error).self) {
            try ReconcileConfig.parse(
                """
                targets:
                  - name: prod
                    repo: /srv/infra
                    clouds: {aws: {regions: [us-east-1]}, deadline: soon}
                """, file: "/etc/bulwark/bulwark.yaml")
        }
    }
}
