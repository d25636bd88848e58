import Model
import Testing

@Suite struct ValueTests {
    @Test func setsAreDeduplicatedAndOrdered() {
        let set = Value.set(from: [.string("b"), .string("a"), .string("b")])
        #expect(set == .set([.string("a"), .string("b")]))
        let numbers = Value.set(from: [.number(10), .number(2), .number(10)])
        #expect(numbers == .set([.number(2), .number(10)]))
    }

    @Test func unknownIsTrackedAtAnyDepth() {
        #expect(!Value.unknown.isKnown)
        let nested = Value.object(["a": .list([.string("x"), .unknown])])
        #expect(nested.isKnown)
        #expect(!nested.isWhollyKnown)
        #expect(Value.object(["a": .list([.string("x")])]).isWhollyKnown)
    }

    @Test(arguments: [
        (5.0, "5"), (-3.0, "-3"), (0.1, "0.1"), (1.5, "1.5"), (1e20, "100000000000000000000"),
        (1.25e-7, "0.000000125"), (123456789012.0, "123456789012"), (0.1 + 0.2, "0.3"),
        (-2.5e-3, "-0.0025"), (9.9999999999999999e22, "100000000000000000000000"), (0.999999999999999999, "1"),
    ])
    func numbersFormatAsTerraformDoes(_ input: Double, _ expected: String) {
        #expect(Value.formatNumber(input) == expected)
    }

    @Test func quotingEscapesControlCharacters() {
        #expect(Value.quote("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
