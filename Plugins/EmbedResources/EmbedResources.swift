import Foundation
import PackagePlugin

/// Compiles the package's `checks/` directory into the target it is applied to, as `embeddedCheckFiles` and
/// `embeddedCheckContentHash`, so the shipped binary needs no files beside it and the copy is rebuilt whenever a
/// file under `checks/` changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let generator = try context.tool(named: "embed-resources")
        let checks = context.package.directoryURL.appending(path: "checks")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCheckFiles.swift")
        // Every file is an input, so editing one reruns the generator; the plugin itself runs at every build, so
        // adding or removing a file changes this list and reruns it too.
        var inputs: [URL] = []
        let keys: [URLResourceKey] = [.isRegularFileKey]
        if let walker = FileManager.default.enumerator(at: checks, includingPropertiesForKeys: keys, options: .skipsHiddenFiles) {
            for case let url as URL in walker {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { inputs.append(url) }
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding checks/ into \(target.name)",
                executable: generator.url,
                arguments: [checks.path, output.path, "embeddedCheck"],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
