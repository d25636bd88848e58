import Model

/// Terraform's `formatdate` specification language (YYYY, MM, DD, hh, mm, ss, EEE, ZZZ, 'literal', …).
enum DateFormat {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func format(_ spec: String, _ t: TimeFunctions.Timestamp) throws(FunctionError) -> String {
        let chars = Array(spec)
        var out = ""
        var i = 0
        func pad(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                // A quoted literal; '' inside or alone is a literal quote.
                if i + 1 < chars.count, chars[i + 1] == "'" {
                    out += "'"
                    i += 2
                    continue
                }
                var j = i + 1
                var literal = ""
                var closed = false
                while j < chars.count {
                    if chars[j] == "'" {
                        if j + 1 < chars.count, chars[j + 1] == "'" {
                            literal += "'"
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    literal.append(chars[j])
                    j += 1
                }
                guard closed else {
                    throw FunctionError("Invalid value for \"format\" parameter: unterminated literal '.", argument: 0)
                }
                out += literal
                i = j + 1
                continue
            }
            guard c.isLetter else {
                out.append(c)
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j] == c { j += 1 }
            let token = String(chars[i..<j])
            i = j
            let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
            let offsetMinutes = t.offsetSeconds / 60
            let sign = offsetMinutes < 0 ? "-" : "+"
            let offsetH = abs(offsetMinutes) / 60
            let offsetM = abs(offsetMinutes) % 60
            switch token {
            case "YYYY": out += pad(t.year, 4)
            case "YY": out += pad(t.year % 100, 2)
            case "MMMM": out += months[t.month - 1]
            case "MMM": out += String(months[t.month - 1].prefix(3))
            case "MM": out += pad(t.month, 2)
            case "M": out += String(t.month)
            case "DD": out += pad(t.day, 2)
            case "D": out += String(t.day)
            case "EEEE": out += weekdays[t.weekday]
            case "EEE": out += String(weekdays[t.weekday].prefix(3))
            case "hh": out += pad(t.hour, 2)
            case "h": out += String(t.hour)
            case "HH": out += pad(hour12, 2)
            case "H": out += String(hour12)
            case "AA": out += t.hour < 12 ? "AM" : "PM"
            case "aa": out += t.hour < 12 ? "am" : "pm"
            case "mm": out += pad(t.minute, 2)
            case "m": out += String(t.minute)
            case "ss": out += pad(t.second, 2)
            case "s": out += String(t.second)
            case "ZZZZZ": out += offsetMinutes == 0 ? "Z" : sign + pad(offsetH, 2) + ":" + pad(offsetM, 2)
            case "ZZZZ": out += sign + pad(offsetH, 2) + pad(offsetM, 2)
            case "ZZZ": out += offsetMinutes == 0 ? "UTC" : sign + pad(offsetH, 2) + pad(offsetM, 2)
            case "Z": out += offsetMinutes == 0 ? "Z" : sign + pad(offsetH, 2) + pad(offsetM, 2)
            default:
                throw FunctionError(
                    "Invalid value for \"format\" parameter: invalid date format verb \(Formatter.goQuote(token)).", argument: 0)
            }
        }
        return out
    }
}
