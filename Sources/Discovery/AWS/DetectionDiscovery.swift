import AWS
import Model

/// GuardDuty detectors in one region: the list gives IDs only, so each detector gets one GetDetector call.
enum DetectionDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let ids =
            (await reader.restJSONPages(.guardduty, "ListDetectors", path: "/detector", token: "nextToken", field: "nextToken")
            ?? []).flatMap { ($0[member: "detectorIds"].elements ?? []).compactMap(\.stringValue) }
        for id in ids {
            let arn = reader.arn("guardduty", "detector/\(id)")
            let detector = await reader.restJSON(.guardduty, "GetDetector", path: "/detector/\(id)", resource: id)
            reader.add(
                LiveResource(
                    type: "aws_guardduty_detector", id: id, name: id, originID: arn, region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(arn), "account_id": .string(account),
                        "enable": detector.map { Value.bool($0[member: "status"].stringValue == "ENABLED") } ?? .unknown,
                        "finding_publishing_frequency": detector.map { $0[member: "findingPublishingFrequency"] } ?? .unknown,
                    ]))
        }
        return reader
    }
}
