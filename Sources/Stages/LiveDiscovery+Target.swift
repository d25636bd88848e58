import AWS
import ControllerConfig
import Posture

extension LiveDiscovery {
    /// The clouds a reconcile target configures, AWS first; member accounts' ExternalIds are resolved from
    /// `environment`, and their sessions are named after the target (`bulwark-<target>`) for the members' CloudTrail.
    public static func clouds(
        of target: TargetConfig, environment: [String: String] = [:]
    ) throws(ConfigError) -> [DiscoveryCloud] {
        var clouds: [DiscoveryCloud] = []
        if let aws = target.clouds.aws {
            var accounts: [AWSAccountRole] = []
            for account in aws.accounts {
                accounts.append(
                    AWSAccountRole(
                        roleARN: account.roleARN, externalID: try account.externalID?.resolve(environment: environment),
                        name: account.name, sessionName: "bulwark-\(target.name)"))
            }
            clouds.append(.aws(profile: aws.profile, regions: aws.regions, accounts: accounts))
        }
        if let azure = target.clouds.azure { clouds.append(.azure(subscriptionID: azure.subscriptionID)) }
        return clouds
    }
}
