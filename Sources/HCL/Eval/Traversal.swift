import Model

/// A reference an expression makes to something outside it: a root name followed by static steps,
/// e.g. `aws_s3_bucket.b["k"].id` is root `aws_s3_bucket`, steps `.b`, `["k"]`, `.id`.
public struct Traversal: Sendable {
    /// One step after the root.
    public enum Step: Sendable {
        case attribute(String)
        /// An index whose key is itself an expression (a literal, or `each.key`, …).
        case index(Expression)
    }

    public var root: String
    public var steps: [Step]
    public var range: SourceRange

    /// The attribute names of the leading `.name` steps, stopping at the first index.
    public var leadingAttributes: [String] {
        var names: [String] = []
        for step in steps {
            guard case .attribute(let name) = step else { break }
            names.append(name)
        }
        return names
    }
}

extension Expression {
    /// Every traversal this expression makes, excluding names bound by `for` expressions and directives inside it.
    public var traversals: [Traversal] {
        var out: [Traversal] = []
        TraversalCollector.collect(self, bound: [], into: &out)
        return out
    }
}

/// Walks an expression tree; a separate type keeps the recursion's scope handling in one place.
private enum TraversalCollector {
    static func collect(_ e: Expression, bound: Set<String>, into out: inout [Traversal]) {
        if let traversal = staticTraversal(e), !bound.contains(traversal.root) {
            out.append(traversal)
            // Index expressions inside the traversal may reference other things (`each.key`, `var.k`).
            for step in traversal.steps {
                if case .index(let key) = step { collect(key, bound: bound, into: &out) }
            }
            return
        }
        switch e.kind {
        case .literal, .splatItem:
            return
        case .variable(let name):
            if !bound.contains(name) {
                out.append(Traversal(root: name, steps: [], range: e.range))
            }
        case .template(let parts):
            collect(parts, bound: bound, into: &out)
        case .getAttribute(let source, _):
            collect(source, bound: bound, into: &out)
        case .index(let source, let key):
            collect(source, bound: bound, into: &out)
            collect(key, bound: bound, into: &out)
        case .splat(let source, let each):
            collect(source, bound: bound, into: &out)
            collect(each, bound: bound, into: &out)
        case .call(_, let arguments, _):
            for a in arguments { collect(a, bound: bound, into: &out) }
        case .tuple(let items):
            for a in items { collect(a, bound: bound, into: &out) }
        case .object(let items):
            for item in items {
                if !item.keyIsIdentifier { collect(item.key, bound: bound, into: &out) }
                collect(item.value, bound: bound, into: &out)
            }
        case .forExpression(let f):
            collect(f.collection, bound: bound, into: &out)
            var inner = bound
            inner.insert(f.valueVariable)
            if let k = f.keyVariable { inner.insert(k) }
            if let k = f.keyExpression { collect(k, bound: inner, into: &out) }
            collect(f.valueExpression, bound: inner, into: &out)
            if let c = f.condition { collect(c, bound: inner, into: &out) }
        case .conditional(let c, let t, let f):
            collect(c, bound: bound, into: &out)
            collect(t, bound: bound, into: &out)
            collect(f, bound: bound, into: &out)
        case .binary(_, let l, let r):
            collect(l, bound: bound, into: &out)
            collect(r, bound: bound, into: &out)
        case .unary(_, let x), .parentheses(let x):
            collect(x, bound: bound, into: &out)
        }
    }

    static func collect(_ parts: [TemplatePart], bound: Set<String>, into out: inout [Traversal]) {
        for part in parts {
            switch part {
            case .literal: break
            case .interpolation(let e): collect(e, bound: bound, into: &out)
            case .ifDirective(let c, let t, let f, _):
                collect(c, bound: bound, into: &out)
                collect(t, bound: bound, into: &out)
                collect(f, bound: bound, into: &out)
            case .forDirective(let k, let v, let coll, let body, _):
                collect(coll, bound: bound, into: &out)
                var inner = bound
                inner.insert(v)
                if let k { inner.insert(k) }
                collect(body, bound: inner, into: &out)
            }
        }
    }

    /// `root.a["k"].b` as a traversal, or nil when the chain does not start at a plain name.
    static func staticTraversal(_ e: Expression) -> Traversal? {
        var steps: [Traversal.Step] = []
        var current = e
        while true {
            switch current.kind {
            case .getAttribute(let source, let name):
                steps.append(.attribute(name))
                current = source
            case .index(let source, let key):
                steps.append(.index(key))
                current = source
            case .variable(let name):
                guard !steps.isEmpty else { return nil }
                return Traversal(root: name, steps: steps.reversed(), range: e.range)
            default:
                return nil
            }
        }
    }
}
