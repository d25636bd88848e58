import Checks
import HCL
import Model

/// Turns one check's declared fix into edits on one resource, action by action, committing each to the workspace.
struct FixApplier {
    let parameters: [String: String]
    let tracer: ValueTracer
    let named: NamedFixRegistry

    /// Applies `spec` to `resource` as fix `owner`; returns where the first edit landed (the resource's line when
    /// the configuration already had the values). Throws, leaving `workspace` unchanged, when a person must do it.
    func apply(
        _ spec: FixSpec, to resource: ResourceReference, owner: Int, workspace: inout EditWorkspace
    )
        throws(FixProblem) -> (file: String, line: Int)
    {
        // A transaction rather than a copy of the workspace: copying it would cost as much as every file loaded
        // so far, once per fix.
        workspace.begin()
        var applicable = false
        var landed: (key: String, line: Int)?
        do throws(FixProblem) {
            for action in spec.actions {
                guard let edits = try edits(for: action, on: resource, workspace: &workspace) else { continue }
                applicable = true
                guard !edits.isEmpty else { continue }
                let home = try resource.locate(in: &workspace).file.path
                let lines = try workspace.commit(edits, owner: owner)
                if landed == nil {
                    if let line = lines[home] {
                        landed = (home, line)
                    } else if let first = lines.min(by: { $0.key < $1.key }) {
                        landed = (first.key, first.value)
                    }
                }
            }
            guard applicable else {
                throw FixProblem(.notApplicable, "nothing in fix \(spec.id) applies to this resource")
            }
        } catch {
            workspace.rollback()
            throw error
        }
        workspace.end()
        if let landed { return workspace.location(landed.key, line: landed.line) }
        let located = try resource.locate(in: &workspace)
        return workspace.location(located.file.path, line: located.block.range.start.line)
    }

    /// The edits of one action against the current text; nil when the action does not apply to this resource.
    private func edits(
        for action: FixAction, on resource: ResourceReference, workspace: inout EditWorkspace
    )
        throws(FixProblem) -> [TextEdit]?
    {
        let (file, block) = try resource.locate(in: &workspace)
        switch action {
        case .set(let set):
            return try self.set(set, path: set.path[...], in: block, file: file, resource: resource, workspace: &workspace)
        case .remove(let remove):
            return try self.remove(remove, path: remove.path[...], in: block, file: file)
        case .addBlock(let add):
            return try addBlock(add, path: add.path[...], in: block, file: file)
        case .addResource(let add):
            return try addResource(add, to: resource, block: block, file: file, workspace: &workspace)
        case .named(let fix):
            guard let implementation = named.fixes[fix.name] else {
                throw FixProblem(.notApplicable, "the check names an unknown Swift fix \"\(fix.name)\"")
            }
            return try implementation(NamedFixInput(block: block, file: file, arguments: fix.arguments, parameters: parameters))
        }
    }

    /// Renders a fix value as HCL, or fails when it is a parameter without a value.
    func text(_ value: FixValue) throws(FixProblem) -> (text: String, value: Value) {
        switch value {
        case .literal(let v): return (HCLRenderer.literal(v), v)
        case .parameter(let name):
            guard let given = parameters[name] else {
                throw FixProblem(.missingParameter, "the fix needs the \(name) parameter (bulwark fix --admin-cidr)")
            }
            return (HCLRenderer.quote(given), .string(given))
        }
    }

