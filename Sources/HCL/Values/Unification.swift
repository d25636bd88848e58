import Model

/// go-cty's type unification: the single type a set of values can all convert to (used for `list(any)`,
/// `tolist`, `concat`, conditional results). `.any` stands for cty's dynamic pseudo-type.
enum Unification {
    /// The common type, or nil when none exists (e.g. a number and a bool).
    static func unify(_ types: [TypeConstraint]) -> TypeConstraint? {
        let concrete = types.filter { $0 != .any }
        guard let first = concrete.first else { return .any }
        if concrete.allSatisfy({ $0 == first }) { return first }

        if concrete.allSatisfy(\.isPrimitive) {
            // Strings win: numbers and bools convert safely to strings, but not to each other.
            return concrete.contains(.string) ? .string : nil
        }
        if concrete.allSatisfy({ if case .list = $0 { return true } else { return false } }) {
            return unify(concrete.compactMap(\.elementType)).map { .list($0) }
        }
        if concrete.allSatisfy({ if case .set = $0 { return true } else { return false } }) {
            return unify(concrete.compactMap(\.elementType)).map { .set($0) }
        }
        if concrete.allSatisfy({ if case .map = $0 { return true } else { return false } }) {
            return unify(concrete.compactMap(\.elementType)).map { .map($0) }
        }
        if concrete.allSatisfy(\.isObjectOrMap) {
            var attributeTypes: [TypeConstraint] = []
            var names: Set<String>?
            var sameNames = true
            for type in concrete {
                switch type {
                case .object(let attributes, _):
                    attributeTypes.append(contentsOf: attributes.values)
                    let keys = Set(attributes.keys)
                    if let names, names != keys { sameNames = false }
                    names = keys
                case .map(let e):
                    attributeTypes.append(e)
                    sameNames = false
                default: return nil
                }
            }
            if sameNames, let names, concrete.allSatisfy({ if case .object = $0 { return true } else { return false } }) {
                var unified: [String: TypeConstraint] = [:]
                for name in names {
                    let candidates = concrete.compactMap { type -> TypeConstraint? in
                        if case .object(let attributes, _) = type { return attributes[name] }
                        return nil
                    }
                    guard let u = unify(candidates) else { return nil }
                    unified[name] = u
                }
                return .object(attributes: unified, optional: [:])
            }
            return unify(attributeTypes).map { .map($0) }
        }
        if concrete.allSatisfy(\.isTupleOrList) {
            var length: Int?
            var allTuples = true
            for type in concrete {
                if case .tuple(let items) = type {
                    if let length, length != items.count { allTuples = false }
                    length = items.count
                } else {
                    allTuples = false
                }
            }
            if allTuples, let length {
                var unified: [TypeConstraint] = []
                for i in 0..<length {
                    let candidates = concrete.compactMap { type -> TypeConstraint? in
                        if case .tuple(let items) = type { return items[i] }
                        return nil
                    }
                    guard let u = unify(candidates) else { return nil }
                    unified.append(u)
                }
                return .tuple(unified)
            }
            var elementTypes: [TypeConstraint] = []
            for type in concrete {
                switch type {
                case .tuple(let items): elementTypes.append(contentsOf: items)
                case .list(let e): elementTypes.append(e)
                default: return nil
                }
            }
            return unify(elementTypes).map { .list($0) }
        }
        return nil
    }

    /// Fills the `any` holes of a constraint with the corresponding parts of a unified concrete type.
    static func merge(_ constraint: TypeConstraint, with concrete: TypeConstraint) -> TypeConstraint {
        switch (constraint, concrete) {
        case (.any, _): return concrete
        case (.list(let a), .list(let b)), (.list(let a), .set(let b)): return .list(merge(a, with: b))
        case (.set(let a), .set(let b)), (.set(let a), .list(let b)): return .set(merge(a, with: b))
        case (.map(let a), .map(let b)): return .map(merge(a, with: b))
        case (.list(let a), .tuple(let items)):
            return .list(merge(a, with: unify(items) ?? .any))
        case (.set(let a), .tuple(let items)):
            return .set(merge(a, with: unify(items) ?? .any))
        case (.map(let a), .object(let attributes, _)):
            return .map(merge(a, with: unify(Array(attributes.values)) ?? .any))
        default: return constraint
        }
    }
}

extension TypeConstraint {
    var isPrimitive: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }

    var isObjectOrMap: Bool {
        switch self {
        case .object, .map: return true
        default: return false
        }
    }

    var isTupleOrList: Bool {
        switch self {
        case .tuple, .list: return true
        default: return false
        }
    }

    var elementType: TypeConstraint? {
        switch self {
        case .list(let e), .set(let e), .map(let e): return e
        default: return nil
        }
    }
}
