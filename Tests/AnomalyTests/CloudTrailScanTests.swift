import Foundation
import Testing

@testable import Anomaly

/// The byte scanner reads CloudTrail records exactly as the `JSONSerialization` reader does, and hands anything it
/// cannot promise that for to it.
@Suite struct CloudTrailScanTests {
    static let base = """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/alice",
        "accountId":"111122223333","userName":"alice"},"eventTime":"2026-03-02T10:00:00Z","eventSource":"ec2.amazonaws.com",
        "eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15.3",
        "requestParameters":{"instancesSet":{"items":[{"instanceId":"i-0001"},{"instanceId":"i-0002"}]},"filterSet":{}},
        "responseElements":null,"requestID":"r1","eventID":"e1","readOnly":true,"eventType":"AwsApiCall",
        "managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management",
        "tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256"}}
        """

    /// Records the scanner reads itself, each with a quirk the two readers must agree on.
    static let variants: [String] = [
        base,
        // Numbers and booleans among request parameters, a repeated key, array values joined, null, nested depth.
        base.replacingOccurrences(
            of: "\"filterSet\":{}",
            with: """
                "maxResults":100,"dryRun":false,"offset":-5,"force":true,"nothing":null,"z":{"a":"1","a":"2"},
                "names":["x","y","x"],"deep":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":"too deep"}}}}}}}}
                """),
        // Escapes, Unicode escapes with a surrogate pair, raw UTF-8, an escaped member name.
        base.replacingOccurrences(
            of: "\"userAgent\":\"aws-cli/2.15.3\"", with: #""userAgent":"a\"b\\c\/d\n\u00e9\ud83d\ude00 é","event\u0054ype":"x""#),
        // A role session with MFA as a string, console sign-in failure, MFAUsed, resources, errorCode.
        """
        {"eventTime":"2026-03-02T10:00:00.123Z","eventName":"ConsoleLogin","eventSource":"signin.amazonaws.com",
        "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/Admin/s","sessionContext":{
        "sessionIssuer":{"arn":"arn:aws:iam::111122223333:role/Admin"},"attributes":{"mfaAuthenticated":"TRUE"}}},
        "responseElements":{"ConsoleLogin":"Failure"},"additionalEventData":{"MFAUsed":"No"},
        "resources":[{"ARN":"arn:aws:s3:::b"},{"ARN":"x"}],"readOnly":"false","somethingNew":1,"somethingNew":2}
        """,
        // Numbers where strings belong, service-invoked, a duplicate read member (the last wins), time zone offset.
        """
        {"eventTime":"2026-03-02T10:00:00+01:00","eventName":"RotateKey","eventName":"Decrypt","awsRegion":7,
        "userIdentity":{"accountId":111122223333,"invokedBy":"kms.amazonaws.com"},"readOnly":0,"errorCode":true,
        "requestParameters":{"keyId":12345}}
        """,
        // Malformed records that are still valid JSON: reasons must match.
        #"{"eventName":"X","userIdentity":{"type":"IAMUser","arn":"a"}}"#,
        #"{"eventTime":"yesterday","eventName":"X","userIdentity":{"type":"IAMUser","arn":"a"}}"#,
        #"{"eventTime":"2026-03-02T10:00:00Z","eventName":"X","userIdentity":{"type":"IAMUser"}}"#,
        #"{"eventTime":"2026-03-02T10:00:00Z","eventName":"X"}"#,
        #"{"eventTime":"2026-03-02T10:00:00Z","eventName":"","userIdentity":{"type":"Root","accountId":"1"}}"#,
    ]

    /// Records the scanner must refuse (the general reader decides: malformed, or read with numbers it converts).
    static let refused: [String] = [
        base.replacingOccurrences(of: "\"filterSet\":{}", with: "\"ratio\":1.5"),
        base.replacingOccurrences(of: "\"filterSet\":{}", with: "\"n\":-0"),
        base.replacingOccurrences(of: "\"readOnly\":true", with: "\"readOnly\":true,"),
        base.replacingOccurrences(of: "\"eventID\":\"e1\"", with: "\"eventID\":\"e\u{01}\""),
        base.replacingOccurrences(of: "\"eventID\":\"e1\"", with: #""eventID":"\ud800""#),
        base.replacingOccurrences(of: "\"eventID\":\"e1\"", with: #""eventID":"\x""#),
        base.replacingOccurrences(of: "\"eventID\":\"e1\"", with: "\"eventID\":tru"),
        base.replacingOccurrences(of: "\"eventID\":\"e1\"", with: "\"eventID\":01"),
        base + " x",
    ]

    func general(_ text: [UInt8]) -> (result: RecordResult, format: LogFormat?) {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text)) else {
            return (.malformed("invalid JSON"), nil)
        }
        return RecordDecoder.read(value, as: .cloudTrail)
    }

    /// Results compared as values (a dictionary's printed order varies between two equal dictionaries).
    enum Outcome: Equatable {
        case event(ActivityEvent, Set<String>)
        case skipped
        case malformed(String)
    }

    func describe(_ r: RecordResult) -> Outcome {
        switch r {
        case .event(let e, let unknown): return .event(e, Set(unknown))
        case .skipped: return .skipped
        case .malformed(let reason): return .malformed(reason)
        }
    }

    @Test(arguments: variants.indices) func scannerAgreesWithFoundation(_ index: Int) throws {
        let bytes = Array(Self.variants[index].utf8)
        let fields = try #require(CloudTrailScan.fields(bytes), "the scanner refused variant \(index)")
        #expect(describe(CloudTrailRecord.event(fields)) == describe(general(bytes).result))
        let piece = JSONRecordSplitter.Piece(container: "Records", bytes: bytes, offset: 0, topKeys: [])
        #expect(describe(RecordDecoder.decode(piece).result) == describe(general(bytes).result))
    }

    @Test(arguments: refused.indices) func scannerRefusesWhatItCannotPromise(_ index: Int) {
        let bytes = Array(Self.refused[index].utf8)
        #expect(CloudTrailScan.fields(bytes) == nil)
    }

    @Test func invalidUTF8IsRefusedAndStillMalformed() {
        var bytes = Array(Self.base.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "1"))!
        bytes[at] = 0xFF
        #expect(CloudTrailScan.fields(bytes) == nil)
        let piece = JSONRecordSplitter.Piece(container: "Records", bytes: bytes, offset: 0, topKeys: [])
        guard case .malformed = RecordDecoder.decode(piece).result else {
            Issue.record("invalid UTF-8 read as an event")
            return
        }
    }

    @Test func recordsOfOtherFormatsAreLeftToTheGeneralReader() {
        // A JSON line without eventTime or eventName is not CloudTrail: the guess still finds Azure.
        let azure = #"{"operationName":"Microsoft.Compute/virtualMachines/write","time":"2026-03-02T10:00:00Z","caller":"a@b"}"#
        let piece = JSONRecordSplitter.Piece(container: nil, bytes: Array(azure.utf8), offset: 0, topKeys: [])
        #expect(RecordDecoder.decode(piece).format == .azureExport)
        let line = JSONRecordSplitter.Piece(container: nil, bytes: Array(Self.base.utf8), offset: 0, topKeys: [])
        #expect(RecordDecoder.decode(line).format == .cloudTrail)
    }
}
