import Crypto
import Foundation

/// API token secrets: 32 random bytes, shown once; the store keeps only their SHA-256.
public enum TokenSecret {
    /// The prefix every token starts with, so a leaked one is recognisable in a secret scanner.
    public static let prefix = "bwk_"

    /// A new random token (from the system's cryptographic generator).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return prefix + base64URL(bytes)
    }

    /// The stored form of `token`: SHA-256, base64url without padding.
    public static func hash(_ token: String) -> String {
        base64URL(Array(SHA256.hash(data: Data(token.utf8))))
    }

    /// Base64url without padding (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
