import Checks
import Model

/// The account-level settings a baseline file may name, and the live resource attributes that hold them.
enum BaselineSettingCatalog {
    typealias Comparison = AccountSettingRequirement.Comparison

    /// `iam_password_policy` fields: numbers with a direction, the rest booleans compared for equality.
    static let passwordPolicyFields: [String: Comparison] = [
        "minimum_password_length": .atLeast, "password_reuse_prevention": .atLeast, "max_password_age": .atMost,
        "require_lowercase_characters": .equal, "require_uppercase_characters": .equal, "require_numbers": .equal,
        "require_symbols": .equal, "allow_users_to_change_password": .equal, "hard_expiry": .equal,
    ]

    static let publicAccessBlockFields = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

    static let keys: Set<String> = [
        "ebs_encryption_by_default", "s3_account_public_access_block", "iam_password_policy", "multi_region_trail", "defender_plans",
    ]

    /// The requirements of the `settings` mapping.
    static func requirements(_ node: YNode, file: String) throws(LoadError) -> [AccountSettingRequirement] {
        try node.requireKeys(in: keys, "'settings'")
        var out: [AccountSettingRequirement] = []
        for pair in try node.requireMapping("'settings'") {
            let range = Self.range(pair.node, file)
            switch pair.key {
            case "ebs_encryption_by_default":
                out.append(
                    .init(
                        setting: pair.key, resourceType: "aws_ebs_encryption_by_default", attribute: "enabled",
                        expected: .bool(try bool(pair.node, pair.key)), range: range))
            case "multi_region_trail":
                guard try bool(pair.node, pair.key) else { continue }
                out.append(
                    .init(
                        setting: pair.key, resourceType: "aws_cloudtrail", attribute: "is_multi_region_trail",
                        expected: .bool(true), quantifier: .any, range: range))
            case "s3_account_public_access_block":
                try pair.node.requireKeys(in: Set(publicAccessBlockFields), "'\(pair.key)'")
                for field in try pair.node.requireMapping("'\(pair.key)'") {
                    out.append(
                        .init(
                            setting: "\(pair.key).\(field.key)", resourceType: "aws_s3_account_public_access_block",
                            attribute: field.key, expected: .bool(try bool(field.node, field.key)), range: Self.range(field.node, file)))
                }
            case "iam_password_policy":
                try pair.node.requireKeys(in: Set(passwordPolicyFields.keys), "'\(pair.key)'")
                for field in try pair.node.requireMapping("'\(pair.key)'") {
                    let comparison = passwordPolicyFields[field.key] ?? .equal
                    let expected: Value
                    if comparison == .equal {
                        expected = .bool(try bool(field.node, field.key))
                    } else {
                        guard case .number(let n)? = field.node.scalarValue, n >= 0 else {
                            throw field.node.error("'\(field.key)' must be a number")
                        }
                        expected = .number(n)
                    }
                    out.append(
                        .init(
                            setting: "\(pair.key).\(field.key)", resourceType: "aws_iam_account_password_policy",
                            attribute: field.key, expected: expected, comparison: comparison, range: Self.range(field.node, file)))
                }
            case "defender_plans":
                for plan in try pair.node.requireMapping("'\(pair.key)'") {
                    let tier = try plan.node.requireString("the tier of \(plan.key)")
                    guard ["free", "standard"].contains(tier.lowercased()) else { throw plan.node.error("tier must be Free or Standard") }
                    out.append(
                        .init(
                            setting: "\(pair.key).\(plan.key)", resourceType: "azurerm_security_center_subscription_pricing",
                            attribute: "tier", selector: ["resource_type": .string(plan.key)], expected: .string(tier),
                            quantifier: .any, range: Self.range(plan.node, file)))
                }
            default:
                continue
            }
        }
        return out
    }

    private static func bool(_ node: YNode, _ what: String) throws(LoadError) -> Bool {
        guard case .bool(let b)? = node.scalarValue else { throw node.error("'\(what)' must be true or false") }
        return b
    }

    static func range(_ node: YNode, _ file: String) -> SourceRange {
        let position = SourcePosition(line: node.line, column: node.column, byte: 0)
        return SourceRange(file: file, start: position, end: position)
    }
}
