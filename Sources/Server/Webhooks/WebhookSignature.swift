import Crypto
import Foundation

/// Checks that a webhook came from the code host: GitHub's `X-Hub-Signature-256` (HMAC-SHA256 of the body with the
/// target's secret) or GitLab's `X-Gitlab-Token` (the secret itself), compared in constant time.
enum WebhookSignature {
    /// True when `header` is `sha256=<hex>` of the HMAC of `body` under `secret`.
    static func github(header: String?, body: [UInt8], secret: String) -> Bool {
        guard let header, header.hasPrefix("sha256="), let presented = hexBytes(header.dropFirst(7)) else { return false }
        let expected = Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
        return constantTimeEqual(presented, expected)
    }

    /// True when `header` equals `secret` (compared through their SHA-256, so the time says nothing of either).
    static func gitlab(header: String?, secret: String) -> Bool {
        guard let header else { return false }
        return constantTimeEqual(Array(SHA256.hash(data: Data(header.utf8))), Array(SHA256.hash(data: Data(secret.utf8))))
    }

    /// Compares every byte whatever the first difference, so timing tells nothing about how much matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    static func hexBytes(_ text: Substring) -> [UInt8]? {
        guard text.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
