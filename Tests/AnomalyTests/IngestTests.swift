import Foundation
import Testing

@testable import Anomaly

@Suite struct IngestTests {
    let parser = LogParser()

    func trail(_ records: [String]) -> Data { Data("{\"Records\":[\(records.joined(separator: ","))]}".utf8) }

    @Test func cloudTrailPlainAndGzip() throws {
        let data = trail([
            Support.cloudTrailRecord(time: "2026-03-02T10:00:00Z", name: "DescribeInstances"),
            Support.cloudTrailRecord(time: "2026-03-02T10:05:00Z", name: "StopLogging", source: "cloudtrail.amazonaws.com"),
        ])
        for bytes in [data, try Gzip.compress(data)] {
            let (events, report) = parser.parse(bytes, key: "a.json.gz")
            #expect(report.error == nil)
            #expect(report.format == .cloudTrail)
            #expect(report.records == 2 && report.ingested == 2 && report.malformed == 0)
            #expect(events.map(\.action) == ["DescribeInstances", "StopLogging"])
            #expect(events[1].service == "cloudtrail")
            #expect(events[0].readOnly && !events[1].readOnly)
            #expect(events[0].principal == "arn:aws:iam::111122223333:user/dev")
            #expect(events[0].time == Support.monday + 10 * 3600)
        }
    }

    @Test func assumedRoleSessionsCollapseToTheRole() {
        let record = """
            {"eventTime":"2026-03-02T10:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","awsRegion":"us-east-1",
             "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/deploy/s1","accountId":"111122223333",
              "sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/deploy"},"attributes":{"mfaAuthenticated":"false"}}},
             "requestParameters":{"userName":"alice","tags":[{"key":"a","value":"1"},{"key":"b","value":"2"}]}}
            """
        let (events, _) = parser.parse(trail([record]), key: "k")
        #expect(events.first?.principal == "arn:aws:iam::111122223333:role/deploy")
        #expect(events.first?.principalType == .role)
        #expect(events.first?.mfa == false)
        #expect(events.first?.request["userName"] == "alice")
        #expect(events.first?.request["tags.key"] == "a,b")
        #expect(events.first?.resource == "alice")
    }

    @Test func consoleLoginMFAAndRoot() {
        let record = """
            {"eventTime":"2026-03-02T03:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1",
             "userIdentity":{"type":"Root","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},
             "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"}}
            """
        let (events, _) = parser.parse(trail([record]), key: "k")
        #expect(events.first?.principalType == .root)
        #expect(events.first?.principal == "arn:aws:iam::111122223333:root")
        #expect(events.first?.consoleLogin == true)
        #expect(events.first?.mfa == false)
        #expect(events.first?.failed == false)
    }

    @Test func truncatedGzipIsAReportedErrorNotACrash() throws {
        let data = try Gzip.compress(
            trail((0..<200).map { Support.cloudTrailRecord(time: "2026-03-02T10:00:\(String(format: "%02d", $0 % 60))Z", name: "A\($0)") }))
        for cut in [data.count / 2, data.count - 4, 10, 2] {
            // Records inflated before the cut are kept; the object is still an error.
            let (events, report) = parser.parse(data.prefix(cut), key: "cut.json.gz")
            #expect(events.count <= 200)
            #expect(report.error?.code == .truncatedGzip || report.error?.code == .corruptGzip)
            #expect(report.error?.location == "cut.json.gz")
        }
        var corrupt = data
        corrupt[20] ^= 0xFF
        corrupt[21] ^= 0xFF
        #expect(parser.parse(corrupt, key: "bad").1.error != nil)
    }

    @Test func gzipOutputIsCapped() throws {
        let big = try Gzip.compress(Data(repeating: UInt8(ascii: " "), count: 1 << 20))
        let small = LogParser(maxObjectBytes: 64 << 10)
        #expect(small.parse(big, key: "bomb.gz").1.error?.code == .tooLarge)
    }

    @Test func concatenatedGzipMembers() throws {
        let a = try Gzip.compress(Data("{\"Records\":[".utf8))
        let b = try Gzip.compress(Data((Support.cloudTrailRecord(time: "2026-03-02T10:00:00Z", name: "X") + "]}").utf8))
        let (events, report) = parser.parse(a + b, key: "multi.gz")
        #expect(report.error == nil)
        #expect(events.count == 1)
    }

