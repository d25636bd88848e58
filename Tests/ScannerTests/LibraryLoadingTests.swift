import Checks
import Foundation
import Model
import Testing

@testable import Scanner

/// Loading the library on every core, and telling Checkov policies from Bulwark checks without splitting every file.
@Suite struct LibraryLoadingTests {
    @Test func parallelMapKeepsOrderAndTransformsEachElementOnce() {
        let calls = CallCounter()
        let items = Array(0..<1000)
        let squares = ParallelMap.map(items) { item in
            calls.add()
            return item * item
        }
        #expect(squares == items.map { $0 * $0 })
        #expect(calls.value == 1000)
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
        #expect(ParallelMap.map([3]) { $0 + 1 } == [4])
    }

    @Test func checkovPoliciesNeedBothKeysAtTheStartOfALine() {
        #expect(CheckLibrary.isCheckovPolicy("metadata:\n  id: CKV2_X\ndefinition:\n  and: []\n"))
        #expect(CheckLibrary.isCheckovPolicy("definition:\r\n  and: []\r\nmetadata:\r\n  id: CKV2_X\r\n"))
        #expect(CheckLibrary.isCheckovPolicy("# x\u{2028}metadata: {}\u{2029}definition: {}"))
        #expect(!CheckLibrary.isCheckovPolicy("metadata:\n  id: CKV2_X\n"))
        #expect(!CheckLibrary.isCheckovPolicy("id: X\ndescription: instance metadata: on\n  definition: x\n"))
        #expect(!CheckLibrary.isCheckovPolicy(" metadata:\n definition:\n"))
        #expect(!CheckLibrary.isCheckovPolicy(""))
    }

    @Test func theFirstDefinitionOfAnIDWinsWhateverCoreLoadedIt() throws {
        let check = { (id: String, title: String) in
            "id: \(id)\ntitle: \(title)\nseverity: low\nprovider: aws\nresource_types: [aws_s3_bucket]\n"
                + "condition: {attribute: acl, operator: exists}\n"
        }
        let files = (0..<40).map { i in
            (
                path: String(format: "aws/c%02d.yaml", i),
                contents: check(i % 2 == 0 ? "BLW-AWS-TST-900" : String(format: "BLW-AWS-TST-%03d", i), "t\(i)")
            )
        }
        let library = CheckLibrary.load(embedded: CheckLibraryFiles(root: "(built-in)", files: files))
        let dup = try #require(library.checks.first { $0.id == "BLW-AWS-TST-900" })
        #expect(dup.title == "t0")
        #expect(library.diagnostics.allSatisfy { $0.code == .duplicate }, "\(library.diagnostics)")
        #expect(library.checks.count == 21)
        #expect(library.diagnostics.filter { $0.code == .duplicate }.count == 19)
        #expect(
            library.checks.map(\.id) == ["BLW-AWS-TST-900"] + (0..<40).filter { $0 % 2 == 1 }.map { String(format: "BLW-AWS-TST-%03d", $0) }
        )
    }
}

/// Counts calls from several threads.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }

    var value: Int { lock.withLock { count } }
}
