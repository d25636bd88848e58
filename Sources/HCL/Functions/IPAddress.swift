import Foundation

/// A 128-bit unsigned integer for IP arithmetic (avoids `UInt128`, which needs macOS 15).
struct U128: Hashable, Comparable {
    var hi: UInt64
    var lo: UInt64

    static let zero = U128(hi: 0, lo: 0)
    static let one = U128(hi: 0, lo: 1)

    static func < (a: U128, b: U128) -> Bool { a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo }

    static func &+ (a: U128, b: U128) -> U128 {
        let (lo, carry) = a.lo.addingReportingOverflow(b.lo)
        return U128(hi: a.hi &+ b.hi &+ (carry ? 1 : 0), lo: lo)
    }

    static func &- (a: U128, b: U128) -> U128 {
        let (lo, borrow) = a.lo.subtractingReportingOverflow(b.lo)
        return U128(hi: a.hi &- b.hi &- (borrow ? 1 : 0), lo: lo)
    }

    static func & (a: U128, b: U128) -> U128 { U128(hi: a.hi & b.hi, lo: a.lo & b.lo) }
    static func | (a: U128, b: U128) -> U128 { U128(hi: a.hi | b.hi, lo: a.lo | b.lo) }
    static prefix func ~ (a: U128) -> U128 { U128(hi: ~a.hi, lo: ~a.lo) }

    static func << (a: U128, n: Int) -> U128 {
        if n <= 0 { return a }
        if n >= 128 { return .zero }
        if n >= 64 { return U128(hi: a.lo << UInt64(n - 64), lo: 0) }
        return U128(hi: (a.hi << UInt64(n)) | (a.lo >> UInt64(64 - n)), lo: a.lo << UInt64(n))
    }

    static func >> (a: U128, n: Int) -> U128 {
        if n <= 0 { return a }
        if n >= 128 { return .zero }
        if n >= 64 { return U128(hi: 0, lo: a.hi >> UInt64(n - 64)) }
        return U128(hi: a.hi >> UInt64(n), lo: (a.lo >> UInt64(n)) | (a.hi << UInt64(64 - n)))
    }

    /// All ones in the low `bits` bits.
    static func lowMask(_ bits: Int) -> U128 {
        bits >= 128 ? ~zero : (one << bits) &- one
    }

    /// Decimal text (Go prints big.Int values this way in error messages).
    var decimal: String {
        if hi == 0 { return String(lo) }
        var digits: [Character] = []
        var value = self
        while value != .zero {
            var remainder: UInt64 = 0
            var quotientHi: UInt64 = 0
            var quotientLo: UInt64 = 0
            for word in 0..<2 {
                let part = word == 0 ? value.hi : value.lo
                let (q, r) = UInt64(10).dividingFullWidth((remainder, part))
                if word == 0 { quotientHi = q } else { quotientLo = q }
                remainder = r
            }
            digits.append(Character(String(remainder)))
            value = U128(hi: quotientHi, lo: quotientLo)
        }
        return String(digits.reversed())
    }
}

/// An IPv4 (32-bit) or IPv6 (128-bit) network as Terraform's ipaddr package parses it.
public struct IPNetwork: Sendable, Hashable {
    var address: U128
    var prefix: Int
    var bits: Int

