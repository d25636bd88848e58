import Model
import Testing

@testable import HCL

@Suite struct NetworkAndTimeFunctionsTests {
    typealias Case = StringFunctionsTests.Case

    // Expected values are the examples on developer.hashicorp.com/terraform/language/functions/<name>.
    static let documented: [Case] = [
        Case("cidrhost", [.string("10.12.112.0/20"), .number(16)], .string("10.12.112.16")),
        Case("cidrhost", [.string("10.12.112.0/20"), .number(268)], .string("10.12.113.12")),
        Case("cidrhost", [.string("fd00:fd12:3456:7890:00a2::/72"), .number(34)], .string("fd00:fd12:3456:7890::22")),
        Case("cidrhost", [.string("10.0.0.0/24"), .number(-1)], .string("10.0.0.255")),
        Case("cidrhost", [.string("10.0.0.0/24"), .number(-256)], .string("10.0.0.0")),
        Case("cidrnetmask", [.string("172.16.0.0/12")], .string("255.240.0.0")),
        Case("cidrnetmask", [.string("10.0.0.0/32")], .string("255.255.255.255")),
        Case("cidrsubnet", [.string("172.16.0.0/12"), .number(4), .number(2)], .string("172.18.0.0/16")),
        Case("cidrsubnet", [.string("10.1.2.0/24"), .number(4), .number(15)], .string("10.1.2.240/28")),
        Case("cidrsubnet", [.string("fd00:fd12:3456:7890::/56"), .number(16), .number(162)], .string("fd00:fd12:3456:7800:a200::/72")),
        Case("cidrsubnet", [.string("10.1.2.3/16"), .number(8), .number(5)], .string("10.1.5.0/24")),
        Case(
            "cidrsubnets", [.string("10.1.0.0/16"), .number(4), .number(4), .number(8), .number(4)],
            strings("10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20")),
        Case(
            "cidrsubnets", [.string("fd00:fd12:3456:7890::/56"), .number(16), .number(16), .number(16), .number(32)],
            strings(
                "fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88")),
        Case("cidrsubnets", [.string("10.0.0.0/8")], .list([])),
        Case("timeadd", [.string("2017-11-22T00:00:00Z"), .string("10m")], .string("2017-11-22T00:10:00Z")),
        Case("timeadd", [.string("2017-11-22T00:00:00Z"), .string("-1h30m")], .string("2017-11-21T22:30:00Z")),
        Case("timeadd", [.string("2024-02-28T23:00:00+05:30"), .string("25h")], .string("2024-03-01T00:00:00+05:30")),
        Case("timeadd", [.string("2017-11-22T00:00:00.5Z"), .string("0.5s")], .string("2017-11-22T00:00:01Z")),
        Case("timecmp", [.string("2017-11-22T00:00:00Z"), .string("2017-11-22T00:00:00Z")], .number(0)),
        Case("timecmp", [.string("2017-11-22T00:00:00Z"), .string("2017-11-22T01:00:00Z")], .number(-1)),
        Case("timecmp", [.string("2017-11-22T01:00:00Z"), .string("2017-11-22T00:00:00Z")], .number(1)),
        Case("timecmp", [.string("2017-11-22T01:00:00Z"), .string("2017-11-22T00:00:00-01:00")], .number(0)),
        Case("formatdate", [.string("DD MMM YYYY hh:mm ZZZ"), .string("2018-01-02T23:12:01Z")], .string("02 Jan 2018 23:12 UTC")),
        Case(
            "formatdate", [.string("EEEE, DD-MMM-YY hh:mm:ss ZZZ"), .string("2018-01-02T23:12:01Z")],
            .string("Tuesday, 02-Jan-18 23:12:01 UTC")),
        Case(
            "formatdate", [.string("EEE, DD MMM YYYY hh:mm:ss ZZZ"), .string("2018-01-02T23:12:01-08:00")],
            .string("Tue, 02 Jan 2018 23:12:01 -0800")),
        Case("formatdate", [.string("MMM DD, YYYY"), .string("2018-01-02T23:12:01Z")], .string("Jan 02, 2018")),
        Case("formatdate", [.string("HH:mmaa"), .string("2018-01-02T23:12:01Z")], .string("11:12pm")),
        Case("formatdate", [.string("h'h'mm"), .string("2018-01-02T23:12:01-08:00")], .string("23h12")),
        Case("formatdate", [.string("YYYY-MM-DD'T'hh:mm:ssZ"), .string("2018-01-02T23:12:01Z")], .string("2018-01-02T23:12:01Z")),
    ]

    @Test(arguments: documented)
    func documentedExamples(_ c: Case) throws {
        #expect(try FunctionTable.standard.call(c.name, arguments: c.args, context: FunctionContext()) == c.expected)
    }

    @Test func errors() {
        #expect(
            failure("cidrsubnet", .string("10.0.0.0/30"), .number(4), .number(0))
                == "Call to function \"cidrsubnet\" failed: insufficient address space to extend prefix of 30 by 4.")
        #expect(
            failure("cidrsubnet", .string("10.0.0.0/16"), .number(2), .number(4))
                == "Call to function \"cidrsubnet\" failed: prefix extension of 2 does not accommodate a subnet numbered 4.")
        #expect(
            failure("cidrhost", .string("10.0.0.0/30"), .number(4))
                == "Call to function \"cidrhost\" failed: prefix of 30 does not accommodate a host numbered 4.")
        #expect(failure("cidrhost", .string("10.0.0.0/30"), .number(-5))?.contains("does not accommodate a host numbered") == true)
        #expect(failure("cidrhost", .string("not-a-cidr"), .number(1))?.contains("invalid CIDR expression") == true)
        #expect(failure("cidrhost", .string("10.0.0.0/33"), .number(1))?.contains("invalid CIDR address: 10.0.0.0/33") == true)
        #expect(failure("cidrnetmask", .string("fd00::/64"))?.contains("IPv6 addresses cannot have a netmask") == true)
        #expect(
            failure("cidrsubnets", .string("10.0.0.0/30"), .number(1), .number(1), .number(1))?
                .contains("not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31") == true)
        #expect(
            failure("cidrsubnets", .string("10.0.0.0/30"), .number(3))?
                .contains("would extend prefix to 33 bits, which is too long for an IPv4 address") == true)
        #expect(failure("cidrsubnets", .string("10.0.0.0/8"), .number(0))?.contains("must extend prefix by at least one bit") == true)
        #expect(failure("timeadd", .string("2017-11-22"), .string("1h"))?.contains("not a valid RFC3339 timestamp") == true)
        #expect(failure("timeadd", .string("2017-11-22T00:00:00Z"), .string("1x"))?.contains("unknown unit") == true)
        #expect(failure("timeadd", .string("2017-11-22T00:00:00Z"), .string("10"))?.contains("missing unit") == true)
        #expect(failure("formatdate", .string("QQ"), .string("2017-11-22T00:00:00Z"))?.contains("invalid date format verb") == true)
    }
}
