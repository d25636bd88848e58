import Checks
import HCL
import Model

/// What a Swift fix receives: the resource block in its current file, the check's arguments and the parameters.
struct NamedFixInput {
    var block: Block
    var file: WorkingFile
    var arguments: [String: Value]
    var parameters: [String: String]
}

/// Fixes written in Swift for what the declarative vocabulary cannot say, by the name check files use.
/// A fix returns its edits ([] when nothing needs changing) or nil when it does not apply.
struct NamedFixRegistry: Sendable {
    typealias Fix = @Sendable (NamedFixInput) throws(FixProblem) -> [TextEdit]?

    var fixes: [String: Fix]

    /// The built-in Swift fixes.
    static let standard = NamedFixRegistry(fixes: [
        "sg_ingress_admin_cidr": AdminIngressFix.securityGroup,
        "nsg_rule_admin_source": AdminIngressFix.networkSecurityRule,
    ])
}