    /// Parses `address/prefix` like Go's net.ParseCIDR (Go 1.16 rules: IPv4 leading zeros are decimal); the address is masked.
    static func parse(_ text: String) -> IPNetwork? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let addressText = String(text[..<slash])
        let prefixText = text[text.index(after: slash)...]
        guard !prefixText.isEmpty, prefixText.allSatisfy(\.isASCII), prefixText.allSatisfy(\.isNumber),
            let prefix = Int(prefixText)
        else { return nil }
        guard let (address, bits) = parseAddress(addressText), prefix <= bits else { return nil }
        let network = IPNetwork(address: address, prefix: prefix, bits: bits)
        return IPNetwork(address: address & network.mask, prefix: prefix, bits: bits)
    }

    var mask: U128 { U128.lowMask(bits) & ~U128.lowMask(bits - prefix) }

    /// The network's last address.
    var last: U128 { address | U128.lowMask(bits - prefix) }

    func contains(_ ip: U128) -> Bool { ip & mask == address }

    var cidr: String { IPNetwork.format(address, bits: bits) + "/" + String(prefix) }

    static func parseAddress(_ text: String) -> (U128, Int)? {
        if text.contains(":") {
            return parseIPv6(text).map { ($0, 128) }
        }
        return parseIPv4(text).map { (U128(hi: 0, lo: UInt64($0)), 32) }
    }

    static func parseIPv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }), let octet = UInt32(part),
                octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseIPv6(_ text: String) -> U128? {
        var groups: [UInt16] = []
        var text = Substring(text)
        var tail: [UInt16] = []
        var compressed = false
        if let range = text.range(of: "::") {
            compressed = true
            let head = text[..<range.lowerBound]
            let rest = text[range.upperBound...]
            guard let h = parseGroups(head, allowIPv4: false), let t = parseGroups(rest, allowIPv4: true) else { return nil }
            groups = h
            tail = t
            if rest.contains("::") { return nil }
        } else {
            guard let all = parseGroups(text, allowIPv4: true) else { return nil }
            groups = all
            text = ""
        }
        let total = groups.count + tail.count
        if compressed {
            guard total < 8 else { return nil }
            groups += Array(repeating: 0, count: 8 - total) + tail
        } else if groups.count != 8 {
            return nil
        }
        var value = U128.zero
        for group in groups { value = (value << 16) | U128(hi: 0, lo: UInt64(group)) }
        return value
    }

    private static func parseGroups(_ text: Substring, allowIPv4: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        var groups: [UInt16] = []
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if allowIPv4, i == parts.count - 1, part.contains(".") {
                guard let v4 = parseIPv4(String(part)) else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
                continue
            }
            guard !part.isEmpty, part.count <= 4, let group = UInt16(part, radix: 16) else { return nil }
            groups.append(group)
        }
        return groups
    }

    /// Go's net.IP.String: dotted IPv4, or RFC 5952 IPv6 (longest zero run of two or more groups as `::`).
    static func format(_ address: U128, bits: Int) -> String {
        if bits == 32 {
            let v = address.lo
            return "\((v >> 24) & 0xFF).\((v >> 16) & 0xFF).\((v >> 8) & 0xFF).\(v & 0xFF)"
        }
        var groups: [UInt64] = []
        for i in stride(from: 112, through: 0, by: -16) { groups.append((address >> i).lo & 0xFFFF) }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            let v4 = (groups[6] << 16) | groups[7]
            return format(U128(hi: 0, lo: v4), bits: 32)
        }
        var bestStart = -1
        var bestLength = 0
        var i = 0
        while i < 8 {
            if groups[i] == 0 {
                var j = i
                while j < 8 && groups[j] == 0 { j += 1 }
                if j - i > bestLength && j - i >= 2 {
                    bestStart = i
                    bestLength = j - i
                }
                i = j
            } else {
                i += 1
            }
        }
        var out = ""
        var index = 0
        while index < 8 {
            if index == bestStart {
                out += "::"
                index += bestLength
                continue
            }
            if !out.isEmpty && !out.hasSuffix(":") { out += ":" }
            out += String(groups[index], radix: 16)
            index += 1
        }
        return out
    }
}

extension IPNetwork {
    /// A CIDR block (`10.0.0.0/8`, `::/0`) or a bare address (a one-host network); surrounding whitespace is ignored.
    /// Used by security checks, which compare rule CIDRs by containment.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let network = IPNetwork.parse(trimmed) {
            self = network
            return
        }
        guard let (address, bits) = IPNetwork.parseAddress(trimmed) else { return nil }
        self.init(address: address, prefix: bits, bits: bits)
    }

    /// True when every address of `other` is in this network (same address family only).
    public func contains(_ other: IPNetwork) -> Bool {
        bits == other.bits && other.prefix >= prefix && other.address & mask == address
    }
}
