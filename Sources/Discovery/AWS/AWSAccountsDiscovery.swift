import AWS
import Model

/// Reads several member accounts, each with its own client (its own assumed-role credentials, throttling and
/// statistics; the same endpoints and regions), a bounded number at a time, into one result. Every resource is
/// placed under its account's module (`module.account_123456789012.aws_s3_bucket.logs`) so two accounts' resources
/// of the same name keep apart; an account whose role cannot be assumed is listed unread, the others still report.
public struct AWSAccountsDiscovery: Sendable {
    /// The accounts to read, in the order given.
    public var accounts: [AWSAccountRole]
    /// Regions to read in every account; each client's region when empty.
    public var regions: [String]
    public var services: Set<AWSDiscovery.Service>
    /// Accounts read at the same time.
    public var maxConcurrentAccounts: Int
    /// Builds the client of one account.
    let client: @Sendable (AWSAccountRole) -> AWSClient

    /// Creates a discovery of `accounts`, each through the client `client` builds for it.
    public init(
        accounts: [AWSAccountRole], regions: [String] = [],
        services: Set<AWSDiscovery.Service> = Set(AWSDiscovery.Service.allCases), maxConcurrentAccounts: Int = 4,
        client: @escaping @Sendable (AWSAccountRole) -> AWSClient
    ) {
        self.accounts = accounts
        self.regions = regions
        self.services = services
        self.maxConcurrentAccounts = max(1, maxConcurrentAccounts)
        self.client = client
    }

    /// Reads every account; never throws: an account that cannot be read is an error of the result.
    public func run() async -> DiscoveryResult {
        let accounts = self.accounts
        let regions = self.regions
        let services = self.services
        let client = self.client
        var outcomes: [Int: Result<DiscoveryResult, AWSError>] = [:]
        await withTaskGroup(of: (Int, Result<DiscoveryResult, AWSError>).self) { group in
            var next = 0
            func start(_ index: Int) {
                let role = accounts[index]
                group.addTask {
                    do throws(AWSError) {
                        let discovery = AWSDiscovery(client: client(role), regions: regions, services: services)
                        return (index, .success(try await discovery.run()))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(maxConcurrentAccounts, accounts.count) {
                start(next)
                next += 1
            }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                if next < accounts.count {
                    start(next)
                    next += 1
                }
            }
        }
        return Self.merge(accounts.indices.compactMap { i in outcomes[i].map { (accounts[i], $0) } })
    }

    /// One result of every account's outcome: resources placed under their account's module, errors marked with
    /// their account, an unread account as one `sts` error naming its role (which makes the whole cloud partial).
    static func merge(_ outcomes: [(AWSAccountRole, Result<DiscoveryResult, AWSError>)]) -> DiscoveryResult {
        var merged = DiscoveryResult(resources: [], errors: [], apiCalls: 0, callsByService: [:], regions: [], account: "")
        var stopped: Set<StoppedService> = []
        var readAccounts: [String] = []
        for (role, outcome) in outcomes {
            let account = role.account ?? role.roleARN
            switch outcome {
            case .failure(let error):
                var unread = DiscoveryError(
                    service: "sts", region: "global", operation: error.operation.isEmpty ? "AssumeRole" : error.operation,
                    resource: role.roleARN, underlying: error)
                unread.account = account
                merged.errors.append(unread)
                merged.accounts.append(DiscoveredAccount(account: account, roleARN: role.roleARN, name: role.name, read: false))
            case .success(let result):
                let entry = DiscoveredAccount(
                    account: result.account, roleARN: role.roleARN, name: role.name, read: true,
                    resourceCount: result.resources.count)
                merged.accounts.append(entry)
                readAccounts.append(result.account)
                merged.resources += result.resources.map { place($0, under: entry.modulePath) }
                merged.unread += result.unread.map { place($0, under: entry.modulePath) }
                merged.errors += result.errors.map { error in
                    var marked = error
                    marked.account = result.account
                    return marked
                }
                merged.apiCalls += result.apiCalls
                merged.callsByService.merge(result.callsByService, uniquingKeysWith: +)
                merged.callsByOperation.merge(result.callsByOperation, uniquingKeysWith: +)
                for region in result.regions where !merged.regions.contains(region) { merged.regions.append(region) }
                // The accounts share one call guard, so each reports the same stopped endpoints.
                stopped.formUnion(result.stoppedServices)
                merged.deadlineExceeded = merged.deadlineExceeded || result.deadlineExceeded
            }
        }
        merged.account = readAccounts.joined(separator: ",")
        merged.resources.sort { $0.address < $1.address }
        merged.unread.sort { $0.address < $1.address }
        merged.stoppedServices = stopped.sorted { ($0.service, $0.region) < ($1.service, $1.region) }
        return merged
    }

    /// `resource` with its address and its references' targets under `module` (references never leave an account).
    static func place(_ resource: Resource, under module: String) -> Resource {
        var placed = resource
        placed.modulePath = [module] + resource.modulePath
        placed.references = resource.references.map { reference in
            var moved = reference
            moved.target = module + "." + reference.target
            return moved
        }
        return placed
    }
}
