// Runs AWS's published SigV4 test suite (the aws-c-auth "v4" cases) against SigV4Signer: for every case both
// the header and the query-string variants, comparing canonical request, string to sign and signature.
// Usage: sigv4-suite [DIR]   (default $BULWARK_SIGV4_SUITE or ../shared/testdata/aws-sigv4-suite)
import AWS
import Foundation

/// One parsed `request.txt`: the raw request line target is kept exactly as written (it may hold spaces).
struct RawRequest {
    var method: String
    var path: String
    var query: String?
    var headers: [(String, String)]
    var body: Data
}

func parseRequest(_ text: String) -> RawRequest? {
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    let sections = normalized.components(separatedBy: "\n\n")
    var lines = sections[0].components(separatedBy: "\n")
    guard !lines.isEmpty else { return nil }
    let requestLine = lines.removeFirst()
    guard let firstSpace = requestLine.firstIndex(of: " "), let lastSpace = requestLine.lastIndex(of: " "),
        firstSpace < lastSpace
    else { return nil }
    let method = String(requestLine[..<firstSpace])
    let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
    let (path, query): (String, String?) = {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }()
    var headers: [(String, String)] = []
    for line in lines where !line.isEmpty {
        if line.first == " " || line.first == "\t", !headers.isEmpty {
            headers[headers.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
            continue
        }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
    }
    let body = sections.count > 1 ? sections.dropFirst().joined(separator: "\n\n") : ""
    return RawRequest(method: method, path: path, query: query, headers: headers, body: Data(body.utf8))
}

func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

let environment = ProcessInfo.processInfo.environment
let directory = CommandLine.arguments.dropFirst().first ?? environment["BULWARK_SIGV4_SUITE"] ?? "../shared/testdata/aws-sigv4-suite"
let root = URL(fileURLWithPath: directory)
guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
    FileHandle.standardError.write(Data("sigv4-suite: cannot read \(root.path)\n".utf8))
    exit(2)
}
let iso = ISO8601DateFormatter()
var passed = 0
var total = 0
for name in entries.sorted() {
    let dir = root.appendingPathComponent(name)
    guard let contextText = read(dir.appendingPathComponent("context.json")) else { continue }
    guard let context = (try? JSONSerialization.jsonObject(with: Data(contextText.utf8))) as? [String: Any],
        let creds = context["credentials"] as? [String: Any],
        let requestText = read(dir.appendingPathComponent("request.txt")), let request = parseRequest(requestText),
        let date = (context["timestamp"] as? String).flatMap(iso.date(from:))
    else {
        total += 2
        print("FAIL \(name): unreadable case")
        continue
    }
    let credentials = AWSCredentials(
        accessKeyID: creds["access_key_id"] as? String ?? "",
        secretAccessKey: creds["secret_access_key"] as? String ?? "",
        sessionToken: creds["token"] as? String)
    let omitToken = context["omit_session_token"] as? Bool ?? false
    let options = SigV4Signer.Options(
        normalizePath: context["normalize"] as? Bool ?? true,
        signSessionToken: !omitToken)
    let signer = SigV4Signer(
        credentials: credentials, region: context["region"] as? String ?? "",
        service: context["service"] as? String ?? "", options: options)
    let payloadHash = SigV4Signer.hexSHA256(request.body)

    // Header variant.
    var headers = request.headers
    headers.append(("X-Amz-Date", SigV4Signer.amzDate(date)))
    if let token = credentials.sessionToken, !omitToken { headers.append(("X-Amz-Security-Token", token)) }
    if context["sign_body"] as? Bool ?? false { headers.append(("x-amz-content-sha256", payloadHash)) }
    let header = signer.signature(
        method: request.method, path: request.path, query: request.query, headers: headers,
        payloadHash: payloadHash, date: date)
    // Query variant.
    let expires = context["expiration_in_seconds"] as? Int ?? 3600
    let query = signer.presignedQuery(request.query, headers: request.headers, expires: expires, date: date)
    let presigned = signer.signature(
        method: request.method, path: request.path, query: query, headers: request.headers,
        payloadHash: payloadHash, date: date)

    for (variant, result) in [("header", header), ("query", presigned)] {
        total += 1
        let expected = [
            ("canonical request", read(dir.appendingPathComponent("\(variant)-canonical-request.txt")), result.canonicalRequest),
            ("string to sign", read(dir.appendingPathComponent("\(variant)-string-to-sign.txt")), result.stringToSign),
            ("signature", read(dir.appendingPathComponent("\(variant)-signature.txt")), result.signature),
        ]
        let mismatches = expected.filter { $0.1.map { $0.trimmingCharacters(in: .newlines) } != $0.2 }
        if mismatches.isEmpty {
            passed += 1
        } else {
            print("FAIL \(name) [\(variant)]: \(mismatches.map(\.0).joined(separator: ", "))")
            if environment["SIGV4_VERBOSE"] != nil {
                for m in mismatches { print("  expected:\n\(m.1 ?? "<missing>")\n  got:\n\(m.2)") }
            }
        }
    }
}
print("sigv4 suite: \(passed)/\(total) passed")
exit(passed == total ? 0 : 1)
