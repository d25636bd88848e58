import Model
import Testing
import Yams

@testable import Checks

/// Scalars are composed without tag rules and resolved afterwards, only where a rule could match: the values read
/// must be those Yams' rules give.
@Suite struct YAMLTagsTests {
    /// Texts of every kind a rule knows (the bool and null words, numbers in each base, floats, merge and value
    /// keys), each alone and followed by each line terminator the rules' `$` accepts, and ordinary words.
    static let samples: [String] = {
        let words = [
            "", "~", "null", "Null", "NULL", "nul", "nulls", "yes", "Yes", "YES", "no", "No", "NO", "true", "True",
            "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "yEs", "tru", "falsey", "nope",
            "0", "7", "-7", "+7", "42", "1_000", "0b101", "-0b1", "0o17", "017", "0x1F", "-0x_a", "1:30", "190:20:30",
            "1.5", "-1.5e3", "1e5", ".5", ".5e+3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1:30.5", "<<", "=",
            "0.0.0.0/0", "10.0.0.0/8", "2026-12-31", "-", "+", ".", "aws_s3_bucket", "name", "o", "t", "yy", "Off!",
            "_1", "#x", " 1", "\t", "é", "nöt",
        ]
        let terminators = ["", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", " "]
        return words.flatMap { word in terminators.map { word + $0 } }
    }()

    /// The tag Yams gives a plain scalar under the rules, regular expressions and all.
    static func ruleTag(_ text: String) -> String {
        Node.scalar(Node.Scalar(text, Tag(.implicit, YAMLTags.resolver))).tag.rawValue
    }

    @Test func textNoRuleCouldMatchIsAString() {
        var skipped = 0
        for text in Self.samples where !YAMLTags.mayMatchRule(text) {
            skipped += 1
            #expect(Self.ruleTag(text) == Tag.Name.str.rawValue, "\(text.debugDescription)")
        }
        // Ordinary words never reach the regular expressions.
        #expect(skipped > 50)
    }

    @Test func resolvedTagsEqualTheRulesOnPlainScalars() throws {
        for text in Self.samples {
            let scalar = Node.Scalar(text, Tag(.implicit, .basic), .plain)
            #expect(YAMLTags.resolvedTag(of: scalar) == Self.ruleTag(text), "\(text.debugDescription)")
        }
    }

    @Test func quotedAndExplicitlyTaggedScalarsKeepTheirTags() throws {
        let node = try #require(try YNode.parse("a: '42'\nb: \"yes\"\nc: !!str 7\nd: 42\ne: yes\nf: ~\ng: .inf\nh: name"))
        let values = try #require(node.mappingPairs).map { $0.node.scalarValue }
        #expect(
            values == [
                .string("42"), .string("yes"), .string("7"), .number(42), .bool(true), .null, .number(.infinity),
                .string("name"),
            ])
    }

    @Test func keysThatDifferOnlyInQuotingAreNotDuplicates() throws {
        // Plain `true` is a bool and quoted "true" a string: two keys under the rules, one without them.
        let node = try #require(try YNode.parse("true: 1\n\"true\": 2"))
        #expect(try #require(node.mappingPairs).map(\.key) == ["true", "true"])
    }

    @Test func duplicateKeysAreStillRejectedWithTheirPosition() {
        #expect(throws: LoadError("duplicate key 'a' in mapping", line: 2, column: 1, code: .syntax)) {
            try YNode.parse("x: 0\na: 1\na: 2")
        }
    }
}
