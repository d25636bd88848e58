import Foundation
import Model
import Testing

@testable import HCL

@Suite("Parser: syntax fixtures")
struct ParserFixtureTests {
    @Test("Every valid fixture parses without diagnostics")
    func validFixtures() throws {
        let files = try fixtureFiles("valid")
        #expect(files.count >= 15)
        for url in files {
            let file = HCLParser.parseFile(atPath: url.path, displayName: url.lastPathComponent)
            #expect(file.diagnostics.isEmpty, "\(url.lastPathComponent): \(file.diagnostics.map(\.description))")
        }
    }

    /// Each invalid fixture starts with `# error: LINE:COLUMN message-prefix` naming its first error.
    @Test("Every invalid fixture reports its stated error first")
    func invalidFixtures() throws {
        let files = try fixtureFiles("invalid")
        #expect(files.count >= 25)
        for url in files {
            let name = url.lastPathComponent
            let text = try String(contentsOf: url, encoding: .utf8)
            let header = try #require(text.split(separator: "\n").first, "\(name) is empty")
            #expect(header.hasPrefix("# error: "), "\(name) lacks an error header")
            let spec = header.dropFirst("# error: ".count)
            let position = spec.prefix { $0 != " " }
            let message = spec.dropFirst(position.count + 1)
            let file = HCLParser.parseFile(atPath: url.path, displayName: name)
            let first = try #require(file.diagnostics.first, "\(name) parsed without errors")
            #expect(first.code == .syntax, "\(name)")
            #expect(first.range.map { "\($0.start.line):\($0.start.column)" } == String(position), "\(name): \(first)")
            #expect(first.message.hasPrefix(message), "\(name): \(first.message)")
            #expect(first.range?.file == name)
        }
    }

    @Test("Content after an error in a fixture is still parsed")
    func recoveryInFixtures() throws {
        let directory = try fixturesDirectory().appendingPathComponent("invalid")
        let missing = HCLParser.parseFile(atPath: directory.appendingPathComponent("missing_equals.tf").path)
        #expect(missing.body.blocks.first?.body.attribute("acl") != nil)
        let string = HCLParser.parseFile(atPath: directory.appendingPathComponent("unterminated_string.tf").path)
        #expect(string.body.attribute("other") != nil)
        let paren = HCLParser.parseFile(atPath: directory.appendingPathComponent("unclosed_paren.tf").path)
        #expect(paren.diagnostics.count == 1)
    }
}
