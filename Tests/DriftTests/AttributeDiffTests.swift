import Model
import Testing

@testable import Drift

@Suite("Attribute comparison")
struct AttributeDiffTests {
    func diff(_ desired: [String: Value], _ live: [String: Value], rules: AttributeRules = AttributeRules()) -> [String] {
        var d = AttributeDiff(rules: rules) { _, _ in false }
        d.compare(desired: desired, live: live)
        return d.differences.map(\.path).sorted()
    }

    @Test("null, empty string, empty list and empty map are the same")
    func emptiness() {
        #expect(
            diff(
                ["a": .null, "b": "", "c": .list([]), "d": .object([:])],
                ["a": "", "b": .list([]), "c": .null, "d": .map([:])]
            ).isEmpty)
        #expect(diff(["a": .null], ["a": "x"]) == ["a"])
        #expect(diff(["a": .list([])], ["a": .list(["x"])]) == ["a"])
    }

    @Test("scalars compare by text across types; unknown is never drift")
    func scalars() {
        #expect(diff(["n": 5, "b": true, "u": .unknown], ["n": "5", "b": "true", "u": "anything"]).isEmpty)
        #expect(diff(["n": 5], ["n": 6]) == ["n"])
        #expect(diff(["s": "a"], ["s": .list(["a"])]) == ["s"])
    }

    @Test("sets compare without order, nested too; a set of blocks differs block by block (one added, one removed)")
    func sets() {
        let rules = AttributeRules(sets: ["rule", "ids"])
        #expect(diff(["ids": Support.strings(["a", "b", "c"])], ["ids": Support.strings(["c", "a", "b"])], rules: rules).isEmpty)
        #expect(diff(["ids": Support.strings(["a", "b"])], ["ids": .set(from: ["b", "a"])]).isEmpty, "a live set is order-free by itself")
        #expect(
            diff(["ids": Support.strings(["a", "b"])], ["ids": Support.strings(["b", "a"])]) == ["ids[0]", "ids[1]"],
            "without the rule a list keeps its order")
        let r1 = Value.object(["p": 1, "cidrs": Support.strings(["x", "y"])])
        let r2 = Value.object(["p": 2, "cidrs": .null])
        #expect(diff(["rule": .list([r1, r2])], ["rule": .list([r2, r1])], rules: rules).isEmpty)
        #expect(
            diff(["rule": .list([r1, r2])], ["rule": .list([r2, .object(["p": 1, "cidrs": Support.strings(["x"])])])], rules: rules)
                == ["rule[+]", "rule[-]"])
    }

    @Test("nested blocks give indexed paths; a bare block equals a one-element list")
    func nested() {
        let desired: [String: Value] = ["versioning": Support.block(["enabled": true, "mfa": false])]
        #expect(diff(desired, ["versioning": .object(["enabled": false, "mfa": false])]) == ["versioning[0].enabled"])
        #expect(diff(desired, ["versioning": Support.block(["enabled": true, "mfa": true])]) == ["versioning[0].mfa"])
        #expect(diff(["l": Support.strings(["a"])], ["l": Support.strings(["a", "b"])]) == ["l"])
    }

    @Test("ignored paths cover their children, match without indices and take wildcards")
    func ignored() {
        let rules = AttributeRules(ignore: ["timeouts", "versioning.mfa", "*_at"])
        #expect(
            diff(
                ["timeouts": .object(["create": "5m"]), "versioning": Support.block(["mfa": true]), "updated_at": "1"],
                ["timeouts": .object(["create": "9m"]), "versioning": Support.block(["mfa": false]), "updated_at": "2"],
                rules: rules
            ).isEmpty)
    }

    @Test("attributes discovery did not read are not compared; map keys added live are")
    func presence() {
        #expect(diff(["a": "1", "b": "2"], ["a": "1"]).isEmpty)
        #expect(diff(["tags": .object(["a": "1"])], ["tags": .map(["a": "1", "b": "2"])]) == ["tags.b"])
    }
}
