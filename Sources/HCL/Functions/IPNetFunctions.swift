import Model

/// Terraform's CIDR functions over IPv4 and IPv6 (go-cidr semantics and messages).
enum IPNetFunctions {
    static var all: [Function] {
        [
            Function("cidrsubnet", arguments: 3...3) { args, _ in try cidrSubnet(args) },
            Function("cidrhost", arguments: 2...2) { args, _ in try cidrHost(args) },
            Function("cidrnetmask", arguments: 1...1) { args, _ in
                let text = try Arg.string(args, 0, "prefix")
                let network = try parse(text, name: "cidrnetmask")
                guard network.bits == 32 else {
                    throw FunctionError("Call to function \"cidrnetmask\" failed: IPv6 addresses cannot have a netmask: \(text).")
                }
                return .string(IPNetwork.format(network.mask, bits: 32))
            },
            Function("cidrsubnets", arguments: 1...Int.max) { args, _ in try cidrSubnets(args) },
        ]
    }

    private static func parse(_ text: String, name: String) throws(FunctionError) -> IPNetwork {
        guard let network = IPNetwork.parse(text) else {
            throw FunctionError(
                "Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: \(text).", argument: 0)
        }
        return network
    }

    /// A whole number as a 128-bit magnitude and its sign.
    private static func whole(_ args: [Value], _ index: Int, _ name: String) throws(FunctionError) -> (U128, Bool) {
        let n = try Arg.number(args, index, name)
        guard n == n.rounded(), n.isFinite else {
            throw Arg.error(index, name, "value must be a whole number")
        }
        let magnitude = abs(n)
        guard magnitude < 18_446_744_073_709_551_616 else { throw Arg.error(index, name, "value is too large") }
        return (U128(hi: 0, lo: UInt64(magnitude)), n < 0)
    }

    private static func cidrSubnet(_ args: [Value]) throws(FunctionError) -> Value {
        let network = try parse(try Arg.string(args, 0, "prefix"), name: "cidrsubnet")
        let newBits = try Arg.int(args, 1, "newbits")
        let (netNum, negative) = try whole(args, 2, "netnum")
        let newPrefix = network.prefix + newBits
        guard newBits >= 0, newPrefix <= network.bits else {
            throw FunctionError(
                "Call to function \"cidrsubnet\" failed: insufficient address space to extend prefix of \(network.prefix) by \(newBits).")
        }
        guard !negative, netNum <= U128.lowMask(newBits) else {
            throw FunctionError(
                "Call to function \"cidrsubnet\" failed: prefix extension of \(newBits) does not accommodate a subnet numbered \(negative ? "-" : "")\(netNum.decimal)."
            )
        }
        let address = network.address | (netNum << (network.bits - newPrefix))
        return .string(IPNetwork(address: address, prefix: newPrefix, bits: network.bits).cidr)
    }

    private static func cidrHost(_ args: [Value]) throws(FunctionError) -> Value {
        let network = try parse(try Arg.string(args, 0, "prefix"), name: "cidrhost")
        var (hostNum, negative) = try whole(args, 1, "hostnum")
        let maxHost = U128.lowMask(network.bits - network.prefix)
        var shown = (negative ? "-" : "") + hostNum.decimal
        if negative {
            // go-cidr counts negative host numbers back from the last address: -1 is the last one.
            let back = hostNum &- U128.one
            guard back <= maxHost else {
                throw FunctionError(
                    "Call to function \"cidrhost\" failed: prefix of \(network.prefix) does not accommodate a host numbered \(shown).")
            }
            hostNum = maxHost &- back
            negative = false
            shown = hostNum.decimal
        }
        guard hostNum <= maxHost else {
            throw FunctionError(
                "Call to function \"cidrhost\" failed: prefix of \(network.prefix) does not accommodate a host numbered \(shown).")
        }
        return .string(IPNetwork.format(network.address | hostNum, bits: network.bits))
    }

    private static func cidrSubnets(_ args: [Value]) throws(FunctionError) -> Value {
        let network = try parse(try Arg.string(args, 0, "prefix"), name: "cidrsubnets")
        guard args.count > 1 else { return .list([]) }
        let width = U128.lowMask(network.bits)
        let firstLength = try Arg.int(args, 1, "newbits") + network.prefix
        // go-cidr's PreviousSubnet: the subnet just before the base address (wrapping at zero).
        var current = IPNetwork(address: .zero, prefix: 0, bits: network.bits)
        if (0...network.bits).contains(firstLength) {
            let mask = U128.lowMask(network.bits) & ~U128.lowMask(network.bits - firstLength)
            current = IPNetwork(address: (network.address &- U128.one) & width & mask, prefix: firstLength, bits: network.bits)
        }
        var results: [Value] = []
        for index in 1..<args.count {
            var length = try Arg.int(args, index, "newbits")
            guard length >= 1 else {
                throw FunctionError("Invalid value for \"newbits\" parameter: must extend prefix by at least one bit.", argument: index)
            }
            guard length <= 32 else {
                throw FunctionError("Invalid value for \"newbits\" parameter: may not extend prefix by more than 32 bits.", argument: index)
            }
            length += network.prefix
            guard length <= network.bits else {
                throw FunctionError(
                    "Invalid value for \"newbits\" parameter: would extend prefix to \(length) bits, which is too long for an \(network.bits == 32 ? "IPv4" : "IPv6") address.",
                    argument: index)
            }
            // go-cidr's NextSubnet: the subnet of the new length after the current one's last address.
            let mask = U128.lowMask(network.bits) & ~U128.lowMask(network.bits - length)
            let containing = IPNetwork(address: current.last & mask, prefix: length, bits: network.bits)
            let nextAddress = (containing.last &+ U128.one) & width
            let next = IPNetwork(address: nextAddress & mask, prefix: length, bits: network.bits)
            guard nextAddress != .zero, network.contains(next.address) else {
                throw FunctionError(
                    "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of \(length) bits after \(current.cidr).",
                    argument: index)
            }
            current = next
            results.append(.string(current.cidr))
        }
        return .list(results)
    }
}
