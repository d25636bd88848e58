import Foundation
import Model

/// Terraform's encoding functions: JSON, YAML, base64, URL and CSV.
enum EncodingFunctions {
    static var all: [Function] {
        [
            Function("jsonencode", arguments: 1...1) { args, _ in .string(JSONEncoding.encode(args[0])) },
            Function("jsondecode", arguments: 1...1) { args, _ in
                let text = try Arg.string(args, 0, "str")
                do {
                    return try JSONParser.parse(text, filename: "<jsondecode>").value
                } catch {
                    throw FunctionError(
                        "Call to function \"jsondecode\" failed: \((error as? Diagnostic)?.message ?? "\(error)").", argument: 0)
                }
            },
            Function("yamlencode", arguments: 1...1) { args, _ in .string(YAMLEncoding.encode(args[0])) },
            Function("base64encode", arguments: 1...1) { args, _ in
                .string(Data(try Arg.string(args, 0, "str").utf8).base64EncodedString())
            },
            Function("base64decode", arguments: 1...1) { args, _ in
                let text = try Arg.string(args, 0, "str")
                let bytes = try decodeBase64(text)
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    throw FunctionError(
                        "Call to function \"base64decode\" failed: the result of decoding the provided string is not valid UTF-8.",
                        argument: 0)
                }
                return .string(decoded)
            },
            Function("urlencode", arguments: 1...1) { args, _ in .string(queryEscape(try Arg.string(args, 0, "str"))) },
            Function("csvdecode", arguments: 1...1) { args, _ in try CSVDecoding.decode(try Arg.string(args, 0, "str")) },
        ]
    }

    /// Go's base64.StdEncoding: padding required, line breaks ignored.
    static func decodeBase64(_ text: String) throws(FunctionError) -> [UInt8] {
        let cleaned = text.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        guard let data = Data(base64Encoded: cleaned) else {
            throw FunctionError(
                "Call to function \"base64decode\" failed: failed to decode base64 data \(Formatter.goQuote(text)).", argument: 0)
        }
        return [UInt8](data)
    }

    /// Go's url.QueryEscape: unreserved bytes kept, space as `+`, everything else `%XX`.
    static func queryEscape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

/// Terraform's `csvdecode`: RFC 4180 via Go's encoding/csv; the first row names the attributes.
enum CSVDecoding {
    static func decode(_ text: String) throws(FunctionError) -> Value {
        let rows = try parse(text)
        guard let header = rows.first else {
            throw FunctionError("Call to function \"csvdecode\" failed: missing header line.", argument: 0)
        }
        var out: [Value] = []
        for (index, row) in rows.dropFirst().enumerated() {
            guard row.count == header.count else {
                throw FunctionError(
                    "Call to function \"csvdecode\" failed: record on line \(index + 2): wrong number of fields.", argument: 0)
            }
            var members: [String: Value] = [:]
            for (name, field) in zip(header, row) { members[name] = .string(field) }
            out.append(.object(members))
        }
        return .list(out)
    }

    private static func parse(_ text: String) throws(FunctionError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field += "\""
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"" where !fieldStarted:
                    inQuotes = true
                    fieldStarted = true
                case ",":
                    row.append(field)
                    field = ""
                    fieldStarted = false
                case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                    break
                case "\n":
                    row.append(field)
                    // Go's csv reader skips empty lines.
                    if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                    row = []
                    field = ""
                    fieldStarted = false
                case "\"":
                    throw FunctionError("Call to function \"csvdecode\" failed: bare \" in non-quoted field.", argument: 0)
                default:
                    field.unicodeScalars.append(c)
                    fieldStarted = true
                }
            }
            i += 1
        }
        if inQuotes {
            throw FunctionError("Call to function \"csvdecode\" failed: extraneous or missing \" in quoted-field.", argument: 0)
        }
        if fieldStarted || !row.isEmpty || !field.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

/// Terraform's `textencodebase64`/`textdecodebase64` for the IANA encodings Foundation can represent exactly.
enum TextEncoding {
    static var all: [Function] {
        [
            Function("textencodebase64", arguments: 2...2) { args, _ in
                let text = try Arg.string(args, 0, "string")
                let (encoding, name) = try lookup(try Arg.string(args, 1, "encoding"))
                guard let data = text.data(using: encoding, allowLossyConversion: false) else {
                    throw FunctionError(
                        "Invalid value for \"string\" parameter: the given string contains characters that cannot be represented in \(name).",
                        argument: 0)
                }
                return .string(data.base64EncodedString())
            },
            Function("textdecodebase64", arguments: 2...2) { args, _ in
                let source = try Arg.string(args, 0, "source")
                let (encoding, name) = try lookup(try Arg.string(args, 1, "encoding"))
                guard let data = Data(base64Encoded: source) else {
                    throw FunctionError("Invalid value for \"source\" parameter: invalid source string: illegal base64 data.", argument: 0)
                }
                guard let text = String(data: data, encoding: encoding), !text.contains("\u{FFFD}") else {
                    throw FunctionError(
                        "Invalid value for \"source\" parameter: the given string contains symbols that are not defined for \(name).",
                        argument: 0)
                }
                return .string(text)
            },
        ]
    }

    /// IANA names and common aliases (case-insensitive) with the canonical name Terraform reports.
    private static func lookup(_ name: String) throws(FunctionError) -> (String.Encoding, String) {
        switch name.lowercased() {
        case "utf-8", "utf8": return (.utf8, "UTF-8")
        case "utf-16le": return (.utf16LittleEndian, "UTF-16LE")
        case "utf-16be": return (.utf16BigEndian, "UTF-16BE")
        case "iso-8859-1", "latin1", "l1", "iso_8859-1", "cp819", "ibm819": return (.isoLatin1, "ISO-8859-1")
        case "windows-1252", "cp1252": return (.windowsCP1252, "windows-1252")
        case "us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us": return (.ascii, "US-ASCII")
        default:
            throw FunctionError(
                "Invalid value for \"encoding\" parameter: \(Formatter.goQuote(name)) is not a supported IANA encoding name or alias in this Terraform version.",
                argument: 1)
        }
    }
}
