import Crypto
import Foundation
import Model

/// Terraform's hash and UUID functions; random ones (uuid, bcrypt) are always unknown.
enum HashFunctions {
    static var all: [Function] {
        [
            Function("md5", arguments: 1...1) { args, _ in .string(hex(Insecure.MD5.hash(data: Array(try Arg.string(args, 0, "str").utf8))))
            },
            Function("sha1", arguments: 1...1) { args, _ in
                .string(hex(Insecure.SHA1.hash(data: Array(try Arg.string(args, 0, "str").utf8))))
            },
            Function("sha256", arguments: 1...1) { args, _ in .string(hex(SHA256.hash(data: Array(try Arg.string(args, 0, "str").utf8)))) },
            Function("sha512", arguments: 1...1) { args, _ in .string(hex(SHA512.hash(data: Array(try Arg.string(args, 0, "str").utf8)))) },
            Function("base64sha256", arguments: 1...1) { args, _ in
                .string(Data(SHA256.hash(data: Array(try Arg.string(args, 0, "str").utf8))).base64EncodedString())
            },
            Function("base64sha512", arguments: 1...1) { args, _ in
                .string(Data(SHA512.hash(data: Array(try Arg.string(args, 0, "str").utf8))).base64EncodedString())
            },
            // A fresh random value on every run: never known before apply.
            Function("uuid", arguments: 0...0, handlesUnknown: true) { _, _ in .unknown },
            Function("bcrypt", arguments: 1...2, handlesUnknown: true) { _, _ in .unknown },
            // Deterministic in Terraform, but not reproducible here byte for byte (Go's deflate for base64gzip,
            // RSA private-key decryption for rsadecrypt, YAML parsing for yamldecode) and sensitivity marks are
            // not tracked (issensitive): unknown is the sound answer, never a guessed concrete value.
            Function("base64gzip", arguments: 1...1, handlesUnknown: true) { _, _ in .unknown },
            Function("rsadecrypt", arguments: 2...2, handlesUnknown: true) { _, _ in .unknown },
            Function("yamldecode", arguments: 1...1, handlesUnknown: true) { _, _ in .unknown },
            Function("issensitive", arguments: 1...1, handlesUnknown: true) { _, _ in .unknown },
            Function("uuidv5", arguments: 2...2) { args, _ in try uuidV5(args) },
        ]
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var out = ""
        for byte in digest {
            out += byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }
        return out
    }

    private static func uuidV5(_ args: [Value]) throws(FunctionError) -> Value {
        let namespace = try Arg.string(args, 0, "namespace")
        let name = try Arg.string(args, 1, "name")
        let namespaceText: String
        switch namespace {
        case "dns": namespaceText = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
        case "url": namespaceText = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
        case "oid": namespaceText = "6ba7b812-9dad-11d1-80b4-00c04fd430c8"
        case "x500": namespaceText = "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
        default: namespaceText = namespace
        }
        guard let uuid = UUID(uuidString: namespaceText) else {
            throw FunctionError(
                "Call to function \"uuidv5\" failed: uuidv5() doesn't support namespace \(namespace) (invalid UUID length: \(namespace.count)).",
                argument: 0)
        }
        let u = uuid.uuid
        let namespaceBytes: [UInt8] = [
            u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15,
        ]
        var bytes = Array(Insecure.SHA1.hash(data: namespaceBytes + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let text = hex(bytes)
        let parts = [
            text.prefix(8), text.dropFirst(8).prefix(4), text.dropFirst(12).prefix(4), text.dropFirst(16).prefix(4), text.dropFirst(20),
        ]
        return .string(parts.joined(separator: "-"))
    }
}
