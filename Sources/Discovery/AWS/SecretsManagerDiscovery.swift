import AWS
import Foundation
import Model

/// Secrets Manager secrets in one region and their rotation, from one paginated ListSecrets call (secret values
/// are never read). Rotation becomes Terraform's separate `aws_secretsmanager_secret_rotation`. The days since the
/// last access and the last rotation are what only the cloud knows (`last_accessed_days`, `last_rotated_days`:
/// absent when it never happened).
enum SecretsManagerDiscovery {
    static func read(client: AWSClient, account: String, region: String, now: Date = Date()) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let secrets = (await reader.jsonPages(.secretsmanager, "ListSecrets", ["MaxResults": .number(100)]) ?? []).flatMap {
            $0[member: "SecretList"].elements ?? []
        }
        for secret in secrets {
            guard let arn = secret[member: "ARN"].stringValue else { continue }
            let name = secret[member: "Name"].stringValue ?? arn
            var edges: [LiveResource.Edge] = []
            if let key = secret[member: "KmsKeyId"].stringValue, key.hasPrefix("arn:aws:kms"), key.contains(":key/") {
                edges.append(.init(attribute: "kms_key_id", type: "aws_kms_key", id: key))
            }
            reader.add(
                LiveResource(
                    type: "aws_secretsmanager_secret", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(arn), "arn": .string(arn), "name": .string(name),
                        "description": secret[member: "Description"], "kms_key_id": secret[member: "KmsKeyId"],
                        "tags": tags(secret[member: "Tags"]),
                        "last_accessed_days": days(since: secret[member: "LastAccessedDate"], now: now),
                        "last_rotated_days": days(since: secret[member: "LastRotatedDate"], now: now),
                    ], edges: edges))
            guard secret[member: "RotationEnabled"].boolValue == true else { continue }
            let days = secret[member: "RotationRules"][member: "AutomaticallyAfterDays"]
            reader.add(
                LiveResource(
                    type: "aws_secretsmanager_secret_rotation", id: arn, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(arn), "secret_id": .string(arn),
                        "rotation_lambda_arn": secret[member: "RotationLambdaARN"],
                        "rotation_rules": .block([
                            "automatically_after_days": days,
                            "schedule_expression": secret[member: "RotationRules"][member: "ScheduleExpression"],
                        ]),
                    ], edges: [.init(attribute: "secret_id", type: "aws_secretsmanager_secret", id: arn)]))
        }
        return reader
    }

    /// Whole days from an epoch-seconds date to `now`: null when the answer has none (it never happened), unknown
    /// when it is not a number.
    static func days(since date: Value, now: Date) -> Value {
        if date.isNull { return .null }
        guard let seconds = date.numberValue else { return .unknown }
        return .number(Double(Int(now.timeIntervalSince(Date(timeIntervalSince1970: seconds)) / 86_400)))
    }

    /// A JSON `[{Key, Value}]` tag list as Terraform's `tags` map.
    static func tags(_ list: Value) -> Value {
        var tags: [String: Value] = [:]
        for tag in list.elements ?? [] {
            if let key = tag[member: "Key"].stringValue { tags[key] = .string(tag[member: "Value"].stringValue ?? "") }
        }
        return .map(tags)
    }
}
