import Foundation
import PackagePlugin

/// Compiles the package's `checks/` and `detections/` directories into the target it is applied to, as
/// `embeddedCheckFiles` / `embeddedCheckContentHash` and `embeddedDetectionFiles` / `embeddedDetectionContentHash`,
/// so the shipped binary needs no files beside it and each copy is rebuilt whenever a file of its directory changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let generator = try context.tool(named: "embed-resources")
        // The check library and the detection library, each its own generated file and prefix.
        let libraries = [
            ("checks", "EmbeddedCheckFiles.swift", "embeddedCheck"), ("detections", "EmbeddedDetectionFiles.swift", "embeddedDetection"),
        ]
        return libraries.map { directory, file, prefix in
            let root = context.package.directoryURL.appending(path: directory)
            let output = context.pluginWorkDirectoryURL.appending(path: file)
            return .buildCommand(
                displayName: "Embedding \(directory)/ into \(target.name)",
                executable: generator.url,
                arguments: [root.path, output.path, prefix],
                inputFiles: Self.files(under: root),
                outputFiles: [output])
        }
    }

    /// Every regular file under `root`, so editing one reruns the generator; the plugin itself runs at every build,
    /// so adding or removing a file changes this list and reruns it too.
    static func files(under root: URL) -> [URL] {
        var inputs: [URL] = []
        let keys: [URLResourceKey] = [.isRegularFileKey]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: .skipsHiddenFiles) {
            for case let url as URL in walker {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { inputs.append(url) }
            }
        }
        return inputs
    }
}
