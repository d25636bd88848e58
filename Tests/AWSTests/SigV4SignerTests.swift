import AWS
import CloudHTTP
import Foundation
import Testing

@Suite("SigV4Signer rules")
struct SigV4SignerTests {
    let signer = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "wJalrSECRETKEY", sessionToken: "TOKENVALUE"),
        region: "us-east-1", service: "s3", options: .s3)

    @Test func encodesEverythingButUnreservedInUpperHex() {
        #expect(SigV4Signer.encode("a b/c~-_.é") == "a%20b%2Fc~-_.%C3%A9")
        #expect(SigV4Signer.encode("a b/c", keepSlash: true) == "a%20b/c")
    }

    @Test func canonicalQueryDecodesThenEncodesAndSorts() {
        #expect(SigV4Signer.canonicalQuery("b=2&a=x%20y&a=1&c") == "a=1&a=x%20y&b=2&c=")
        #expect(SigV4Signer.canonicalQuery("q=a+b") == "q=a%2Bb")
    }

    @Test func s3SigningAddsContentHashAndTokenAndHost() throws {
        var request = HTTPRequest(method: "PUT", url: try #require(URL(string: "http://127.0.0.1:9000/b/k")), body: Data("x".utf8))
        signer.sign(&request, date: Date(timeIntervalSince1970: 0))
        #expect(request.header("Host") == "127.0.0.1:9000")
        #expect(request.header("x-amz-content-sha256") == SigV4Signer.hexSHA256(Data("x".utf8)))
        #expect(request.header("X-Amz-Security-Token") == "TOKENVALUE")
        #expect(request.header("X-Amz-Date") == "19700101T000000Z")
        let auth = try #require(request.header("Authorization"))
        #expect(auth.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token"))
        #expect(auth.contains("Credential=AKID/19700101/us-east-1/s3/aws4_request"))
    }

    @Test func s3DoesNotDoubleEncodeButOtherServicesDo() {
        let date = Date(timeIntervalSince1970: 0)
        let s3 = signer.signature(method: "GET", path: "/b/a%20b", query: nil, headers: [("Host", "h")], payloadHash: "x", date: date)
        #expect(s3.canonicalRequest.split(separator: "\n")[1] == "/b/a%20b")
        let other = SigV4Signer(credentials: signer.credentials, region: "us-east-1", service: "ec2")
            .signature(method: "GET", path: "/b/a%20b", query: nil, headers: [("Host", "h")], payloadHash: "x", date: date)
        #expect(other.canonicalRequest.split(separator: "\n")[1] == "/b/a%2520b")
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let text = "\(signer.credentials)"
        #expect(!text.contains("wJalrSECRETKEY"))
        #expect(!text.contains("TOKENVALUE"))
        #expect(text.contains("AKID"))
    }
}
