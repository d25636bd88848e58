import Foundation
import Testing

@testable import AWS

/// Response XML from a hostile or broken endpoint becomes a parse error, never a crash.
@Suite struct XMLNodeTests {
    /// Found by FuzzCloudResponses: an element name with bytes that are not UTF-8 made Foundation's XMLParser
    /// trap (SIGILL) inside its start-element callback.
    @Test func elementNameThatIsNotUTF8IsAParseError() {
        var bytes = Array("<ListAllMyBucketsResult><Ow".utf8)
        bytes += [UInt8](repeating: 0xE8, count: 20)
        bytes += Array("er><ID>abc</ID></Owner></ListAllMyBucketsResult>".utf8)
        #expect(throws: XMLNode.ParseError.self) { try XMLNode.parse(Data(bytes)) }
    }

    @Test func wellFormedUTF8StillParses() throws {
        let root = try XMLNode.parse(Data("<R><Name>bücket</Name></R>".utf8))
        #expect(root.string("Name") == "bücket")
    }
}
