import HCL
import Model

/// What the fixes look up in one fragment of a module's `.tf` file: the attributes reading each variable or local,
/// the locals and variables it defines, and the resources it holds with the resources they read. Collected once
/// per parse, so a fix asks the directory's index instead of walking every block of the module.
struct FragmentFacts: Sendable {
    /// Per `var.X`/`local.X`: the attributes outside `variable` blocks that read it, in block order.
    private(set) var readers: [String: [(name: String, range: SourceRange)]] = [:]
    /// Names of the locals defined here.
    private(set) var locals: Set<String> = []
    /// Names of the variables declared here.
    private(set) var variables: Set<String> = []
    /// `TYPE NAME` of each two-label resource here.
    private(set) var resources: Set<String> = []
    /// `TYPE READ` for each two-label resource of `TYPE` whose top-level attributes read the resource `READ`
    /// (`T.N`): the companions a fix adding a `TYPE` for `READ` would find.
    private(set) var companions: Set<String> = []

    /// The facts of `file`.
    init(_ file: WorkingFile) {
        for block in file.parsed.body.blocks {
            switch block.type {
            case "variable":
                if block.labels.count == 1 { variables.insert(block.labels[0]) }
                continue
            case "locals":
                for attribute in block.body.attributes { locals.insert(attribute.name) }
            case "resource" where block.labels.count == 2:
                resources.insert(block.labels[0] + " " + block.labels[1])
                for attribute in block.body.attributes {
                    for read in ResourceReference.addresses(readBy: attribute.expression) {
                        companions.insert(block.labels[0] + " " + read)
                    }
                }
            default: break
            }
            collectReaders(in: block.body)
        }
    }

    private mutating func collectReaders(in body: Body) {
        for attribute in body.attributes {
            for symbol in ExpressionFacts.references(attribute.expression) {
                readers[symbol, default: []].append((attribute.name, attribute.range))
            }
        }
        for block in body.blocks { collectReaders(in: block.body) }
    }
}
