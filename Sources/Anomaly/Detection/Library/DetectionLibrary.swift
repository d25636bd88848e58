import Checks
import EmbeddedChecks
import Foundation
import Model

/// The detections in force: the library built into the binary, or a directory that replaces it. Files that fail
/// to load are reported as diagnostics (file:line:col) and left out; the others still load.
public struct DetectionLibrary: Sendable {
    public private(set) var detections: [Detection]
    public private(set) var diagnostics: [Diagnostic]
    /// Where the detections came from (`built-in` or a directory), for messages.
    public var origin: String
    /// Each detection file's text, by the path its detection records in `file`.
    public private(set) var texts: [String: String] = [:]

    /// A library of these detections.
    public init(detections: [Detection], diagnostics: [Diagnostic] = [], origin: String = "") {
        self.detections = detections.sorted { $0.id < $1.id }
        self.diagnostics = diagnostics
        self.origin = origin
    }

    /// Detection files are YAML; other files (a README) are not detections.
    static func isDetectionFile(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }

    /// Loads detections from file texts (paths relative to the library root); an ID used twice is an error.
    public static func load(files: [(path: String, contents: String)], origin: String) -> DetectionLibrary {
        var detections: [Detection] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for file in files where isDetectionFile(file.path) {
            do {
                let detection = try DetectionLoader.load(file.contents, file: file.path)
                if let other = seen[detection.id] {
                    diagnostics.append(
                        LoadError("duplicate detection id \(detection.id) (also in \(other))", line: 1, column: 1, code: .duplicate)
                            .diagnostic(file: file.path))
                    continue
                }
                seen[detection.id] = file.path
                detections.append(detection)
            } catch {
                diagnostics.append(error.diagnostic(file: file.path))
            }
        }
        var library = DetectionLibrary(detections: detections, diagnostics: diagnostics, origin: origin)
        let loaded = Set(seen.values)
        for file in files where loaded.contains(file.path) { library.texts[file.path] = file.contents }
        return library
    }

    /// The library built into the binary (`detections/` of the source tree).
    public static let builtin = load(files: EmbeddedDetectionLibrary.files, origin: "built-in")

    /// Every YAML file below `directory`; an unreadable directory is a typed error naming it.
    public static func load(directory: URL) throws(AnomalyError) -> DetectionLibrary {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let walker = fm.enumerator(atPath: directory.path)
        else { throw AnomalyError(.io, "not a readable directory", location: directory.path) }
        var files: [(path: String, contents: String)] = []
        while let relative = walker.nextObject() as? String {
            guard isDetectionFile(relative), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let url = directory.appendingPathComponent(relative)
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw AnomalyError(.io, "cannot read as UTF-8 text", location: url.path)
            }
            files.append((relative, text))
        }
        files.sort { $0.path < $1.path }
        var library = load(files: files, origin: directory.path)
        library.diagnostics = library.diagnostics.map { d in
            var d = d
            if let range = d.range {
                d.range = SourceRange(file: directory.appendingPathComponent(range.file).path, start: range.start, end: range.end)
            }
            return d
        }
        return library
    }

    /// The detection with this ID (case-insensitive).
    public func detection(id: String) -> Detection? {
        detections.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}
