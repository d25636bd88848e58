import AWS
import CloudHTTP
import Foundation
import Testing

/// Our signatures must equal botocore's for the same request, credentials and clock.
@Suite("SigV4 against botocore")
struct SigV4BotocoreTests {
    struct Case: Codable {
        var name: String
        var method: String
        var url: String
        var headers: [[String]]
        var body: String
        var service: String
        var region: String
        var s3: Bool
        var presign: Bool
        var expires: Int
        var token: String?
    }

    static let fixed = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let token = "FQoGZXIvYXdzEXAMPLE/token+with=chars"

    static let cases: [Case] = [
        Case(
            name: "get-query", method: "GET", url: "https://ec2.us-east-1.amazonaws.com/?Action=DescribeInstances&Version=2016-11-15",
            headers: [], body: "", service: "ec2", region: "us-east-1", s3: false, presign: false, expires: 0),
        Case(
            name: "post-form", method: "POST", url: "https://iam.amazonaws.com/",
            headers: [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]],
            body: "Action=ListUsers&Version=2010-05-08", service: "iam", region: "us-east-1", s3: false, presign: false, expires: 0),
        Case(
            name: "query-needs-encoding", method: "GET",
            url: "https://example.amazonaws.com/path/?foo=a%20b%2Fc&%E2%82%AC=%3D%26&empty=&tilde=~x",
            headers: [], body: "", service: "service", region: "eu-west-1", s3: false, presign: false, expires: 0),
        Case(
            name: "json-target", method: "POST", url: "https://kms.eu-central-1.amazonaws.com/",
            headers: [["Content-Type", "application/x-amz-json-1.1"], ["X-Amz-Target", "TrentService.ListKeys"]],
            body: "{\"Limit\":100}", service: "kms", region: "eu-central-1", s3: false, presign: false, expires: 0),
        Case(
            name: "s3-put-space-unicode", method: "PUT",
            url: "https://s3.us-west-2.amazonaws.com/my-bucket/dir/my%20file%20%C3%A9%E2%82%AC.txt",
            headers: [["Content-Type", "text/plain"]], body: "hello world", service: "s3", region: "us-west-2",
            s3: true, presign: false, expires: 0),
        Case(
            name: "s3-subresource", method: "GET", url: "https://my-bucket.s3.us-east-1.amazonaws.com/?acl=",
            headers: [], body: "", service: "s3", region: "us-east-1", s3: true, presign: false, expires: 0),
        Case(
            name: "session-token", method: "POST", url: "https://sts.us-east-1.amazonaws.com/",
            headers: [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]],
            body: "Action=GetCallerIdentity&Version=2011-06-15", service: "sts", region: "us-east-1", s3: false,
            presign: false, expires: 0, token: token),
        Case(
            name: "custom-port", method: "GET", url: "http://127.0.0.1:5000/my-bucket/key.txt",
            headers: [], body: "", service: "s3", region: "us-east-1", s3: true, presign: false, expires: 0),
        Case(
            name: "s3-presigned", method: "GET",
            url: "https://s3.us-east-1.amazonaws.com/logs-bucket/AWSLogs/a%20b.json.gz",
            headers: [], body: "", service: "s3", region: "us-east-1", s3: true, presign: true, expires: 900, token: token),
    ]

    static func ours(_ c: Case) throws -> (authorization: String, url: String) {
        let url = try #require(URL(string: c.url))
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: c.token)
        let signer = SigV4Signer(
            credentials: credentials, region: c.region, service: c.service,
            options: c.s3 ? .s3 : .standard)
        var request = HTTPRequest(
            method: c.method, url: url, headers: c.headers.map { ($0[0], $0[1]) },
            body: Data(c.body.utf8))
        if c.presign { return ("", signer.presign(request, expires: c.expires, date: fixed).absoluteString) }
        signer.sign(&request, date: fixed)
        return (request.header("Authorization") ?? "", c.url)
    }

    static func queryItems(_ url: String) -> [String: String] {
        let query = url.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            items[name] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
        }
        return items
    }

    @Test func signaturesMatchBotocore() throws {
        let input = try JSONEncoder().encode(Self.cases)
        let output = try PythonRunner.run(fixture: "botocore_sign", stdin: input)
        let expected = try JSONDecoder().decode([String: [String: String]].self, from: output)
        #expect(expected.count == Self.cases.count)
        for c in Self.cases {
            let theirs = try #require(expected[c.name], "botocore gave no answer for \(c.name)")
            let mine = try Self.ours(c)
            if c.presign {
                let a = Self.queryItems(mine.url)
                let b = Self.queryItems(theirs["url"] ?? "")
                #expect(a["X-Amz-Signature"] != nil, "\(c.name)")
                #expect(a == b, "\(c.name): presigned query differs\nours:   \(mine.url)\ntheirs: \(theirs["url"] ?? "")")
            } else {
                #expect(mine.authorization == theirs["authorization"], "\(c.name)")
            }
        }
    }
}
