import AWS
import Foundation
import Model

/// IAM (global). Users and their policies come from GetAccountAuthorizationDetails (one paginated call, not
/// four per user); key age, last use and MFA from the credential report (account-wide). Only users the report
/// shows with keys get a ListAccessKeys call — the one per-user call the API forces, for the key IDs.
enum IAMDiscovery {
    static func read(client: AWSClient, account: String, now: Date = Date()) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
        let details =
            await reader.call("iam", "GetAccountAuthorizationDetails") { () async throws(AWSError) -> [XMLNode] in
                try await client.queryPages(
                    service: .iam, action: "GetAccountAuthorizationDetails",
                    params: ["Filter.member.1": "User", "MaxItems": "1000"],
                    tokenParameter: "Marker", tokenElement: "Marker")
            } ?? []
        let report = await credentialReport(&reader)
        // Which users hold a virtual device (a hardware-MFA check needs it): unknown for every user if not listed.
        await virtualMFADevices(&reader)
        let virtualMFAUnread: Value = reader.lastCallFailed ? .unknown : .bool(false)
        let users = details.flatMap { $0.all("GetAccountAuthorizationDetailsResult/UserDetailList/member") }
        var keyUsers: [String] = []
        for user in users {
            guard let name = user.string("UserName") else { continue }
            let arn = user.string("Arn") ?? reader.arn("iam", "user/\(name)", global: true)
            let row = report?[name]
            let edge = [LiveResource.Edge(attribute: "user", type: "aws_iam_user", id: name)]
            // Without a report row these settings are not known: unknown, never absent (absent would read as
            // "never used" and pass a check it should not).
            let reported: [String: Value] = [
                "mfa_active": row.map { .bool($0["mfa_active"] == "true") } ?? .unknown,
                "virtual_mfa_unread": virtualMFAUnread,
                "password_enabled": row.map { .bool($0["password_enabled"] == "true") } ?? .unknown,
                "password_last_used": row.map { .string($0["password_last_used"]) } ?? .unknown,
                "password_last_used_days": row.map { days(since: $0["password_last_used"], now: now) } ?? .unknown,
                "active_access_keys": row.map { r in
                    .number(Double(["1", "2"].filter { r["access_key_\($0)_active"] == "true" }.count))
                } ?? .unknown,
            ]
            let identity: [String: Value] = ["id": .string(name), "name": .string(name), "arn": .string(arn)]
            reader.add(
                LiveResource(
                    type: "aws_iam_user", id: name, name: name, originID: arn, region: nil,
                    attributes: identity.merging(reported) { first, _ in first }.merging([
                        "path": .string(user.string("Path")),
                        "unique_id": .string(user.string("UserId")), "create_date": .string(user.string("CreateDate")),
                        "tags": user.tags("Tags/member", key: "Key", value: "Value"),
                    ]) { first, _ in first }))
            if report == nil {
                reader.notRead(
                    LiveResource(
                        type: "aws_iam_user", id: name, name: name, originID: arn, region: nil,
                        attributes: identity.merging(reported) { first, _ in first }),
                    keep: Set(identity.keys), checked: false)
            }
            let groups = user.all("GroupList/member").map(\.text).filter { !$0.isEmpty }
            if !groups.isEmpty {
                reader.add(
                    LiveResource(
                        type: "aws_iam_user_group_membership", id: "\(name)/groups", name: "\(name)_groups",
                        originID: "\(arn)|groups", region: nil,
                        attributes: ["id": .string("\(name)/groups"), "user": .string(name), "groups": .strings(groups)],
                        edges: edge + groups.map { .init(attribute: "groups", type: "aws_iam_group", id: $0) }))
            }
            for policy in user.all("AttachedManagedPolicies/member") {
                guard let policyARN = policy.string("PolicyArn") else { continue }
                reader.add(
                    LiveResource(
                        type: "aws_iam_user_policy_attachment", id: "\(name)/\(policyARN)",
                        name: "\(name)_\(policy.string("PolicyName") ?? "policy")", originID: "\(arn)|\(policyARN)",
                        region: nil, attributes: ["user": .string(name), "policy_arn": .string(policyARN)],
                        edges: edge))
            }
            for policy in user.all("UserPolicyList/member") {
                let policyName = policy.string("PolicyName") ?? "inline"
                let document = policy.string("PolicyDocument").map { $0.removingPercentEncoding ?? $0 }
                reader.add(
                    LiveResource(
                        type: "aws_iam_user_policy", id: "\(name):\(policyName)", name: "\(name)_\(policyName)",
                        originID: "\(arn)|\(policyName)", region: nil,
                        attributes: [
                            "id": .string("\(name):\(policyName)"), "name": .string(policyName),
                            "user": .string(name), "policy": .string(document),
                        ], edges: edge))
            }
            if report == nil || row?["access_key_1_active"] == "true" || row?["access_key_2_active"] == "true"
                || row?["access_key_1_last_rotated"].map({ $0 != "N/A" }) == true
            {
                keyUsers.append(name)
            }
        }
        await reader.gather(keyUsers) { name in
            await accessKeys(user: name, row: report?[name], client: client, account: account, now: now)
        }
        await passwordPolicy(&reader)
        await samlProviders(&reader)
        return reader
    }

    static func accessKeys(
        user: String, row: [String: String]?, client: AWSClient, account: String,
        now: Date
    ) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
        let answer = await reader.call("iam", "ListAccessKeys", resource: user) { () async throws(AWSError) -> XMLNode in
            try await client.query(service: .iam, action: "ListAccessKeys", params: ["UserName": user], resource: user)
        }
        let keys = (answer?.all("ListAccessKeysResult/AccessKeyMetadata/member") ?? [])
            .sorted { ($0.string("CreateDate") ?? "") < ($1.string("CreateDate") ?? "") }
        for (slot, key) in keys.enumerated() {
            guard let id = key.string("AccessKeyId") else { continue }
            let created = key.string("CreateDate")
            let age = created.flatMap(parseDate).map { Double(Int(now.timeIntervalSince($0) / 86_400)) }
            // The report's key slots follow creation order; past slot 2 (never, AWS allows two keys) nothing is known.
            let lastUsed = slot < 2 ? row?["access_key_\(slot + 1)_last_used_date"] : nil
            reader.add(
                LiveResource(
                    type: "aws_iam_access_key", id: id, name: "\(user)_\(id)", originID: id, region: nil,
                    attributes: [
                        "id": .string(id), "user": .string(user), "status": .string(key.string("Status")),
                        "create_date": .string(created), "age_days": .number(age),
                        "last_used_date": lastUsed.map { $0 == "N/A" ? .null : .string($0) } ?? .unknown,
                        "last_used_days": lastUsed.map { days(since: $0, now: now) } ?? .unknown,
                    ], edges: [.init(attribute: "user", type: "aws_iam_user", id: user)]))
        }
        return reader
    }

    /// How many times `GenerateCredentialReport` is asked before the report is given up as not ready.
    static let reportAttempts = 10
    /// The name errors give the account's credential report, the resource the calls are about.
    static let reportResource = "credential-report"

    /// The credential report as rows by user name; nil when it could not be read (recorded as an error: a failed
    /// call, a report that never became COMPLETE, or an answer without its content).
    static func credentialReport(_ reader: inout ServiceReader) async -> [String: [String: String]]? {
        let client = reader.client
        var state: String?
        for attempt in 0..<reportAttempts {
            guard
                let answer = await reader.call(
                    "iam", "GenerateCredentialReport", resource: reportResource,
                    { () async throws(AWSError) -> XMLNode in
                        try await client.query(service: .iam, action: "GenerateCredentialReport")
                    })
            else { return nil }
            state = answer.first(named: "State")?.text
            if state == "COMPLETE" || attempt == reportAttempts - 1 { break }
            try? await Task.sleep(for: .milliseconds(200 * (attempt + 1)))
        }
        guard state == "COMPLETE" else {
            reader.errors.append(
                DiscoveryError(
                    service: "iam", region: reader.label, operation: "GenerateCredentialReport", resource: reportResource,
                    underlying: AWSError(
                        .serviceError,
                        "the credential report was not COMPLETE after \(reportAttempts) requests (last state: \(state ?? "none"))",
                        serviceCode: "ReportInProgress", service: "iam", operation: "GenerateCredentialReport",
                        resource: reportResource)))
            return nil
        }
        guard
            let answer = await reader.call(
                "iam", "GetCredentialReport", resource: reportResource,
                { () async throws(AWSError) -> XMLNode in
                    try await client.query(service: .iam, action: "GetCredentialReport")
                })
        else { return nil }
        guard let content = answer.first(named: "Content")?.text else {
            reader.errors.append(
                DiscoveryError(
                    service: "iam", region: reader.label, operation: "GetCredentialReport", resource: reportResource,
                    underlying: AWSError(
                        .malformedResponse, "the answer holds no report content", service: "iam",
                        operation: "GetCredentialReport", resource: reportResource)))
            return nil
        }
        let csv = Data(base64Encoded: content).map { String(decoding: $0, as: UTF8.self) } ?? content
        var lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [:] }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (index, name) in header.enumerated() where index < fields.count { row[name] = fields[index] }
            if let user = row["user"] { rows[user] = row }
        }
        return rows
    }

    static func virtualMFADevices(_ reader: inout ServiceReader) async {
        let client = reader.client
        let pages =
            await reader.call("iam", "ListVirtualMFADevices") { () async throws(AWSError) -> [XMLNode] in
                try await client.queryPages(
                    service: .iam, action: "ListVirtualMFADevices", params: ["AssignmentStatus": "Any"],
                    tokenParameter: "Marker", tokenElement: "Marker")
            } ?? []
        for device in pages.flatMap({ $0.all("ListVirtualMFADevicesResult/VirtualMFADevices/member") }) {
            guard let serial = device.string("SerialNumber") else { continue }
            let user = device.string("User/UserName")
            let name = serial.split(separator: "/").last.map(String.init) ?? serial
            reader.add(
                LiveResource(
                    type: "aws_iam_virtual_mfa_device", id: serial, name: name, originID: serial, region: nil,
                    attributes: [
                        "id": .string(serial), "arn": .string(serial),
                        "virtual_mfa_device_name": .string(name), "user_name": .string(user),
                        "enable_date": .string(device.string("EnableDate")),
                    ],
                    edges: user.map { [.init(attribute: "user_name", type: "aws_iam_user", id: $0)] } ?? []))
        }
    }

    /// SAML identity providers (ListSAMLProviders: names and expiry; the metadata document is not copied).
    static func samlProviders(_ reader: inout ServiceReader) async {
        let client = reader.client
        guard
            let answer = await reader.call(
                "iam", "ListSAMLProviders",
                { () async throws(AWSError) -> XMLNode in
                    try await client.query(service: .iam, action: "ListSAMLProviders")
                })
        else { return }
        for provider in answer.all("ListSAMLProvidersResult/SAMLProviderList/member") {
            guard let arn = provider.string("Arn") else { continue }
            let name = arn.split(separator: "/").last.map(String.init) ?? arn
            reader.add(
                LiveResource(
                    type: "aws_iam_saml_provider", id: arn, name: name, originID: arn, region: nil,
                    attributes: [
                        "id": .string(arn), "arn": .string(arn), "name": .string(name),
                        "valid_until": .string(provider.string("ValidUntil")),
                    ]))
        }
    }

    static func passwordPolicy(_ reader: inout ServiceReader) async {
        let client = reader.client
        guard
            let answer = await reader.call(
                "iam", "GetAccountPasswordPolicy", absent: ["NoSuchEntity"],
                {
                    () async throws(AWSError) -> XMLNode in
                    try await client.query(service: .iam, action: "GetAccountPasswordPolicy")
                }), let p = answer.node("GetAccountPasswordPolicyResult/PasswordPolicy")
        else { return }
        reader.add(
            LiveResource(
                type: "aws_iam_account_password_policy", id: reader.account, name: "account_\(reader.account)",
                originID: reader.account, region: nil,
                attributes: [
                    "id": .string("iam-account-password-policy"),
                    "minimum_password_length": .number(p.number("MinimumPasswordLength")),
                    "require_lowercase_characters": .bool(p.bool("RequireLowercaseCharacters") ?? false),
                    "require_uppercase_characters": .bool(p.bool("RequireUppercaseCharacters") ?? false),
                    "require_numbers": .bool(p.bool("RequireNumbers") ?? false),
                    "require_symbols": .bool(p.bool("RequireSymbols") ?? false),
                    "allow_users_to_change_password": .bool(p.bool("AllowUsersToChangePassword") ?? false),
                    "max_password_age": .number(p.number("MaxPasswordAge") ?? 0),
                    "password_reuse_prevention": .number(p.number("PasswordReusePrevention") ?? 0),
                    "hard_expiry": .bool(p.bool("HardExpiry") ?? false),
                    "expire_passwords": .bool(p.bool("ExpirePasswords") ?? false),
                ]))
    }

    /// Whole days from a credential-report date to `now`; null when the report says it never happened (`N/A`,
    /// `no_information`, `not_supported`, empty), unknown when the field is missing or not a date.
    static func days(since text: String?, now: Date) -> Value {
        guard let text else { return .unknown }
        if text.isEmpty || ["N/A", "no_information", "not_supported"].contains(text) { return .null }
        guard let date = parseDate(text) else { return .unknown }
        return .number(Double(Int(now.timeIntervalSince(date) / 86_400)))
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
