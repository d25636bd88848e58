import Foundation

/// A complete HTTP response: status, header fields and the whole body.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields in the order received; names compare case-insensitively.
    public var headers: [(String, String)]
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
