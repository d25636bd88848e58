import Foundation
import HCL
import Model

/// The evaluated root module of one load, kept so that a resource block whose text changed can be evaluated again
/// in it, against the final values of everything it reads, without loading and evaluating the module again.
/// Only a block nothing else in the module reads (its outputs aside) qualifies: its new value then changes no other
/// item, and the root module's outputs feed nothing a check sees.
public final class ModuleScope: @unchecked Sendable {
    // @unchecked: the instance is only touched under `lock`, after its load has finished.
    private let lock = NSLock()
    private let root: ModuleInstance
    private let graph: ModuleGraph?
    /// Root managed resources without `count`/`for_each`, by `TYPE.NAME`: their place in `resources`.
    private let places: [String: Int]
    /// The root module directory as loaded.
    public let directory: String
    /// Every module directory the load read configuration from (standardized as the load did; the root's included).
    private let moduleDirectories: Set<String>
    private let tree: any FileTree
    /// True when the root module has override files: they merge into blocks, so a block's text is not all of it.
    public let hasOverrides: Bool
    /// The resources the load produced, in its order.
    public let resources: [Resource]

    init(root: ModuleInstance, graph: ModuleGraph?) {
        self.root = root
        self.graph = graph
        directory = root.config.directory
        moduleDirectories = Set(root.session.moduleDirectories)
        tree = root.session.options.fileTree
        hasOverrides = root.config.files.contains { ModuleFiles.isOverride(($0 as NSString).lastPathComponent) }
        resources = root.resources
        var places: [String: Int] = [:]
        for (i, resource) in root.resources.enumerated()
        where resource.modulePath.isEmpty && resource.mode == .managed && resource.instanceKey == nil {
            places["\(resource.type).\(resource.name)"] = i
        }
        self.places = places
    }

    /// The real paths (links resolved) of every configuration file the load read, found on first use.
    private var realFiles: Set<String>?

    /// How an edit of a file bears on a root module.
    public enum EditedFile: Sendable, Equatable {
        /// The load read neither the file nor anything in its directory.
        case notRead
        /// A configuration file directly in the root module's directory, read as itself (not through a link).
        case rootFile
        /// Anything else the load may have read: a file of a module it calls, or one it reached through a link.
        case elsewhere
    }

    /// How an edit of the file at `path` (in the tree the load read) bears on this root module.
    public func classify(_ path: String) -> EditedFile {
        let directory = (path as NSString).deletingLastPathComponent
        let real = tree.resolvedPath(path)
        lock.lock()
        defer { lock.unlock() }
        let files =
            realFiles
            ?? Set(
                root.session.files.compactMap { name in
                    tree.resolvedPath(name.hasPrefix("/") ? name : root.session.displayBase + "/" + name)
                })
        realFiles = files
        let read = moduleDirectories.contains(tree.standardizedPath(directory)) || real.map(files.contains) ?? true
        guard read else { return .notRead }
        let inRoot = tree.standardizedPath(directory) == tree.standardizedPath(self.directory)
        return inRoot && real == tree.absolute(path) ? .rootFile : .elsewhere
    }

    /// The root resource `block` (a `resource "TYPE" "NAME"` block of the root module, as edited) evaluates to, or
    /// nil when that cannot be known without loading the module again: the block expands (`count`, `for_each`), is
    /// read by another item, lies on a cycle, or reads itself or a block in `edited` (`TYPE.NAME` of every block whose
    /// text changed), whose new value the scope does not hold.
    public func reevaluate(_ block: Block, edited: Set<String>) -> Resource? {
        guard block.type == "resource", block.labels.count == 2, let graph else { return nil }
        let type = block.labels[0]
        let name = block.labels[1]
        let address = "\(type).\(name)"
        guard let place = places[address], block.body.attribute("count") == nil, block.body.attribute("for_each") == nil,
            !graph.referenced.contains(address), !graph.cyclic.contains(address), graph.items[address] != nil
        else { return nil }
        let analysed = ModuleGraph.analyse(block.body)
        for (_, traversals) in analysed {
            for traversal in traversals {
                guard let first = traversal.leadingAttributes.first else { continue }
                if edited.contains("\(traversal.root).\(first)") { return nil }
            }
        }
        var provider = Resource.impliedProvider(ofType: type)
        if let expression = block.body.attribute("provider")?.expression, let named = ModuleConfig.providerName(expression) {
            provider = named
        }
        let old = resources[place]
        lock.lock()
        defer { lock.unlock() }
        // A fresh budget: the load's was spent on the whole module, and this block's share is counted again.
        var context = root.ctx
        context.iterations = IterationBudget(limit: root.session.options.maxForElements)
        root.eachTargets = ReferenceTargets()
        var evaluator = BodyEvaluator(maxInstances: root.session.options.maxInstances)
        let attributes = evaluator.evaluate(
            block.body, context, skipping: ModuleConfig.resourceMetaArguments,
            blocksSkipped: ["lifecycle", "provisioner", "connection"])
        return Resource(
            mode: .managed, provider: provider, type: type, name: name, modulePath: [], instanceKey: nil, origin: old.origin,
            attributes: attributes, references: root.references(of: analysed, context))
    }
}

/// The evaluated root modules of the loads given these options, by directory.
public final class ModuleScopes: @unchecked Sendable {
    // @unchecked: `scopes` is only touched under `lock` (root modules load in parallel).
    private let lock = NSLock()
    private var scopes: [String: ModuleScope] = [:]

    /// An empty collection.
    public init() {}

    func keep(_ scope: ModuleScope, for directory: String) {
        lock.lock()
        defer { lock.unlock() }
        scopes[TreePath.clean(directory)] = scope
    }

    /// The scope of the root module loaded from `directory`, if one was kept.
    public func scope(for directory: String) -> ModuleScope? {
        lock.lock()
        defer { lock.unlock() }
        return scopes[TreePath.clean(directory)]
    }
}
