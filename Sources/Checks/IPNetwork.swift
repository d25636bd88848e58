/// An IPv4 or IPv6 CIDR block, parsed once at load time and compared by prefix containment.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// Address bytes in network order (4 for IPv4, 16 for IPv6).
    public let bytes: [UInt8]
    public let prefixLength: Int

    /// Parses `10.0.0.0/8`, `::/0`, or a bare address (a host network).
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let addressText = String(parts[0])
        let bytes: [UInt8]
        if addressText.contains(":") {
            guard let parsed = Self.parseIPv6(addressText) else { return nil }
            bytes = parsed
        } else {
            guard let parsed = Self.parseIPv4(addressText) else { return nil }
            bytes = parsed
        }
        let maxPrefix = bytes.count * 8
        if parts.count == 2 {
            guard let p = Int(parts[1]), p >= 0, p <= maxPrefix else { return nil }
            prefixLength = p
        } else {
            prefixLength = maxPrefix
        }
        self.bytes = bytes
    }

    public var isIPv6: Bool { bytes.count == 16 }

    /// True when every address of `other` is in `self` (same family only).
    public func contains(_ other: IPNetwork) -> Bool {
        guard bytes.count == other.bytes.count, other.prefixLength >= prefixLength else { return false }
        var remaining = prefixLength
        var i = 0
        while remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if bytes[i] & mask != other.bytes[i] & mask { return false }
            remaining -= bits
            i += 1
        }
        return true
    }

    public var description: String {
        if isIPv6 {
            var groups: [String] = []
            for i in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]), radix: 16))
            }
            return groups.joined(separator: ":") + "/\(prefixLength)"
        }
        return bytes.map(String.init).joined(separator: ".") + "/\(prefixLength)"
    }

    private static func parseIPv4(_ text: String) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var out: [UInt8] = []
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), let v = UInt8(octet) else { return nil }
            out.append(v)
        }
        return out
    }

    private static func parseIPv6(_ text: String) -> [UInt8]? {
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func groups(_ s: Substring) -> [UInt16]? {
            if s.isEmpty { return [] }
            var out: [UInt16] = []
            for g in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard !g.isEmpty, g.count <= 4, let v = UInt16(g, radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        var words: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0]), let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            words = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let all = groups(halves[0]), all.count == 8 else { return nil }
            words = all
        }
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for w in words {
            out.append(UInt8(w >> 8))
            out.append(UInt8(w & 0xFF))
        }
        return out
    }
}

extension String {
    /// Splits at the first `::` only (at most two parts); a second `::` yields three parts, which is invalid.
    fileprivate func components(separatedByDoubleColon: Void) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let r = rest.firstRange(of: "::") {
            parts.append(rest[..<r.lowerBound])
            rest = rest[r.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
