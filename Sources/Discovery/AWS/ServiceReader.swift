import AWS
import Model

/// Reads one service in one region: collects resources and turns every failed call into a `DiscoveryError`,
/// so one denied or broken call never hides what the others read.
struct ServiceReader: Sendable {
    let client: AWSClient
    let account: String
    /// The region to call; `global` services still call through a concrete region.
    let region: String
    /// The region recorded on errors and resources (`global` for IAM and S3 listing).
    let label: String
    var resources: [LiveResource] = []
    var errors: [DiscoveryError] = []
    /// Settings that were not read, as resources of the type that would have held them, every attribute unknown.
    var unread: [LiveResource] = []
    /// Whether the last `call` failed (an error was recorded), as opposed to answering or finding nothing.
    private(set) var lastCallFailed = false

    init(client: AWSClient, account: String, region: String, label: String? = nil) {
        self.client = client
        self.account = account
        self.region = region
        self.label = label ?? region
    }

    /// Runs `body`; on failure records the error and returns nil. Codes in `absent` mean "not configured"
    /// (`NoSuchBucketPolicy`) and are neither errors nor results.
    mutating func call<T: Sendable>(
        _ service: String, _ operation: String, resource: String? = nil,
        absent: Set<String> = [], _ body: () async throws(AWSError) -> T
    ) async -> T? {
        lastCallFailed = false
        do {
            return try await body()
        } catch {
            if let code = error.serviceCode, absent.contains(code) { return nil }
            lastCallFailed = true
            errors.append(
                DiscoveryError(
                    service: service, region: label, operation: operation, resource: resource,
                    underlying: error))
            return nil
        }
    }

    /// Adds a resource. While every call of this reader succeeded, an unknown top-level attribute is a value the API
    /// did not send, not one that failed to be read: it is left out (absent, so neither compared nor guessed).
    mutating func add(_ resource: LiveResource) {
        var resource = resource
        if errors.isEmpty { resource.attributes = resource.attributes.filter { $0.value != .unknown } }
        resources.append(resource)
    }

    /// Records that `resource`'s settings were not read: every attribute but `keep` (its identity) becomes unknown.
    /// With `checked`, the placeholder also joins the resources, so checks that look into it say UNKNOWN rather
    /// than FAILED for its absence; checks that only ask whether it exists would pass on it, so those settings are
    /// made unknown on the parent instead and the placeholder is kept for drift alone.
    mutating func notRead(_ resource: LiveResource, keep: Set<String> = ["id", "bucket"], checked: Bool) {
        var placeholder = resource
        for name in placeholder.attributes.keys where !keep.contains(name) { placeholder.attributes[name] = .unknown }
        unread.append(placeholder)
        if checked { resources.append(placeholder) }
    }

    /// Reads `items` concurrently (each into its own reader; the client bounds the concurrency per service and
    /// region) and merges what they read and what failed into this reader.
    mutating func gather<Item: Sendable>(_ items: [Item], _ read: @escaping @Sendable (Item) async -> ServiceReader) async {
        let parts = await withTaskGroup(of: ServiceReader.self) { group in
            for item in items { group.addTask { await read(item) } }
            var collected: [ServiceReader] = []
            for await part in group { collected.append(part) }
            return collected
        }
        for part in parts {
            resources += part.resources
            errors += part.errors
            unread += part.unread
        }
    }

    /// `arn:aws:service:region:account:suffix`.
    func arn(_ service: String, _ suffix: String, global: Bool = false) -> String {
        "arn:aws:\(service):\(global ? "" : region):\(account):\(suffix)"
    }
}

extension Value {
    /// A string value, or null when absent.
    static func string(_ text: String?) -> Value { text.map(Value.string) ?? .null }
    /// A boolean value, or unknown when absent: the APIs send every flag they know, so an absent one was not
    /// read, and guessing it would be drift or a verdict the cloud never gave.
    static func bool(_ flag: Bool?) -> Value { flag.map(Value.bool) ?? .unknown }
    /// A number value, or unknown when absent (as for flags).
    static func number(_ number: Double?) -> Value { number.map(Value.number) ?? .unknown }
    /// A member of a JSON answer as sent: unknown when the API left it out or sent `null` (so `add` leaves it out).
    static func sent(_ value: Value?) -> Value {
        guard let value, value != .null else { return .unknown }
        return value
    }
    /// A list of strings.
    static func strings(_ items: [String]) -> Value { .list(items.map(Value.string)) }
    /// One nested block, as Terraform's JSON representation writes it (a one-element list of objects).
    static func block(_ members: [String: Value]) -> Value { .list([.object(members)]) }
}

extension XMLNode {
    /// The EC2 `tagSet` / IAM / RDS `TagList` as a Terraform `tags` map.
    func tags(_ path: String, key: String = "key", value: String = "value") -> Value {
        var tags: [String: Value] = [:]
        for item in all(path) {
            if let k = item.string(key) { tags[k] = .string(item.string(value) ?? "") }
        }
        return .map(tags)
    }
}
