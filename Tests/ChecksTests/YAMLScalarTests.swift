import Model
import Testing

@testable import Checks

/// Scalars of untrusted YAML: forms YAML 1.1 reads as numbers must never trap, whatever their size.
@Suite struct YAMLScalarTests {
    @Test func baseSixtyIntegersStayTextAndNeverOverflow() throws {
        // Yams reads `a:b` as a base-60 integer with arithmetic that traps on overflow: this input crashed the loader.
        let overflowing = try #require(try YNode.parse("-255555555555555555:5"))
        guard case .scalar(let value) = overflowing.kind else {
            Issue.record("not a scalar: \(overflowing.kind)")
            return
        }
        #expect(value == .string("-255555555555555555:5"))
        let small = try #require(try YNode.parse("key: 1:30"))
        guard case .mapping(let pairs) = small.kind, case .scalar(let inner)? = pairs.first?.node.kind else {
            Issue.record("not a mapping: \(small.kind)")
            return
        }
        #expect(inner == .string("1:30"))
    }

    @Test func ordinaryIntegersAreStillNumbers() throws {
        let node = try #require(try YNode.parse("a: 42\nb: -7\nc: 0x10"))
        guard case .mapping(let pairs) = node.kind else {
            Issue.record("not a mapping")
            return
        }
        let values = pairs.map { pair -> Value? in if case .scalar(let v) = pair.node.kind { v } else { nil } }
        #expect(values == [.number(42), .number(-7), .number(16)])
    }
}
