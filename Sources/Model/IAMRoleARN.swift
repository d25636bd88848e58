import Foundation

/// The one reading of an IAM role ARN, shared by the CLI's `--assume-role`, the configuration's
/// `clouds.aws.accounts` and the credential provider, so all three accept and refuse the same ARNs.
public enum IAMRoleARN {
    /// The 12-digit account of a role ARN (`arn:<partition>:iam::<account>:role/<path/name>`); nil otherwise.
    public static func account(of arn: String) -> String? {
        let pattern = #"^arn:aws(-[a-z]+)*:iam::([0-9]{12}):role/[A-Za-z0-9+=,.@_/-]{1,512}$"#
        guard arn.range(of: pattern, options: .regularExpression) != nil else { return nil }
        return String(arn.split(separator: ":", omittingEmptySubsequences: false)[4])
    }
}
