import CloudHTTP
import Crypto
import Foundation

/// AWS Signature Version 4: signs requests in the Authorization header or presigns them in the query string.
public struct SigV4Signer: Sendable {
    /// The rules that differ between services (S3 is the exception to most of them).
    public struct Options: Sendable, Hashable {
        /// Remove `.`/`..` segments and repeated slashes before signing (every service but S3).
        public var normalizePath: Bool
        /// Encode the already-encoded path again (every service but S3, which encodes its keys once).
        public var doubleEncodePath: Bool
        /// Send the payload hash in `x-amz-content-sha256` (S3 requires it).
        public var contentSHA256Header: Bool
        /// Sign `UNSIGNED-PAYLOAD` instead of the body's hash (S3 over TLS, S3 presigned URLs).
        public var unsignedPayload: Bool
        /// Include the session token in what is signed; a few services want it appended afterwards.
        public var signSessionToken: Bool

        /// Creates options; the defaults are the rules for every service but S3.
        public init(
            normalizePath: Bool = true, doubleEncodePath: Bool = true, contentSHA256Header: Bool = false,
            unsignedPayload: Bool = false, signSessionToken: Bool = true
        ) {
            self.normalizePath = normalizePath
            self.doubleEncodePath = doubleEncodePath
            self.contentSHA256Header = contentSHA256Header
            self.unsignedPayload = unsignedPayload
            self.signSessionToken = signSessionToken
        }

        /// Every service but S3.
        public static let standard = Options()
        /// S3: no normalisation, single encoding, `x-amz-content-sha256` on every request.
        public static let s3 = Options(normalizePath: false, doubleEncodePath: false, contentSHA256Header: true)
    }