    private func set(
        _ action: SetAttributeAction, path: ArraySlice<String>, in block: Block, file: WorkingFile,
        resource: ResourceReference, workspace: inout EditWorkspace
    ) throws(FixProblem) -> [TextEdit]? {
        let editor = BlockEditor(file: file)
        guard let first = path.first else { return nil }
        if path.count > 1 {
            try refuseDynamic(first, in: block)
            let nested = block.body.blocks(ofType: first)
            if nested.isEmpty {
                guard action.create else { return nil }
                _ = try text(action.value)  // a missing parameter is reported, not skipped
                var body = FixBody([.attribute(path.last ?? first, action.value)])
                for segment in path.dropFirst().dropLast().reversed() { body = FixBody([.block(segment, body)]) }
                guard
                    let lines = HCLRenderer.block(
                        type: first, labels: [], body: body, indent: editor.innerIndent(of: block),
                        resolve: { try? text($0).text })
                else { return nil }
                return [try editor.insertBlock(lines, into: block)]
            }
            var out: [TextEdit] = []
            var applied = false
            for child in nested {
                if let edits = try set(
                    action, path: path.dropFirst(), in: child, file: file, resource: resource,
                    workspace: &workspace)
                {
                    applied = true
                    out += edits
                }
            }
            return applied ? out : nil
        }
        let wanted = try text(action.value)
        let existing = block.body.attribute(first) ?? action.aliases.lazy.compactMap { block.body.attribute($0) }.first
        guard let existing else {
            guard action.create else { return nil }
            return [try editor.insertAttribute(first, wanted.text, into: block)]
        }
        switch try tracer.site(
            of: existing.expression, in: file.path, modulePath: resource.modulePath,
            attribute: existing.name, workspace: &workspace)
        {
        case .expression(let path, let expression):
            if ExpressionFacts.literal(expression) == wanted.value { return [] }
            return [BlockEditor(file: try workspace.file(path)).replace(expression, with: wanted.text)]
        case .missingArgument(let path, let call, let name):
            return [try BlockEditor(file: try workspace.file(path)).insertAttribute(name, wanted.text, into: call)]
        }
    }

    private func remove(
        _ action: RemoveElementAction, path: ArraySlice<String>, in block: Block, file: WorkingFile
    )
        throws(FixProblem) -> [TextEdit]?
    {
        guard let first = path.first else { return nil }
        if path.count > 1 {
            try refuseDynamic(first, in: block)
            var out: [TextEdit]?
            for child in block.body.blocks(ofType: first) {
                if let edits = try remove(action, path: path.dropFirst(), in: child, file: file) { out = (out ?? []) + edits }
            }
            return out
        }
        guard let attribute = block.body.attribute(first) else { return nil }
        guard case .tuple(let elements) = attribute.expression.kind else {
            throw FixProblem(
                .unsupportedExpression, "\(first) is not a list literal: " + ExpressionFacts.whyNotEditable(attribute.expression),
                at: attribute.expression.range)
        }
        let drop = Set(elements.indices.filter { ExpressionFacts.literal(elements[$0]) == action.value })
        if drop.isEmpty { return [] }
        return try BlockEditor(file: file).rewrite(tuple: attribute.expression, elements: elements, replacements: [:], removals: drop)
    }

    private func addBlock(
        _ action: AddBlockAction, path: ArraySlice<String>, in block: Block, file: WorkingFile
    )
        throws(FixProblem) -> [TextEdit]?
    {
        guard let first = path.first else { return nil }
        try refuseDynamic(first, in: block)
        if path.count > 1 {
            var out: [TextEdit]?
            for child in block.body.blocks(ofType: first) {
                if let edits = try addBlock(action, path: path.dropFirst(), in: child, file: file) { out = (out ?? []) + edits }
            }
            return out
        }
        guard block.body.blocks(ofType: first).isEmpty else { return nil }
        let editor = BlockEditor(file: file)
        guard let lines = try render(type: first, labels: [], body: action.body, indent: editor.innerIndent(of: block)) else { return nil }
        return [try editor.insertBlock(lines, into: block)]
    }