    @Test func malformedRecordsAreCountedWithTheirIndex() {
        let data = trail([
            Support.cloudTrailRecord(time: "2026-03-02T10:00:00Z", name: "A"),
            "42",
            Support.cloudTrailRecord(time: "not a time", name: "B"),
            "{\"eventTime\":\"2026-03-02T10:00:00Z\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"x\"}}",
            "{\"eventTime\":\"2026-03-02T10:00:00Z\",\"eventName\":\"C\"}",
            Support.cloudTrailRecord(time: "2026-03-02T10:00:01Z", name: "D"),
        ])
        let (events, report) = parser.parse(data, key: "k")
        #expect(events.map(\.action) == ["A", "D"])
        #expect(report.records == 6)
        #expect(report.malformed == 4)
        #expect(report.issues.map(\.index) == [1, 2, 3, 4])
        #expect(report.issues[1].reason.contains("invalid eventTime"))
        #expect(report.issues[2].reason.contains("eventName"))
        #expect(report.issues[3].reason.contains("userIdentity"))
    }

    @Test func unknownFieldsAndOutOfOrderAreCountedButIngested() {
        let data = trail([
            Support.cloudTrailRecord(time: "2026-03-02T10:05:00Z", name: "A", extra: ",\"brandNewField\":{\"x\":1}"),
            Support.cloudTrailRecord(time: "2026-03-02T10:00:00Z", name: "B", extra: ",\"brandNewField\":2"),
            Support.cloudTrailRecord(time: "2026-03-02T10:07:00Z", name: "C"),
        ])
        let (events, report) = parser.parse(data, key: "k")
        #expect(events.count == 3)
        #expect(report.unknownFields == ["brandNewField": 2])
        #expect(report.outOfOrder == 1)
    }

    @Test func notALogIsAFileError() {
        #expect(parser.parse(Data("{\"foo\":[]}".utf8), key: "k").1.error?.code == .unexpectedShape)
        #expect(parser.parse(Data("hello".utf8), key: "k").1.error?.code == .invalidJSON)
        #expect(parser.parse(Data("[1,2]".utf8), key: "k").1.error?.code == .unexpectedShape)
        #expect(parser.parse(Data(), key: "k").1.error != nil)
    }

    @Test func azureRESTShape() {
        let json = """
            {"value":[
             {"caller":"alice@contoso.com","eventTimestamp":"2026-03-02T10:00:00.1234567Z","operationName":{"value":"Microsoft.Storage/storageAccounts/listKeys/action","localizedValue":"List keys"},
              "status":{"value":"Succeeded"},"subscriptionId":"sub-1","resourceId":"/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa",
              "httpRequest":{"clientIpAddress":"203.0.113.9","method":"POST"},"claims":{"appid":"x"}},
             {"caller":"alice@contoso.com","eventTimestamp":"2026-03-02T09:59:59Z","operationName":{"value":"Microsoft.Storage/storageAccounts/listKeys/action"},"status":{"value":"Started"}},
             {"caller":"11111111-2222-3333-4444-555555555555","eventTimestamp":"2026-03-02T10:01:00Z","operationName":{"value":"Microsoft.Compute/virtualMachines/read"},
              "status":{"value":"Failed"},"subStatus":{"value":"Forbidden"},"resourceId":"/subscriptions/SUB-2/x","futureField":1},
             {"caller":"bob@contoso.com","operationName":{"value":"x"}}
            ],"nextLink":null}
            """
        let (events, report) = parser.parse(Data(json.utf8), key: "rest.json")
        #expect(report.format == .azureREST)
        #expect(report.ingested == 2 && report.skipped == 1 && report.malformed == 1)
        #expect(report.unknownFields == ["futureField": 1])
        #expect(report.outOfOrder == 0)
        let e = events[0]
        #expect(e.cloud == .azure && e.principal == "alice@contoso.com" && e.principalType == .user)
        #expect(e.action == "microsoft.storage/storageaccounts/listkeys/action")
        #expect(e.service == "microsoft.storage")
        #expect(e.sourceIP == "203.0.113.9" && e.account == "sub-1")
        #expect(abs(e.time - (Support.monday + 36_000.1234567)) < 1e-6)
        #expect(events[1].principalType == .servicePrincipal)
        #expect(events[1].errorCode == "AuthorizationFailed" && events[1].accessDenied)
        #expect(events[1].account == "sub-2" && events[1].readOnly)
    }

