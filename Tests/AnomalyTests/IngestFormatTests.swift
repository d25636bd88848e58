import Foundation
import Testing

@testable import Anomaly

/// Every common export shape is normal input: bare arrays, JSON Lines, lookup-events, CloudTrail Lake results,
/// digest files, service-invoked events, and JSON errors reported with their byte offset.
@Suite struct IngestFormatTests {
    let parser = LogParser()
    let a = Support.cloudTrailRecord(time: "2026-03-02T10:05:00Z", name: "A")
    let b = Support.cloudTrailRecord(time: "2026-03-02T10:00:00Z", name: "B")

    @Test func bareArrayAndJSONLinesOfCloudTrailRecords() {
        for text in ["[\(a),\(b)]", "\(a)\n\(b)\n", "  \(a)\r\n\r\n\(b)"] {
            let (events, report) = parser.parse(Data(text.utf8), key: "k")
            #expect(report.error == nil)
            #expect(report.format == .cloudTrail)
            #expect(events.map(\.action) == ["A", "B"])
            #expect(report.malformed == 0)
        }
    }

    @Test func lookupEventsOutput() throws {
        let inner = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        let text =
            "{\"Events\":[{\"EventId\":\"1\",\"EventName\":\"A\",\"CloudTrailEvent\":\(inner)},{\"EventId\":\"2\"}],\"NextToken\":\"t\"}"
        let (events, report) = parser.parse(Data(text.utf8), key: "lookup.json")
        #expect(report.error == nil)
        #expect(report.format == .cloudTrailLookup)
        #expect(events.map(\.action) == ["A"])
        #expect(events.first?.principal == "arn:aws:iam::111122223333:user/dev")
        #expect(report.malformed == 1 && report.issues.first?.reason.contains("CloudTrailEvent") == true)
    }

    @Test func cloudTrailLakeQueryResults() {
        let text = """
            {"QueryStatus":"FINISHED","QueryResultRows":[
             [{"eventtime":"2026-03-02 10:00:00.000"},{"eventsource":"iam.amazonaws.com"},{"eventname":"CreateUser"},
              {"awsregion":"us-east-1"},{"useridentity":"{type=AssumedRole, principalid=AROA:s, arn=arn:aws:sts::111122223333:assumed-role/ci/s, accountid=111122223333, sessioncontext={sessionissuer={type=Role, arn=arn:aws:iam::111122223333:role/ci}, attributes={mfaauthenticated=false}}}"}],
             [{"eventJson":\(String(decoding: (try? JSONEncoder().encode(b)) ?? Data(), as: UTF8.self))}],
             [1]
            ]}
            """
        let (events, report) = parser.parse(Data(text.utf8), key: "lake.json")
        #expect(report.error == nil)
        #expect(report.format == .cloudTrailLake)
        #expect(events.map(\.action) == ["CreateUser", "B"])
        #expect(events.first?.principal == "arn:aws:iam::111122223333:role/ci")
        #expect(events.first?.principalType == .role)
        #expect(events.first?.mfa == false)
        #expect(events.first?.time == Support.monday + 36_000)
        #expect(report.malformed == 1)
    }

    @Test func digestFilesArePassedOverNotErrors() {
        let digest = """
            {"awsAccountId":"111122223333","digestStartTime":"2026-03-02T09:00:00Z","digestEndTime":"2026-03-02T10:00:00Z",
             "digestS3Bucket":"b","digestPublicKeyFingerprint":"f","logFiles":[{"s3Bucket":"b","s3Object":"o","hashValue":"h"}]}
            """
        let (events, report) = parser.parse(Data(digest.utf8), key: "CloudTrail-Digest/x.json.gz")
        #expect(report.error == nil)
        #expect(report.format == .cloudTrailDigest)
        #expect(events.isEmpty && report.malformed == 0 && report.skipped == 1)
        var all = IngestReport(files: [report])
        #expect(all.readProblem != nil)  // nothing but a digest: no events at all
        var log = IngestReport.FileReport(key: "log.json")
        log.ingested = 1
        all.files.append(log)
        #expect(all.readProblem == nil)
        #expect(all.summary.contains("1 digest files"))
    }

    @Test func serviceInvokedEventsAreEvents() {
        let record = """
            {"eventTime":"2026-03-02T10:00:00Z","eventSource":"kms.amazonaws.com","eventName":"RotateKey","awsRegion":"us-east-1",
             "userIdentity":{"accountId":"111122223333","invokedBy":"kms.amazonaws.com"},"eventType":"AwsServiceEvent","recipientAccountId":"111122223333"}
            """
        let (events, report) = parser.parse(Data("{\"Records\":[\(record)]}".utf8), key: "k")
        #expect(report.malformed == 0)
        #expect(events.first?.principal == "kms.amazonaws.com")
        #expect(events.first?.principalType == .service)
        // Without invokedBy there is still no principal: malformed, and said so.
        let none = record.replacingOccurrences(of: ",\"invokedBy\":\"kms.amazonaws.com\"", with: "")
        #expect(parser.parse(Data("[\(none)]".utf8), key: "k").1.malformed == 1)
    }

    @Test func jsonErrorsNameTheirByteOffset() {
        let text = "{\"Records\":[\(a),{\"eventTime\":\"2026-03-02T10:00:00Z\",,},\(b)]}"
        let (events, report) = parser.parse(Data(text.utf8), key: "k")
        #expect(events.count == 2)
        #expect(report.issues.first?.offset == 12 + a.utf8.count + 1)
        #expect(report.issues.first?.description.contains("at byte \(12 + a.utf8.count + 1)") == true)
        // A document cut short: the events before the cut are kept, the file is an error naming the offset.
        let cut = String("{\"Records\":[\(a),\(b)]}".dropLast(30))
        let (kept, truncated) = parser.parse(Data(cut.utf8), key: "cut.json")
        #expect(kept.map(\.action) == ["A"])
        #expect(truncated.error?.code == .invalidJSON)
        #expect(truncated.error?.description.contains("at byte \(cut.utf8.count)") == true)
        #expect(truncated.error?.location == "cut.json")
        // Not JSON at all: the offset of the first byte that cannot start a document.
        #expect(parser.parse(Data("  x".utf8), key: "k").1.error?.message.contains("byte 2") == true)
    }

    @Test func brokenJSONLineDoesNotSwallowTheRest() {
        let text = "\(a)\n{\"eventTime\": broken\n\(b)\n"
        let (events, report) = parser.parse(Data(text.utf8), key: "k.jsonl")
        #expect(events.map(\.action) == ["A", "B"])
        #expect(report.malformed == 1 && report.error == nil)
        #expect(report.issues.first?.offset == a.utf8.count + 1)
    }

    @Test func alertSourceEncodesAsKind() throws {
        let rule = Alert(
            dedupeKey: "k", severity: .high, principal: "p", account: "a", windowStart: 0, windowEnd: 1, title: "t",
            reasons: [], score: nil, source: .rule("stop-logging"))
        var model = rule
        model.source = .model
        #expect(PrintAlertSink.jsonLine(rule).contains("\"source\":{\"id\":\"stop-logging\",\"kind\":\"rule\"}"))
        #expect(PrintAlertSink.jsonLine(model).contains("\"source\":{\"kind\":\"model\"}"))
        let back = try JSONDecoder().decode(Alert.self, from: Data(PrintAlertSink.jsonLine(rule).utf8))
        #expect(back.source == .rule("stop-logging"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Alert.Source.self, from: Data("{\"kind\":\"oracle\"}".utf8))
        }
    }
}
