import Foundation
import Model
import Testing

@testable import HCL

/// The hash functions keep only a digest, so they read files up to their own, larger limit; the functions that
/// return a file's contents keep the smaller one.
@Suite struct HashedFileLimitTests {
    /// A tree holding a 100-byte `artifact.zip`.
    let tree = MemoryFileTree(root: "/r", files: ["artifact.zip": [UInt8](repeating: 0x5A, count: 100)])

    @Test func aFileOverTheContentLimitIsHashedWithinTheHashLimit() throws {
        let context = FunctionContext(baseDirectory: "/r", maxFileSize: 10, fileTree: tree, maxHashedFileSize: 1_000)
        #expect(try call("filemd5", .string("artifact.zip"), context: context) == .string("9a9d84c153e208ebaa0e53854ddeb7c6"))
        #expect(failure("filebase64", .string("artifact.zip"), context: context)?.contains("10 byte limit") == true)
        #expect(failure("file", .string("artifact.zip"), context: context)?.contains("10 byte limit") == true)
    }

    @Test func aFileOverTheHashLimitIsRefused() {
        let context = FunctionContext(baseDirectory: "/r", maxFileSize: 10, fileTree: tree, maxHashedFileSize: 50)
        #expect(failure("filesha256", .string("artifact.zip"), context: context)?.contains("50 byte limit") == true)
        // Without a hash limit, the hash functions keep the content limit.
        let plain = FunctionContext(baseDirectory: "/r", maxFileSize: 10, fileTree: tree)
        #expect(failure("filemd5", .string("artifact.zip"), context: plain)?.contains("10 byte limit") == true)
    }
}
