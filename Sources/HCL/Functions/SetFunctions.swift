import Model

/// Terraform's set algebra: setunion, setintersection, setsubtract, setproduct.
enum SetFunctions {
    static var all: [Function] {
        [
            Function("setunion", arguments: 1...Int.max) { args, _ in
                .set(from: try sets(args).flatMap { $0 })
            },
            Function("setintersection", arguments: 1...Int.max) { args, _ in
                let all = try sets(args)
                guard let first = all.first else { return .set([]) }
                let rest = all.dropFirst().map { Set($0) }
                return .set(from: first.filter { element in rest.allSatisfy { $0.contains(element) } })
            },
            Function("setsubtract", arguments: 2...2) { args, _ in
                let all = try sets(args)
                let removed = Set(all[1])
                return .set(from: all[0].filter { !removed.contains($0) })
            },
            Function("setproduct", arguments: 0...Int.max, handlesUnknown: true) { args, _ in
                // Unknown elements of lists and tuples stay in the product; an unknown argument or a set with
                // unknown elements (whose length is not yet known) makes the whole result unknown.
                for arg in args where !arg.isKnown || (CollectionFunctions.isSet(arg) && !arg.isWhollyKnown) {
                    return .unknown
                }
                return try product(args)
            },
        ]
    }

    /// Each argument converted to a set of one unified element type (cty's set parameter conversion).
    private static func sets(_ args: [Value]) throws(FunctionError) -> [[Value]] {
        var elementTypes: [TypeConstraint] = []
        for i in args.indices {
            let value = try Arg.nonNull(args, i, "sets")
            guard let items = value.elements else {
                throw FunctionError("Invalid value for \"sets\" parameter: a set or list is required.", argument: i)
            }
            elementTypes.append(contentsOf: items.map(TypeConstraint.implied(by:)))
        }
        guard let common = Unification.unify(elementTypes) else {
            throw FunctionError("Invalid value for \"sets\" parameter: given sets must all have compatible element types.")
        }
        var out: [[Value]] = []
        for (i, arg) in args.enumerated() {
            do {
                out.append((try Conversion.convert(arg, to: .set(common))).elements ?? [])
            } catch {
                throw Arg.error(i, "sets", error.message)
            }
        }
        return out
    }

    /// Most elements `setproduct` may produce.
    static let maxProductSize = 1_000_000

    private static func product(_ args: [Value]) throws(FunctionError) -> Value {
        guard args.count >= 2 else {
            throw FunctionError("Call to function \"setproduct\" failed: at least two arguments are required.")
        }
        var listCount = 0
        var lists: [[Value]] = []
        for i in args.indices {
            switch try Arg.nonNull(args, i, "sets") {
            case .set(let items): lists.append(items)
            case .list(let items):
                listCount += 1
                lists.append(items)
            case .tuple(let items):
                // A tuple is accepted when its elements unify to one type; they are converted to it.
                listCount += 1
                guard let common = Unification.unify(items.map(TypeConstraint.implied(by:))) else {
                    throw FunctionError("Invalid value for \"sets\" parameter: all elements must be of the same type.", argument: i)
                }
                var converted: [Value] = []
                for item in items { converted.append(try Conversion.convert(item, to: common)) }
                lists.append(converted)
            default:
                throw FunctionError("Invalid value for \"sets\" parameter: a set or a list is required.", argument: i)
            }
        }
        let allSets = listCount < args.count
        // Four lists of 1,024 elements would be a trillion combinations: refuse before allocating any.
        var size = 1
        for list in lists {
            let (product, overflow) = size.multipliedReportingOverflow(by: list.count)
            guard !overflow, product <= maxProductSize else {
                throw FunctionError(
                    "Call to function \"setproduct\" failed: the product would have more than \(maxProductSize) elements.")
            }
            size = product
        }
        var combos: [[Value]] = [[]]
        for list in lists {
            var next: [[Value]] = []
            next.reserveCapacity(combos.count * list.count)
            for combo in combos {
                for item in list { next.append(combo + [item]) }
            }
            combos = next
        }
        // cty's result elements are tuples, since each position may have its own element type; the result
        // is a list only when every argument was a list or tuple.
        let rows = combos.map { Value.tuple($0) }
        return allSets ? .set(from: rows) : .list(rows)
    }
}
