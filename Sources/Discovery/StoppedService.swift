import CloudHTTP

/// A service (in one region) discovery stopped calling because its endpoint failed in transport too many times
/// in a row: every later call to it was refused without being sent, so nothing more of it was read.
public struct StoppedService: Sendable, Hashable, CustomStringConvertible {
    /// The service id (`ec2`), or `arm` / `login` for Azure's Resource Manager and token endpoints.
    public var service: String
    /// The region, or `global` when the endpoint is not regional.
    public var region: String
    /// The last transport failure before it was stopped.
    public var reason: String
    /// Consecutive transport failures that stopped it.
    public var failures: Int

    /// Creates an entry.
    public init(service: String, region: String, reason: String, failures: Int) {
        self.service = service
        self.region = region
        self.reason = reason
        self.failures = failures
    }

    /// The services a guard's breaker stopped; keys are `service/region` (AWS) or a bare endpoint name (ARM).
    public static func stopped(by callGuard: CallGuard) async -> [StoppedService] {
        await callGuard.breaker.openKeys().map { trip in
            let parts = trip.key.split(separator: "/", maxSplits: 1).map(String.init)
            return StoppedService(
                service: parts.first ?? trip.key, region: parts.count > 1 ? parts[1] : "global", reason: trip.reason,
                failures: trip.failures)
        }
    }

    public var description: String {
        "\(service) \(region): stopped after \(failures) consecutive transport failures (\(reason))"
    }
}
