import Foundation
import Model

/// Object values whose unset attributes are computed elsewhere: reading a member they lack yields `unknown`
/// instead of an error. A Terraform resource's attributes are the provider's schema, which a configuration only
/// partly sets, so `aws_vpc.main.ipv6_cidr_block` is "known after apply" even when the block never mentions it.
/// Membership is by value, so a resource object keeps the property wherever it flows unchanged (locals,
/// module inputs and outputs, `for` variables, splats, `each.value`); an object built from it does not.
public final class OpenObjects: @unchecked Sendable {
    // One load session registers objects while its evaluation reads them; the lock keeps a context
    // shared across tasks correct without making every read site async.
    private let lock = NSLock()
    private var objects: Set<Value> = []

    public init() {}

    /// Marks `value` (an object) as open.
    public func insert(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        objects.insert(value)
    }

    /// True when `value` was registered as open.
    public func contains(_ value: Value) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return objects.contains(value)
    }
}
