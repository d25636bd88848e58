import Model

/// Terraform's time functions; the current time is never known before apply.
enum TimeFunctions {
    static var all: [Function] {
        [
            Function("timestamp", arguments: 0...0, handlesUnknown: true) { _, _ in .unknown },
            Function("plantimestamp", arguments: 0...0, handlesUnknown: true) { _, _ in .unknown },
            Function("timeadd", arguments: 2...2) { args, _ in
                let time = try parse(try Arg.string(args, 0, "timestamp"), argument: 0)
                let duration = try parseDuration(try Arg.string(args, 1, "duration"))
                return .string(format(time.adding(nanoseconds: duration)))
            },
            Function("timecmp", arguments: 2...2) { args, _ in
                let a = try parse(try Arg.string(args, 0, "timestamp_a"), argument: 0)
                let b = try parse(try Arg.string(args, 1, "timestamp_b"), argument: 1)
                let lhs = (a.instantSeconds, a.nanosecond)
                let rhs = (b.instantSeconds, b.nanosecond)
                return .number(lhs < rhs ? -1 : (lhs == rhs ? 0 : 1))
            },
            Function("formatdate", arguments: 2...2) { args, _ in
                let time = try parse(try Arg.string(args, 1, "time"), argument: 1)
                return .string(try DateFormat.format(try Arg.string(args, 0, "format"), time))
            },
        ]
    }

    /// A civil date-time with a fixed UTC offset, as Go's time.Time after parsing RFC 3339.
    struct Timestamp {
        var year, month, day, hour, minute, second, nanosecond: Int
        var offsetSeconds: Int

        /// Seconds since the epoch of the instant this denotes.
        var instantSeconds: Int {
            Timestamp.daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
        }

        func adding(nanoseconds: Int) -> Timestamp {
            var total = nanosecond + nanoseconds % 1_000_000_000
            var seconds = instantSeconds + offsetSeconds + nanoseconds / 1_000_000_000
            if total < 0 {
                total += 1_000_000_000
                seconds -= 1
            } else if total >= 1_000_000_000 {
                total -= 1_000_000_000
                seconds += 1
            }
            var days = seconds / 86400
            var rest = seconds % 86400
            if rest < 0 {
                rest += 86400
                days -= 1
            }
            let (y, m, d) = Timestamp.civilFromDays(days)
            return Timestamp(
                year: y, month: m, day: d, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
                nanosecond: total, offsetSeconds: offsetSeconds)
        }

        /// Days since 1970-01-01 of a proleptic Gregorian date.
        static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
            CivilCalendar.days(year: year, month: month, day: day)
        }

        static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
            let date = CivilCalendar.date(days: days)
            return (date.year, date.month, date.day)
        }

        /// Day of week, 0 = Sunday.
        var weekday: Int {
            let days = Timestamp.daysFromCivil(year, month, day)
            return ((days % 7) + 11) % 7
        }
    }

    /// Parses RFC 3339 (`2006-01-02T15:04:05Z07:00`, optional fractional seconds) like cty's parseTimestamp.
    static func parse(_ text: String, argument: Int) throws(FunctionError) -> Timestamp {
        let bytes = Array(text.utf8)
        func fail() -> FunctionError {
            FunctionError(
                "Invalid value for \"timestamp\" parameter: not a valid RFC3339 timestamp: cannot use \(Formatter.goQuote(text)) as \"2006-01-02T15:04:05Z07:00\".",
                argument: argument)
        }
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= bytes.count else { return nil }
            var value = 0
            for b in bytes[at..<(at + count)] {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard bytes.count >= 20, let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"), let month = digits(5, 2),
            bytes[7] == UInt8(ascii: "-"), let day = digits(8, 2), bytes[10] == UInt8(ascii: "T"),
            let hour = digits(11, 2), bytes[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            bytes[16] == UInt8(ascii: ":"), let second = digits(17, 2)
        else { throw fail() }
        var index = 19
        var nanos = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 100_000_000
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                nanos += Int(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            if index == start { throw fail() }
        }
        guard index < bytes.count else { throw fail() }
        var offset = 0
        if bytes[index] == UInt8(ascii: "Z") {
            index += 1
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let oh = digits(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let om = digits(index + 4, 2)
            else { throw fail() }
            offset = (oh * 3600 + om * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            throw fail()
        }
        let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard index == bytes.count, (1...12).contains(month), day >= 1, day <= daysInMonth[month - 1], hour < 24,
            minute < 60, second < 60
        else { throw fail() }
        if month == 2, day == 29, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { throw fail() }
        return Timestamp(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanos,
            offsetSeconds: offset)
    }

    /// Go's `Format(time.RFC3339)`: no fractional seconds, `Z` for a zero offset.
    static func format(_ t: Timestamp) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(t.year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        var out = "\(paddedYear)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))"
        if t.offsetSeconds == 0 {
            out += "Z"
        } else {
            let magnitude = abs(t.offsetSeconds)
            out += (t.offsetSeconds < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude % 3600 / 60)
        }
        return out
    }

    /// Go's time.ParseDuration, in nanoseconds.
    static func parseDuration(_ text: String) throws(FunctionError) -> Int {
        func fail() -> FunctionError {
            FunctionError("Call to function \"timeadd\" failed: time: invalid duration \(Formatter.goQuote(text)).", argument: 1)
        }
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        if String(String.UnicodeScalarView(scalars)) == "0" { return 0 }
        guard !scalars.isEmpty else { throw fail() }
        var total = 0.0
        while !scalars.isEmpty {
            var number = ""
            while let c = scalars.first, ("0"..."9").contains(c) || c == "." {
                number.unicodeScalars.append(c)
                scalars = scalars.dropFirst()
            }
            var unit = ""
            while let c = scalars.first, !("0"..."9").contains(c), c != "." {
                unit.unicodeScalars.append(c)
                scalars = scalars.dropFirst()
            }
            guard number != "." && !number.isEmpty, let value = Double(number.hasPrefix(".") ? "0" + number : number) else {
                throw fail()
            }
            let scale: Double
            switch unit {
            case "ns": scale = 1
            case "us", "\u{00B5}s", "\u{03BC}s": scale = 1e3
            case "ms": scale = 1e6
            case "s": scale = 1e9
            case "m": scale = 60e9
            case "h": scale = 3600e9
            case "":
                throw FunctionError(
                    "Call to function \"timeadd\" failed: time: missing unit in duration \(Formatter.goQuote(text)).", argument: 1)
            default:
                throw FunctionError(
                    "Call to function \"timeadd\" failed: time: unknown unit \(Formatter.goQuote(unit)) in duration \(Formatter.goQuote(text)).",
                    argument: 1)
            }
            total += value * scale
        }
        guard total < 9.223372036854775e18 else { throw fail() }
        return Int(negative ? -total : total)
    }
}
