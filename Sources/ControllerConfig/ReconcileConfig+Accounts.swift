import Checks

extension ReconcileConfig {
    /// `clouds.aws.accounts`: a list of `{roleArn, externalId?, name?}`, each a role ARN of a distinct 12-digit
    /// account; `externalId` is a string or a `{env:}` / `{file:}` reference.
    static func awsAccounts(_ node: YNode, base: String) throws(LoadError) -> [AWSAccountConfig] {
        guard let items = node.sequenceItems else {
            throw node.error("'clouds.aws.accounts' must be a list of {roleArn, externalId, name}")
        }
        var accounts: [AWSAccountConfig] = []
        var seen: [String: String] = [:]
        for item in items {
            guard item.mappingPairs != nil else {
                throw item.error("each entry of 'clouds.aws.accounts' must be a mapping with 'roleArn'")
            }
            try item.requireKeys(in: ["roleArn", "externalId", "name"], "an entry of clouds.aws.accounts")
            guard let arnNode = item["roleArn"] else { throw item.error("an entry of clouds.aws.accounts needs 'roleArn'") }
            let arn = try arnNode.requireString("roleArn")
            guard let account = AWSAccountConfig.account(ofRole: arn) else {
                throw arnNode.error("'roleArn' '\(arn)' must be a role ARN: arn:aws:iam::<12-digit account>:role/<name>")
            }
            if let other = seen[account] {
                throw arnNode.error("'roleArn' '\(arn)' reads account \(account) again (already read through \(other))")
            }
            seen[account] = arn
            var entry = AWSAccountConfig(roleARN: arn)
            if let e = item["externalId"] {
                if e.mappingPairs != nil {
                    entry.externalID = .reference(try secret(e, base: base))
                } else {
                    let value = try e.requireString("externalId")
                    // STS accepts 2–1224 characters of [\w+=,.@:/-].
                    guard value.range(of: #"^[A-Za-z0-9_+=,.@:/-]{2,1224}$"#, options: .regularExpression) != nil else {
                        throw e.error("'externalId' must be 2-1224 letters, digits or +=,.@:/-_")
                    }
                    entry.externalID = .literal(value)
                }
            }
            if let n = item["name"] { entry.name = try n.requireString("name") }
            accounts.append(entry)
        }
        guard !accounts.isEmpty else { throw node.error("'clouds.aws.accounts' must not be empty (leave it out instead)") }
        return accounts
    }
}
