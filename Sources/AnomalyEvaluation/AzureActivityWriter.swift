import Anomaly
import Foundation

/// Writes the harness's Azure calls as the Activity Log's storage export does: JSON Lines `PT1H.json` blobs under
/// `insights-activity-logs/resourceId=/SUBSCRIPTIONS/<ID>/y=YYYY/m=MM/d=DD/h=HH/m=00/`. Writes are preceded by
/// their "Start" record, as Azure logs them, so the reader's skipping of that half is exercised too.
public enum AzureActivityWriter {
    static let upnClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"

    /// Writes the Azure part of `dataset` under `directory`; returns the number of blobs written.
    @discardableResult
    public static func write(_ dataset: GeneratedDataset, to directory: URL) throws(AnomalyError) -> Int {
        var hours: [Int: [SyntheticCall]] = [:]
        for call in dataset.calls where dataset.cast[call.persona].cloud == .azure {
            hours[Int(call.time / 3600) * 3600, default: []].append(call)
        }
        var ids = Xoshiro256(seed: 0xA2E)
        let subscription = dataset.subscription.uppercased()
        for (hour, calls) in hours.sorted(by: { $0.key < $1.key }) {
            let c = Timestamp.civil(hour)
            let folder = directory.appendingPathComponent(
                String(
                    format: "insights-activity-logs/resourceId=/SUBSCRIPTIONS/%@/y=%04d/m=%02d/d=%02d/h=%02d/m=00",
                    subscription, c.year, c.month, c.day, c.hour))
            var lines: [String] = []
            for call in calls {
                let correlation = CloudTrailWriter.hex(&ids, 32)
                if !call.readOnly {
                    lines.append(try line(call, dataset: dataset, result: "Start", correlation: correlation, offset: -0.5))
                }
                lines.append(
                    try line(
                        call, dataset: dataset, result: call.errorCode == nil ? "Success" : "Failure", correlation: correlation, offset: 0))
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("PT1H.json"))
            } catch {
                throw AnomalyError(.io, "cannot write an Activity Log blob: \(error.localizedDescription)", location: folder.path)
            }
        }
        return hours.count
    }

    static func line(
        _ call: SyntheticCall, dataset: GeneratedDataset, result: String, correlation: String, offset: Double
    )
        throws(AnomalyError) -> String
    {
        let persona = dataset.cast[call.persona]
        let claims: [String: String] =
            persona.kind == .user
            ? [upnClaim: persona.name, "http://schemas.microsoft.com/claims/authnmethodsreferences": "pwd,mfa"]
            : ["appid": persona.name, "http://schemas.microsoft.com/identity/claims/objectidentifier": persona.name]
        let provider = call.service.uppercased()
        let resource =
            call.resource ?? "/SUBSCRIPTIONS/\(dataset.subscription.uppercased())/RESOURCEGROUPS/PROD/PROVIDERS/\(provider)/RESOURCE-1"
        var record: [String: Any] = [
            "time": Timestamp.format(call.time + offset).replacingOccurrences(of: "Z", with: ".0000000Z"),
            "resourceId": resource, "operationName": call.action.uppercased(), "category": "Administrative",
            "resultType": result, "callerIpAddress": call.ip, "correlationId": correlation,
            "identity": ["authorization": ["action": call.action, "scope": resource], "claims": claims],
            "level": "Information", "location": call.region,
        ]
        if result == "Failure" { record["resultSignature"] = "Forbidden.AuthorizationFailed" }
        do {
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw AnomalyError(.io, "cannot encode an Activity Log record: \(error)")
        }
    }
}
