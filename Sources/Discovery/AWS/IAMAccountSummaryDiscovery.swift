import AWS
import Model

/// The account's root-user posture (MFA, access keys) from IAM GetAccountSummary, one call. No Terraform resource
/// holds it, so it is read as the data source `aws_iam_account_summary`: checks can ask about it, drift ignores it.
enum IAMAccountSummaryDiscovery {
    static func read(client: AWSClient, account: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
        guard let answer = await reader.query(.iam, "GetAccountSummary", [:], resource: nil) else { return reader }
        var summary: [String: Double] = [:]
        for entry in answer.all("GetAccountSummaryResult/SummaryMap/entry") {
            if let key = entry.string("key"), let value = entry.number("value") { summary[key] = value }
        }
        /// A flag the summary gives as 0/1; unknown when the summary leaves it out.
        func flag(_ key: String) -> Value { summary[key].map { .bool($0 != 0) } ?? .unknown }
        reader.add(
            LiveResource(
                mode: .data, type: "aws_iam_account_summary", id: account, name: "account_\(account)",
                originID: "arn:aws:iam::\(account):root", region: nil,
                attributes: [
                    "id": .string(account), "account_mfa_enabled": flag("AccountMFAEnabled"),
                    "account_access_keys_present": flag("AccountAccessKeysPresent"),
                    "account_signing_certificates_present": flag("AccountSigningCertificatesPresent"),
                    "users": .number(summary["Users"]), "mfa_devices": .number(summary["MFADevices"]),
                ]))
        return reader
    }
}
