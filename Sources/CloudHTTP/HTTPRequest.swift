import Foundation

/// One HTTP request as a cloud client builds it, before it goes to a transport.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header fields in order; names compare case-insensitively and repeats are kept.
    public var headers: [(String, String)]
    public var body: Data
    /// What the request is for (`ec2:DescribeInstances us-east-1`), named in errors instead of the URL's secrets.
    public var api: String

    /// Creates a request; `api` labels errors so they name the call without its signed query string.
    public init(method: String, url: URL, headers: [(String, String)] = [], body: Data = Data(), api: String = "") {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.api = api
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// Replaces every value of header `name` with `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.0.caseInsensitiveCompare(name) == .orderedSame }
        headers.append((name, value))
    }

    /// The URL without its query string or user info, safe to show in errors and logs.
    public var redactedURL: String { HTTPRequest.redact(url) }

    /// `scheme://host[:port]/path` of `url`: presigned query strings and credentials never reach a message.
    public static func redact(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<url>" }
        parts.query = nil
        parts.fragment = nil
        parts.user = nil
        parts.password = nil
        return parts.string ?? "<url>"
    }
}