    /// Every intermediate product of one signature, so conformance suites can compare each step.
    public struct Signature: Sendable, Hashable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var signedHeaders: String
        public var credentialScope: String
    }

    public static let algorithm = "AWS4-HMAC-SHA256"
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// Headers that proxies and clients rewrite; signing them would break the signature in transit.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id", "connection"]

    public var credentials: AWSCredentials
    public var region: String
    /// The signing name of the service (`s3`, `ec2`, `sts`, `logs`, …).
    public var service: String
    public var options: Options

    /// Creates a signer for one service and region.
    public init(credentials: AWSCredentials, region: String, service: String, options: Options = .standard) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    // MARK: Requests

    /// Adds `Host`, `X-Amz-Date`, the session token, `x-amz-content-sha256` (S3) and `Authorization` to `request`.
    public func sign(_ request: inout HTTPRequest, date: Date = Date()) {
        let amzDate = SigV4Signer.amzDate(date)
        if request.header("Host") == nil { request.headers.insert(("Host", SigV4Signer.hostHeader(request.url)), at: 0) }
        request.setHeader("X-Amz-Date", amzDate)
        let payloadHash = options.unsignedPayload ? SigV4Signer.unsignedPayload : SigV4Signer.hexSHA256(request.body)
        if options.contentSHA256Header { request.setHeader("x-amz-content-sha256", payloadHash) }
        if let token = credentials.sessionToken, options.signSessionToken { request.setHeader("X-Amz-Security-Token", token) }
        let parts = SigV4Signer.split(request.url)
        let result = signature(
            method: request.method, path: parts.path, query: parts.query, headers: request.headers,
            payloadHash: payloadHash, date: date)
        request.setHeader("Authorization", authorization(result))
        if let token = credentials.sessionToken, !options.signSessionToken { request.setHeader("X-Amz-Security-Token", token) }
    }

    /// A presigned URL for `request` valid for `expires` seconds (S3 GetObject links, STS-style tokens).
    public func presign(_ request: HTTPRequest, expires: Int, date: Date = Date()) -> URL {
        let parts = SigV4Signer.split(request.url)
        var headers = request.headers
        if !headers.contains(where: { $0.0.lowercased() == "host" }) {
            headers.insert(("Host", SigV4Signer.hostHeader(request.url)), at: 0)
        }
        let payloadHash =
            options.contentSHA256Header || options.unsignedPayload
            ? SigV4Signer.unsignedPayload : SigV4Signer.hexSHA256(request.body)
        let query = presignedQuery(parts.query, headers: headers, expires: expires, date: date)
        let result = signature(
            method: request.method, path: parts.path, query: query, headers: headers,
            payloadHash: payloadHash, date: date)
        var final = query + "&X-Amz-Signature=" + result.signature
        if let token = credentials.sessionToken, !options.signSessionToken {
            final += "&X-Amz-Security-Token=" + SigV4Signer.encode(token)
        }
        var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        components?.percentEncodedQuery = final
        return components?.url ?? request.url
    }

    /// The query string of a presigned request before its signature: the caller's parameters plus the X-Amz-* ones.
    public func presignedQuery(_ query: String?, headers: [(String, String)], expires: Int, date: Date) -> String {
        let scope = credentialScope(date)
        var items = [
            "X-Amz-Algorithm=\(SigV4Signer.algorithm)",
            "X-Amz-Credential=" + SigV4Signer.encode("\(credentials.accessKeyID)/\(scope)"),
            "X-Amz-Date=\(SigV4Signer.amzDate(date))",
            "X-Amz-Expires=\(expires)",
        ]
        if let token = credentials.sessionToken, options.signSessionToken {
            items.append("X-Amz-Security-Token=" + SigV4Signer.encode(token))
        }
        items.append("X-Amz-SignedHeaders=" + SigV4Signer.encode(signedHeaderNames(headers).joined(separator: ";")))
        let existing = query.map { $0.isEmpty ? [] : [$0] } ?? []
        return (existing + items).joined(separator: "&")
    }

    // MARK: The algorithm

    /// Computes the signature of a request given as its raw parts: `path` and `query` exactly as sent
    /// (percent-encoded or not), `headers` as they will be sent.
    public func signature(
        method: String, path: String, query: String?, headers: [(String, String)],
        payloadHash: String, date: Date
    ) -> Signature {
        let names = signedHeaderNames(headers)
        let signedHeaders = names.joined(separator: ";")
        let canonical = [
            method.uppercased(),
            canonicalPath(path),
            SigV4Signer.canonicalQuery(query),
            canonicalHeaders(headers, names: names),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = credentialScope(date)
        let stringToSign = [
            SigV4Signer.algorithm, SigV4Signer.amzDate(date), scope,
            SigV4Signer.hexSHA256(Data(canonical.utf8)),
        ].joined(separator: "\n")
        let key = signingKey(date)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
        return Signature(
            canonicalRequest: canonical, stringToSign: stringToSign, signature: SigV4Signer.hex(mac),
            signedHeaders: signedHeaders, credentialScope: scope)
    }

    /// The `Authorization` header value for a computed signature.
    public func authorization(_ signature: Signature) -> String {
        "\(SigV4Signer.algorithm) Credential=\(credentials.accessKeyID)/\(signature.credentialScope), "
            + "SignedHeaders=\(signature.signedHeaders), Signature=\(signature.signature)"
    }

    /// `yyyymmdd/region/service/aws4_request`.
    public func credentialScope(_ date: Date) -> String {
        "\(SigV4Signer.amzDate(date).prefix(8))/\(region)/\(service)/aws4_request"
    }

    func signingKey(_ date: Date) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)))
        }
        let secret = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        let day = hmac(secret, String(SigV4Signer.amzDate(date).prefix(8)))
        return hmac(hmac(hmac(day, region), service), "aws4_request")
    }

    func signedHeaderNames(_ headers: [(String, String)]) -> [String] {
        Set(headers.map { $0.0.lowercased() }).subtracting(SigV4Signer.unsignedHeaders).sorted()
    }

    func canonicalHeaders(_ headers: [(String, String)], names: [String]) -> String {
        var values: [String: [String]] = [:]
        for (name, value) in headers { values[name.lowercased(), default: []].append(SigV4Signer.trimHeaderValue(value)) }
        return names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
    }

    /// The canonical URI: normalised unless S3, then encoded once (S3, from the decoded path) or twice.
    func canonicalPath(_ raw: String) -> String {
        var path = raw.isEmpty ? "/" : raw
        if options.normalizePath { path = SigV4Signer.normalize(path) }
        if !options.doubleEncodePath { path = path.removingPercentEncoding ?? path }
        return SigV4Signer.encode(path, keepSlash: true)
    }

    // MARK: Helpers

    /// Sorted `name=value` pairs, each part decoded then encoded the one canonical way.
    public static func canonicalQuery(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            pairs.append((encode(name.removingPercentEncoding ?? name), encode(value.removingPercentEncoding ?? value)))
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Percent-encodes every byte outside `A-Z a-z 0-9 - _ . ~` (and `/` when `keepSlash`), in upper-case hex.
    public static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out.append("/")
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Removes `.` and `..` segments and empty segments (repeated slashes), keeping a trailing slash.
    static func normalize(_ path: String) -> String {
        var stack: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                _ = stack.popLast()
                continue
            }
            stack.append(segment)
        }
        var result = "/" + stack.joined(separator: "/")
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last
        if path.hasSuffix("/") || last == "." || last == ".." { if !result.hasSuffix("/") { result += "/" } }
        return result
    }

    /// Trims both ends and collapses runs of whitespace (folded lines included) into one space.
    static func trimHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The raw (still percent-encoded) path and query of a URL.
    static func split(_ url: URL) -> (path: String, query: String?) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? url.path
        return (path.isEmpty ? "/" : path, components?.percentEncodedQuery)
    }

    /// `host` or `host:port` when the port is not the scheme's default, as clients send it.
    public static func hostHeader(_ url: URL) -> String {
        let host = url.host ?? ""
        guard let port = url.port else { return host }
        let scheme = url.scheme?.lowercased()
        if (scheme == "http" && port == 80) || (scheme == "https" && port == 443) { return host }
        return "\(host):\(port)"
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// Lower-case hex SHA-256 of `data`.
    public static func hexSHA256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
