import CloudHTTP
import Foundation
import TestSupport
import Testing

@Suite("URLSessionTransport against a loopback server")
struct URLSessionTransportTests {
    @Test func sendsMethodHeadersAndBodyAndReadsTheResponse() async throws {
        let server = try LoopbackHTTPServer { request in
            CannedResponse(status: 201, headers: [("X-Echo", request.header("X-Test") ?? "")], text: "got \(request.text)")
        }
        defer { server.stop() }
        let transport = URLSessionTransport()
        let url = try #require(URL(string: "\(server.baseURL)/a/b?x=1"))
        let response = try await transport.send(
            HTTPRequest(method: "POST", url: url, headers: [("X-Test", "hello")], body: Data("payload".utf8)),
            timeout: .seconds(10))
        #expect(response.status == 201)
        #expect(response.header("x-echo") == "hello")
        #expect(String(decoding: response.body, as: UTF8.self) == "got payload")
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.target == "/a/b?x=1")
    }

    @Test func keepsNoCookies() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(headers: [("Set-Cookie", "session=abc; Path=/")], text: "") }
        defer { server.stop() }
        let transport = URLSessionTransport()
        for _ in 0..<2 {
            _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(10))
        }
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.header("Cookie") == nil })
    }

    @Test func doesNotFollowARedirectToAnotherHost() async throws {
        let other = try LoopbackHTTPServer { _ in CannedResponse(text: "elsewhere") }
        defer { other.stop() }
        let location = "http://localhost:\(other.port)/stolen"
        let server = try LoopbackHTTPServer { _ in CannedResponse(status: 302, headers: [("Location", location)], text: "") }
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", url: server.baseURL, headers: [("Authorization", "AWS4-HMAC-SHA256 secret")])
        let response = try await URLSessionTransport().send(request, timeout: .seconds(10))
        #expect(response.status == 302)
        #expect(other.requests.isEmpty)
    }

    @Test func followsARedirectOnTheSameHost() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/old"
                ? CannedResponse(status: 302, headers: [("Location", "/new")], text: "")
                : CannedResponse(text: "moved here")
        }
        defer { server.stop() }
        let url = try #require(URL(string: "\(server.baseURL)/old"))
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url), timeout: .seconds(10))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "moved here")
    }

    @Test func rejectsABodyOverTheLimit() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(body: Data(repeating: 65, count: 5_000)) }
        defer { server.stop() }
        let transport = URLSessionTransport(maxResponseBytes: 1_000)
        let error = await #expect(throws: HTTPError.self) {
            _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL, api: "test:Big"), timeout: .seconds(10))
        }
        #expect(error?.code == .responseTooLarge)
        #expect(error?.api == "test:Big")
    }

    @Test func timesOutASlowServer() async throws {
        let server = try LoopbackHTTPServer { _ in
            Thread.sleep(forTimeInterval: 3)
            return CannedResponse(text: "late")
        }
        defer { server.stop() }
        let error = await #expect(throws: HTTPError.self) {
            _ = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .milliseconds(300))
        }
        #expect(error?.code == .timeout)
    }

    @Test func connectionErrorsNameTheAPIButNotTheSignedQuery() async throws {
        let port = try MotoServer.freePort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/bucket/key?X-Amz-Signature=SECRETSIG&X-Amz-Security-Token=TOKEN"))
        let error = await #expect(throws: HTTPError.self) {
            _ = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url, api: "s3:GetObject"), timeout: .seconds(10))
        }
        #expect(error?.code == .connection)
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("s3:GetObject"))
        #expect(text.contains("/bucket/key"))
        #expect(!text.contains("SECRETSIG"))
        #expect(!text.contains("TOKEN"))
    }

    @Test func refusesNonHTTPSchemes() async throws {
        let error = await #expect(throws: HTTPError.self) {
            _ = try await URLSessionTransport().send(
                HTTPRequest(method: "GET", url: URL(fileURLWithPath: "/etc/passwd")),
                timeout: .seconds(1))
        }
        #expect(error?.code == .invalidURL)
    }

    @Test func aConnectionErrorKeepsTheTransportCauseWithoutTheURL() async throws {
        let port = try MotoServer.freePort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/bucket/key?X-Amz-Signature=SECRETSIG"))
        let error = await #expect(throws: HTTPError.self) {
            _ = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url, api: "s3:GetObject"), timeout: .seconds(10))
        }
        let cause = try #require(error?.underlying as? NSError)
        #expect(cause.domain == NSURLErrorDomain)
        #expect(cause.userInfo.isEmpty, "the cause must not carry the signed URL")
        #expect(!"\(cause)".contains("SECRETSIG"))
        #expect(error?.file.hasSuffix("URLSessionTransport.swift") == true)
    }
}
