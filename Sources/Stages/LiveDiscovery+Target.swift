import ControllerConfig
import Posture

extension LiveDiscovery {
    /// The clouds a reconcile target configures, AWS first.
    public static func clouds(of target: TargetConfig) -> [DiscoveryCloud] {
        var clouds: [DiscoveryCloud] = []
        if let aws = target.clouds.aws { clouds.append(.aws(profile: aws.profile, regions: aws.regions)) }
        if let azure = target.clouds.azure { clouds.append(.azure(subscriptionID: azure.subscriptionID)) }
        return clouds
    }
}