    private func addResource(
        _ action: AddResourceAction, to resource: ResourceReference, block: Block, file: WorkingFile,
        workspace: inout EditWorkspace
    ) throws(FixProblem) -> [TextEdit]? {
        if let inline = action.unlessBlock,
            block.body.blocks.contains(where: { $0.type == inline || ($0.type == "dynamic" && $0.labels == [inline]) })
        {
            return nil
        }
        let directory = ValueTracer.directory(of: resource.file)
        let address = "\(resource.type).\(resource.name)"
        let (home, taken) = try workspace.lookup(in: directory) { index in
            (index.companion(type: action.type, reading: address), index.hasResource(type: action.type, name: resource.name))
        }
        if let home {
            let candidate = try workspace.file(home)
            let found = candidate.parsed.body.blocks.first { (other: Block) -> Bool in
                guard other.type == "resource", other.labels.count == 2, other.labels[0] == action.type else { return false }
                return other.body.attributes.contains { resource.isReferenced(by: $0.expression) }
            }
            if let other = found,
                var companion = ResourceReference(
                    address: "\(action.type).\(other.labels[1])", file: workspace.path(of: home))
            {
                // A companion exists: give it the fix's values instead of adding a second one.
                companion.modulePath = resource.modulePath
                var out: [TextEdit] = []
                for set in Self.sets(action.body, prefix: []) {
                    if let edits = try self.set(
                        set, path: set.path[...], in: other, file: candidate, resource: companion,
                        workspace: &workspace)
                    {
                        out += edits
                    }
                }
                return out
            }
        }
        if taken {
            throw FixProblem(.conflict, "a \(action.type) named \(resource.name) already exists for another resource", at: block.range)
        }
        // One companion per instance: for_each over the resource's instances, or count over them.
        let leading: [(name: String, text: String)]
        if block.body.attribute("for_each") != nil {
            leading = [("for_each", address), (action.reference, "each.value.\(action.referenceAttribute)")]
        } else if block.body.attribute("count") != nil {
            leading = [("count", "length(\(address))"), (action.reference, "\(address)[count.index].\(action.referenceAttribute)")]
        } else {
            leading = [(action.reference, "\(address).\(action.referenceAttribute)")]
        }
        guard
            let text = try render(
                type: "resource", labels: [action.type, resource.name], body: action.body, indent: "",
                leading: leading)
        else { return nil }
        return [BlockEditor(file: file).append(text, after: anchor(after: block, of: resource, in: file))]
    }

    /// The block a companion goes after: the resource, or the companions already following it, so several
    /// companions keep the order the fixes were applied in.
    private func anchor(after block: Block, of resource: ResourceReference, in file: WorkingFile) -> Block {
        let blocks = file.parsed.body.blocks
        guard var i = blocks.firstIndex(where: { $0.range.start.byte == block.range.start.byte }) else { return block }
        while i + 1 < blocks.count, blocks[i + 1].type == "resource",
            blocks[i + 1].body.attributes.contains(where: { resource.isReferenced(by: $0.expression) })
        {
            i += 1
        }
        return blocks[i]
    }

    private func render(
        type: String, labels: [String], body: FixBody, indent: String,
        leading: [(name: String, text: String)] = []
    ) throws(FixProblem) -> String? {
        // Resolve parameters first so a missing one is reported rather than silently skipped.
        for set in Self.sets(body, prefix: []) { _ = try text(set.value) }
        return HCLRenderer.block(
            type: type, labels: labels, body: body, indent: indent, leading: leading,
            resolve: { try? text($0).text })
    }

    /// A body as `set` actions (attributes by path), for a companion resource that already exists.
    private static func sets(_ body: FixBody, prefix: [String]) -> [SetAttributeAction] {
        body.items.flatMap { item -> [SetAttributeAction] in
            switch item {
            case .attribute(let name, let value): return [SetAttributeAction(path: prefix + [name], value: value)]
            case .block(let name, let nested): return sets(nested, prefix: prefix + [name])
            }
        }
    }

    private func refuseDynamic(_ type: String, in block: Block) throws(FixProblem) {
        if let dynamic = block.body.blocks.first(where: { $0.type == "dynamic" && $0.labels == [type] }) {
            throw FixProblem(.unsupportedExpression, "\(type) is generated by a dynamic block", at: dynamic.range)
        }
    }
}
