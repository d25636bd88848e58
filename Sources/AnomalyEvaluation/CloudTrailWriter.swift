import Anomaly
import Foundation

/// Writes harness calls as CloudTrail does: gzip JSON `{"Records": […]}` objects under
/// `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`, one object per region and hour.
public enum CloudTrailWriter {
    /// Writes `dataset` under `directory`; returns the number of objects written.
    @discardableResult
    public static func write(_ dataset: GeneratedDataset, to directory: URL) throws(AnomalyError) -> Int {
        var groups: [String: [SyntheticCall]] = [:]
        for call in dataset.calls where dataset.cast[call.persona].cloud == .aws {
            let hour = Int(call.time / 3600) * 3600
            groups["\(call.region)|\(hour)", default: []].append(call)
        }
        var ids = Xoshiro256(seed: 0xC10D_7EA1)
        var written = 0
        for key in groups.keys.sorted() {
            guard let calls = groups[key], let first = calls.first else { continue }
            let hour = Int(first.time / 3600) * 3600
            let c = Timestamp.civil(hour)
            let date = String(format: "%04d/%02d/%02d", c.year, c.month, c.day)
            let stamp = String(format: "%04d%02d%02dT%02d%02dZ", c.year, c.month, c.day, c.hour, 0)
            let name = "\(dataset.account)_CloudTrail_\(first.region)_\(stamp)_\(String(ids.next() % 0xFFFF_FFFF, radix: 36)).json.gz"
            let folder = directory.appendingPathComponent("AWSLogs/\(dataset.account)/CloudTrail/\(first.region)/\(date)")
            let records = calls.map { record($0, dataset: dataset, ids: &ids) }
            let json: Data
            do {
                json = try JSONSerialization.data(withJSONObject: ["Records": records], options: [.sortedKeys])
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Gzip.compress(json).write(to: folder.appendingPathComponent(name))
            } catch let error as AnomalyError {
                throw error
            } catch {
                throw AnomalyError(.io, "cannot write a CloudTrail object: \(error.localizedDescription)", location: folder.path)
            }
            written += 1
        }
        return written
    }

    static func hex(_ rng: inout Xoshiro256, _ n: Int) -> String {
        var s = ""
        while s.count < n { s += String(rng.next(), radix: 16) }
        return String(s.prefix(n))
    }

    static func record(_ call: SyntheticCall, dataset: GeneratedDataset, ids: inout Xoshiro256) -> [String: Any] {
        let persona = dataset.cast[call.persona]
        let account = dataset.account
        let time = Timestamp.format(call.time)
        var identity: [String: Any]
        switch persona.kind {
        case .user:
            identity = [
                "type": "IAMUser", "principalId": "AIDA" + persona.name.uppercased().filter(\.isLetter),
                "arn": persona.arn(account: account), "accountId": account, "userName": persona.name,
            ]
            if call.agent == Persona.console || call.console {
                identity["sessionContext"] = ["attributes": ["mfaAuthenticated": call.mfa ? "true" : "false", "creationDate": time]]
            }
        case .service:
            // AWS services acting on their own name only themselves (`invokedBy`), with no ARN.
            identity = ["type": "AWSService", "invokedBy": persona.name]
        case .role:
            let session = "\(persona.name)-session"
            identity = [
                "type": "AssumedRole", "principalId": "AROA\(persona.name.uppercased().filter(\.isLetter)):\(session)",
                "arn": "arn:aws:sts::\(account):assumed-role/\(persona.name)/\(session)", "accountId": account,
                "sessionContext": [
                    "sessionIssuer": [
                        "type": "Role", "arn": persona.arn(account: account), "accountId": account, "userName": persona.name,
                    ],
                    "attributes": ["mfaAuthenticated": "false", "creationDate": time],
                ],
            ]
        }
        var r: [String: Any] = [
            "eventVersion": "1.09", "userIdentity": identity, "eventTime": time,
            "eventSource": "\(call.service).amazonaws.com", "eventName": call.action, "awsRegion": call.region,
            "sourceIPAddress": call.ip, "userAgent": call.agent, "requestID": hex(&ids, 32), "eventID": hex(&ids, 32),
            "eventType": call.console ? "AwsConsoleSignIn" : "AwsApiCall", "managementEvent": true,
            "recipientAccountId": account, "eventCategory": "Management",
            "requestParameters": call.request.isEmpty ? NSNull() : call.request.mapValues(SyntheticCall.foundation),
            "responseElements": NSNull(),
        ]
        if call.console {
            r["responseElements"] = ["ConsoleLogin": call.errorCode == nil ? "Success" : "Failure"]
            r["additionalEventData"] = [
                "LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No",
                "MFAUsed": call.mfa ? "Yes" : "No",
            ]
        } else {
            r["readOnly"] = call.readOnly
        }
        if let code = call.errorCode {
            r["errorCode"] = code
            r["errorMessage"] = "User is not authorized to perform this operation"
        }
        return r
    }
}
