import Model
import Testing

@testable import HCL

@Suite struct NumericAndHashFunctionsTests {
    typealias Case = StringFunctionsTests.Case

    // Expected values are the examples on developer.hashicorp.com/terraform/language/functions/<name>.
    static let documented: [Case] = [
        Case("abs", [.number(23)], .number(23)),
        Case("abs", [.number(0)], .number(0)),
        Case("abs", [.number(-12.4)], .number(12.4)),
        Case("ceil", [.number(5)], .number(5)),
        Case("ceil", [.number(5.1)], .number(6)),
        Case("floor", [.number(5)], .number(5)),
        Case("floor", [.number(4.9)], .number(4)),
        Case("log", [.number(50), .number(10)], .number(1.6989700043360185)),
        Case("log", [.number(16), .number(2)], .number(4)),
        Case("log", [.number(1), .number(10)], .number(0)),
        Case("pow", [.number(3), .number(2)], .number(9)),
        Case("pow", [.number(4), .number(0)], .number(1)),
        Case("signum", [.number(-13)], .number(-1)),
        Case("signum", [.number(0)], .number(0)),
        Case("signum", [.number(344)], .number(1)),
        Case("parseint", [.string("100"), .number(10)], .number(100)),
        Case("parseint", [.string("FF"), .number(16)], .number(255)),
        Case("parseint", [.string("-10"), .number(16)], .number(-16)),
        Case("parseint", [.string("1011111011101111"), .number(2)], .number(48879)),
        Case("parseint", [.string("aA"), .number(62)], .number(656)),
        Case("min", [.number(12), .number(54), .number(3)], .number(3)),
        Case("max", [.number(12), .number(54), .number(3)], .number(54)),
        Case("max", [.string("12"), .number(5)], .number(12)),
        Case("md5", [.string("hello world")], .string("5eb63bbbe01eeed093cb22bb8f5acdc3")),
        Case("sha1", [.string("hello world")], .string("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")),
        Case("sha256", [.string("hello world")], .string("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")),
        Case(
            "sha512", [.string("hello world")],
            .string(
                "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"
            )),
        Case("base64sha256", [.string("hello world")], .string("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")),
        Case(
            "base64sha512", [.string("hello world")],
            .string("MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==")),
        Case("uuidv5", [.string("dns"), .string("www.terraform.io")], .string("a5008fae-b28c-5ba5-96cd-82b4c53552d6")),
        Case("uuidv5", [.string("url"), .string("https://www.terraform.io/")], .string("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")),
        Case("uuidv5", [.string("oid"), .string("1.3.6.1.4")], .string("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")),
        Case("uuidv5", [.string("x500"), .string("CN=Example,C=GB")], .string("84e09961-4aa4-57f8-95b7-03edb1073253")),
        Case(
            "uuidv5", [.string("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), .string("www.terraform.io")],
            .string("a5008fae-b28c-5ba5-96cd-82b4c53552d6")),
    ]

    @Test(arguments: documented)
    func documentedExamples(_ c: Case) throws {
        #expect(try FunctionTable.standard.call(c.name, arguments: c.args, context: FunctionContext()) == c.expected)
    }

    @Test func errors() {
        #expect(
            failure("parseint", .string("12"), .number(2))
                == "Invalid value for \"number\" parameter: cannot parse \"12\" as a base 2 integer.")
        #expect(failure("parseint", .string("1"), .number(63))?.contains("base must be a whole number between 2 and 62 inclusive") == true)
        #expect(failure("parseint", .number(1), .number(10))?.contains("first argument must be a string, not number") == true)
        #expect(failure("min")?.contains("must pass at least one number") == true)
        #expect(failure("abs", .string("x")) == "Invalid value for \"num\" parameter: a number is required.")
        #expect(failure("signum", .number(1.5))?.contains("whole number") == true)
        #expect(failure("uuidv5", .string("bogus"), .string("x"))?.contains("doesn't support namespace") == true)
    }

    @Test func randomAndUnknown() throws {
        #expect(try call("uuid") == .unknown)
        #expect(try call("bcrypt", .string("x")) == .unknown)
        #expect(try call("base64gzip", .string("x")) == .unknown)
        #expect(try call("yamldecode", .string("a: b")) == .unknown)
        #expect(try call("issensitive", .string("x")) == .unknown)
        #expect(try call("timestamp") == .unknown)
        #expect(try call("plantimestamp") == .unknown)
        #expect(try call("max", .number(1), .unknown) == .unknown)
        #expect(try call("sha256", .unknown) == .unknown)
    }
}
