import HCL
import Model

/// The resource addresses a value was computed from, tracked through locals, variables and outputs
/// so that `bucket = local.bucket_id` still links to the bucket.
struct ReferenceTargets: Sendable, Hashable {
    /// Absolute address (instance address when the key was known) → attribute of the target that was read.
    var targets: [String: String?] = [:]

    mutating func formUnion(_ other: ReferenceTargets) {
        for (k, v) in other.targets where targets[k] == nil || targets[k] == .some(nil) {
            targets[k] = v
        }
    }

    mutating func insert(_ address: String, attribute: String?) {
        if targets[address] == nil || targets[address] == .some(nil) { targets[address] = attribute }
    }
}
