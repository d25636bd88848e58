import Model

extension ConditionEvaluator {
    /// The data source whose rendered attribute is the whole of `path`'s unknown value, when the predicate can
    /// decide from that data source's arguments.
    ///
    /// The attribute must draw on exactly one reference, to a rendered attribute the predicate names, resolving
    /// to exactly one instance whose rendered attribute is itself unknown: a value that also draws on another
    /// resource, or whose source rendered a known value, is unknown for some other reason and stays unknown.
    func renderingSource(of path: String, in resource: Resource, for predicate: Predicate) -> Resource? {
        let attribute = ConnectionCondition.normalize(path)
        let references = resource.references.filter { ConnectionCondition.normalize($0.attribute) == attribute }
        guard references.count == 1, let reference = references.first, let read = reference.targetAttribute else {
            return nil
        }
        let targets = graph.resolve(reference.target)
        guard targets.count == 1, let target = targets.first, target.mode == .data else { return nil }
        let rendered = RenderedAttribute(type: target.type, attribute: read)
        guard predicate.rendersFrom.contains(rendered), let value = target.attributes[read], !value.isKnown else {
            return nil
        }
        return target
    }
}
