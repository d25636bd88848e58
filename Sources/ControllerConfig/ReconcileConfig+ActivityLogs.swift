import Checks
import Foundation

extension ReconcileConfig {
    /// A target's `activityLogs:` block; every problem carries the node's line and column.
    static func activityLogs(_ node: YNode, base: String) throws(LoadError) -> TargetConfig.ActivityLogs {
        try node.requireKeys(
            in: ["aws", "azure", "localDirectory", "window", "model", "webhook", "maxReadAttempts"],
            "activityLogs")
        var logs = TargetConfig.ActivityLogs()
        if let a = node["aws"] {
            try a.requireKeys(in: ["bucket", "prefix", "region", "accounts"], "activityLogs.aws")
            guard let b = a["bucket"] else { throw a.error("activityLogs.aws needs a 'bucket'") }
            let bucket = try b.requireString("bucket")
            guard bucket.range(of: #"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"#, options: .regularExpression) != nil else {
                throw b.error("'\(bucket)' is not an S3 bucket name")
            }
            var aws = TargetConfig.ActivityLogs.AWS(bucket: bucket)
            if let p = a["prefix"] { aws.prefix = try p.requireString("prefix") }
            if let r = a["region"] { aws.region = try r.requireString("region") }
            if let c = a["accounts"] {
                aws.accounts = try c.requireStringList("accounts")
                for account in aws.accounts where account.count != 12 || !account.allSatisfy(\.isNumber) {
                    throw c.error("account '\(account)' must be 12 digits (quote it to keep leading zeros)")
                }
            }
            logs.aws = aws
        }
        if let z = node["azure"] {
            try z.requireKeys(in: ["subscription"], "activityLogs.azure")
            guard let s = z["subscription"] else { throw z.error("activityLogs.azure needs a 'subscription'") }
            let subscription = try s.requireString("subscription")
            guard UUID(uuidString: subscription) != nil else { throw s.error("subscription '\(subscription)' is not a GUID") }
            logs.azureSubscription = subscription
        }
        if let d = node["localDirectory"] { logs.localDirectory = absolute(try d.requireString("localDirectory"), base: base) }
        guard logs.aws != nil || logs.azureSubscription != nil || logs.localDirectory != nil else {
            throw node.error("activityLogs needs at least one of 'aws', 'azure' or 'localDirectory'")
        }
        if let w = node["window"] {
            let window = try duration(w, "window")
            guard window >= .seconds(60), window <= .seconds(7 * 86_400) else {
                throw w.error("'window' must be between 1m and 7 days")
            }
            logs.window = window
        }
        if let m = node["model"] { logs.model = absolute(try m.requireString("model"), base: base) }
        if let r = node["maxReadAttempts"] {
            guard let attempts = Int(try r.requireString("maxReadAttempts")), (1...1_000).contains(attempts) else {
                throw r.error("'maxReadAttempts' must be a whole number of cycles from 1 to 1000")
            }
            logs.maxReadAttempts = attempts
        }
        if let h = node["webhook"] {
            guard h.mappingPairs != nil else {
                throw h.error("the webhook URL is a secret: reference it with {urlEnv: NAME}, never inline")
            }
            try h.requireKeys(in: ["urlEnv"], "activityLogs.webhook")
            guard let e = h["urlEnv"] else { throw h.error("activityLogs.webhook needs 'urlEnv'") }
            logs.webhookURLEnv = try e.requireString("urlEnv")
        }
        return logs
    }
}