    @Test func azureStorageExportJSONLines() {
        let upn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"
        let lines = [
            "{\"time\":\"2026-03-02T10:00:00.0000000Z\",\"resourceId\":\"/SUBSCRIPTIONS/SUB-1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.AUTHORIZATION/ELEVATEACCESS\",\"operationName\":\"MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION\",\"category\":\"Administrative\",\"resultType\":\"Success\",\"callerIpAddress\":\"203.0.113.5\",\"identity\":{\"claims\":{\"\(upn)\":\"Admin@Contoso.com\"}},\"level\":\"Information\",\"location\":\"global\"}",
            "",
            "{\"time\":\"2026-03-02T10:00:01Z\",\"operationName\":\"MICROSOFT.X/Y/WRITE\",\"resultType\":\"Start\",\"identity\":{\"claims\":{\"\(upn)\":\"a@b\"}}}",
            "{not json",
            "{\"time\":\"2026-03-02T10:00:02Z\",\"operationName\":\"MICROSOFT.X/Y/WRITE\",\"resultType\":\"Failure\",\"resultSignature\":\"Forbidden\",\"identity\":{\"claims\":{\"\(upn)\":\"a@b\"}}}",
        ]
        let (events, report) = parser.parse(Data(lines.joined(separator: "\n").utf8), key: "PT1H.json")
        #expect(report.format == .azureExport)
        #expect(report.ingested == 2 && report.skipped == 1 && report.malformed == 1)
        #expect(report.issues.first?.offset == lines[0..<3].reduce(0) { $0 + $1.utf8.count + 1 })
        #expect(events[0].principal == "admin@contoso.com")
        #expect(events[0].action == "microsoft.authorization/elevateaccess/action")
        #expect(events[0].account == "sub-1" && events[0].sourceIP == "203.0.113.5")
        #expect(events[1].errorCode == "AuthorizationFailed")
        // The pre-2018 export shape, one JSON document with "records".
        let old = "{\"records\":[\(lines[0])]}"
        #expect(parser.parse(Data(old.utf8), key: "old.json").0.count == 1)
    }

    @Test func timestamps() {
        #expect(Timestamp.parse("2026-03-02T00:00:00Z") == Support.monday)
        #expect(Timestamp.parse("2026-03-02T01:00:00+01:00") == Support.monday)
        #expect(Timestamp.parse("2026-03-02T00:00:00.5Z") == Support.monday + 0.5)
        #expect(Timestamp.parse("2026-03-02T00:00:00") == Support.monday)
        #expect(Timestamp.parse("1970-01-01T00:00:00Z") == 0)
        #expect(Timestamp.parse("2024-02-29T12:00:00Z") != nil)
        for bad in [
            "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02", "2026-03-02T00:00:00.Z", "2026-03-02T00:00:00Zjunk", "", "２０２６",
        ] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
        #expect(Timestamp.format(Support.monday + 3661) == "2026-03-02T01:01:01Z")
        #expect(Timestamp.civil(Int(Support.monday)).weekday == 0)
        #expect(Timestamp.civil(Int(Support.monday) + 6 * 86_400).weekday == 6)
    }

    @Test func cursorGroupsByFolderWithoutDate() {
        #expect(LogCursor.group(of: "AWSLogs/1/CloudTrail/us-east-1/2026/03/02/f.json.gz") == "AWSLogs/1/CloudTrail/us-east-1")
        var cursor = LogCursor()
        cursor.advance(past: "AWSLogs/1/CloudTrail/us-east-1/2026/03/02/b.json.gz")
        #expect(!cursor.isNew("AWSLogs/1/CloudTrail/us-east-1/2026/03/02/a.json.gz"))
        #expect(cursor.isNew("AWSLogs/1/CloudTrail/us-east-1/2026/03/03/a.json.gz"))
        // Another region sorts before, but has its own position.
        #expect(cursor.isNew("AWSLogs/1/CloudTrail/eu-west-1/2026/03/01/a.json.gz"))
    }

    @Test func directorySourceAndFileCursorStore() async throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("AWSLogs/1/CloudTrail/us-east-1/2026/03/02")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try trail([Support.cloudTrailRecord(time: "2026-03-02T10:00:00Z", name: "A")]).write(to: folder.appendingPathComponent("a.json"))
        try Gzip.compress(trail([Support.cloudTrailRecord(time: "2026-03-02T11:00:00Z", name: "B")])).write(
            to: folder.appendingPathComponent("b.json.gz"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data("{".utf8).write(to: folder.appendingPathComponent("c.json"))

        let source = LocalDirectorySource(root: dir)
        let state = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let store = JSONFileCursorStore(url: state.appendingPathComponent("state/cursor.json"))
        let first = try await LogIngestor().readNew(from: source, after: try store.load(source: source.name))
        #expect(first.events.map(\.action) == ["A", "B"])
        #expect(first.report.files.count == 3)
        #expect(first.report.failedFiles == 1)
        try store.save(first.cursor, source: source.name)
        let again = try await LogIngestor().readNew(from: source, after: try store.load(source: source.name))
        #expect(again.events.isEmpty && again.report.files.isEmpty)

        try await #expect(throws: AnomalyError.self) { try await source.read(key: "../etc/passwd") }
        try Data("{\"version\":9,\"sources\":{}}".utf8).write(to: store.url)
        #expect(throws: AnomalyError.self) { try store.load(source: "x") }
    }
}
