import Foundation
import Model
import Testing

@Suite struct JSONStringEscapingTests {
    /// Every character some style escapes, and some none does.
    static let awkward = "plain \"q\" \\ / \n\r\t \u{08}\u{0C} \u{01}\u{1F} <a>&b é 中 \u{2028}\u{2029} 😀"

    static func bytes(_ value: String, _ style: JSONStringEscaping) -> String {
        var out: [UInt8] = []
        style.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func text(_ value: String, _ style: JSONStringEscaping) -> String {
        var out = "x"
        style.append(value, to: &out)
        return String(out.dropFirst())
    }

    @Test func foundationStyleIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        for value in [Self.awkward, "", "abc", "\u{7F}", "\u{00}"] {
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(Self.bytes(value, .foundation) == expected)
            #expect(Self.text(value, .foundation) == expected)
        }
    }

    @Test func serializationStyleIsWhatJSONSerializationWrites() throws {
        for value in [Self.awkward, "", "a/b//c", "\u{00}"] {
            let data = try JSONSerialization.data(withJSONObject: [value])
            let array = String(decoding: data, as: UTF8.self)
            let expected = String(array.dropFirst().dropLast())
            #expect(Self.bytes(value, .serialization) == expected)
            #expect(Self.text(value, .serialization) == expected)
        }
    }

    @Test func goStyleEscapesHTMLAndLineSeparators() {
        let expected =
            #""plain \"q\" \\ / \n\r\t \b\f \u0001\u001f \u003ca\u003e\u0026b é 中 \u2028\u2029 😀""#
        #expect(Self.bytes(Self.awkward, .go) == expected)
        #expect(Self.text(Self.awkward, .go) == expected)
        // A 0xE2 lead byte of another character is left alone.
        #expect(Self.text("\u{2020}", .go) == "\"\u{2020}\"")
    }

    @Test func minimalStyleWritesBackspaceAndFormFeedAsUnicodeEscapes() {
        let expected =
            #""plain \"q\" \\ / \n\r\t \u0008\u000c \u0001\u001f <a>&b é 中 "#
            + "\u{2028}\u{2029} 😀\""
        #expect(Self.bytes(Self.awkward, .minimal) == expected)
        #expect(Self.text(Self.awkward, .minimal) == expected)
    }
}
