import HCL

/// Every expression in a body with its attribute path, for dependency analysis and reference edges.
enum BodyExpressions {
    /// `(attribute path, expression)` pairs; nested blocks give dotted paths (`logging.target_bucket`),
    /// `dynamic "x"` content is reported under `x`. `skipping` applies to the top level only.
    static func withPaths(in body: Body, skipping: Set<String>, prefix: String = "") -> [(String, Expression)] {
        var out: [(String, Expression)] = []
        for attr in body.attributes where !skipping.contains(attr.name) {
            out.append((prefix + attr.name, attr.expression))
        }
        for block in body.blocks {
            if block.type == "dynamic", let name = block.labels.first {
                for attr in block.body.attributes { out.append((prefix + name, attr.expression)) }
                for content in block.body.blocks(ofType: "content") {
                    out.append(contentsOf: withPaths(in: content.body, skipping: [], prefix: prefix + name + "."))
                }
            } else if !skipping.contains(block.type) {
                out.append(contentsOf: withPaths(in: block.body, skipping: [], prefix: prefix + block.type + "."))
            }
        }
        return out
    }
}
