/// AWS managed policies that grant full access: to everything, or to IAM (and so, by way of it, to everything).
public enum ManagedPolicyARN {
    /// `arn:<partition>:iam::aws:policy/AdministratorAccess`.
    public static func isAdministratorAccess(_ arn: String) -> Bool { isAWSManaged(arn, named: "AdministratorAccess") }

    /// `arn:<partition>:iam::aws:policy/IAMFullAccess`.
    public static func isIAMFullAccess(_ arn: String) -> Bool { isAWSManaged(arn, named: "IAMFullAccess") }

    /// Either of them.
    public static func grantsFullAccess(_ arn: String) -> Bool { isAdministratorAccess(arn) || isIAMFullAccess(arn) }

    private static func isAWSManaged(_ arn: String, named name: String) -> Bool {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] == "iam" && parts[3].isEmpty
            && parts[4] == "aws" && parts[5] == "policy/" + name
    }
}
