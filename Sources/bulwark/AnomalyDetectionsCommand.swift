import Anomaly
import ArgumentParser
import Foundation
import Reports

/// Where the detections come from, shared by `anomaly detections`, `score` and `watch`.
struct DetectionLibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("detections-dir"),
        help: "A directory of detection YAML files replacing the built-in library (files below it, any depth).")
    var detectionsDir: String?

    /// The library; files that fail to load are reported on standard error and left out.
    func load() throws -> DetectionLibrary {
        let library = try detectionsDir.map { try DetectionLibrary.load(directory: URL(fileURLWithPath: $0)) } ?? .builtin
        for d in library.diagnostics { standardError("\(d)") }
        if library.detections.isEmpty { throw ValidationError("no detections loaded from \(library.origin)") }
        return library
    }
}

/// `bulwark anomaly detections`: browse the detection library.
struct AnomalyDetectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detections",
        abstract: "List or show the activity-log detections (MITRE ATT&CK-mapped rules).",
        subcommands: [AnomalyDetectionsListCommand.self, AnomalyDetectionsShowCommand.self])
}

/// `bulwark anomaly detections list`.
struct AnomalyDetectionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List detections with severity, cloud and ATT&CK techniques.",
        discussion: "Exit status: 0, or 2 when a detection file failed to load (the others are still listed).")

    @OptionGroup var library: DetectionLibraryOptions

    @Option(help: "Only detections of this cloud (aws, azure).")
    var cloud: String?

    @Option(help: "Only detections mapped to this ATT&CK tactic or technique ID (TA0005, T1562.008, T1562).")
    var mitre: String?

    @Option(name: [.short, .customLong("output")], help: "Output format: text or json.")
    var output: AlertOutputFormat = .text

    func run() throws {
        let loaded = try library.load()
        let wanted = mitre?.uppercased()
        let detections = loaded.detections.filter { d in
            if let cloud, d.cloud.rawValue != cloud.lowercased() { return false }
            if let wanted, !(d.tactics + d.techniques).contains(where: { $0 == wanted || $0.hasPrefix(wanted + ".") }) {
                return false
            }
            return true
        }
        switch output {
        case .json: print(JSONOutput.array(detections.map(DetectionDescription.json)).rendered(), terminator: "")
        case .text:
            for d in detections { print(DetectionDescription.line(d)) }
            print("\(detections.count) detections")
        }
        if !loaded.diagnostics.isEmpty { throw ExitCode(2) }
    }
}

/// `bulwark anomaly detections show ID`.
struct AnomalyDetectionsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one detection in full, with its file.",
        discussion: "Exit status: 0, or 2 when no detection has that ID.")

    @OptionGroup var library: DetectionLibraryOptions

    @Argument(help: "A detection ID such as BLW-DET-AWS-CLOUDTRAIL-STOPPED.")
    var id: String

    func run() throws {
        let loaded = try library.load()
        guard let d = loaded.detection(id: id) else {
            standardError("no detection with ID \(id)")
            throw ExitCode(2)
        }
        print(DetectionDescription.full(d, text: loaded.texts[d.file]), terminator: "")
    }
}

/// Text and JSON descriptions of a detection.
enum DetectionDescription {
    static func line(_ d: Detection) -> String {
        var parts = [d.id, d.severity.displayName, d.title, "[" + (d.tactics + d.techniques).joined(separator: " ") + "]"]
        if let t = d.threshold {
            parts.append("threshold: \(t.count)\(t.distinct.map { " distinct " + $0 } ?? "")/\(Int(t.windowSeconds))s")
        }
        return parts.joined(separator: "  ")
    }

    static func json(_ d: Detection) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(d.id)), ("title", .string(d.title)), ("severity", .string(d.severity.rawValue)),
            ("cloud", .string(d.cloud.rawValue)), ("tactics", .strings(d.tactics)), ("techniques", .strings(d.techniques)),
            ("events", .strings(d.predicate.events.sorted())), ("outcome", .string(d.predicate.outcome.rawValue)),
            ("description", .string(d.description)), ("file", .string(d.file)),
        ]
        if let t = d.threshold {
            members.append(
                (
                    "threshold",
                    .object([("count", .int(t.count)), ("distinct", .optional(t.distinct)), ("window_seconds", .int(Int(t.windowSeconds)))])
                ))
        }
        return .object(members)
    }

    static func full(_ d: Detection, text: String?) -> String {
        var out = "\(d.id): \(d.title)\n"
        out += "severity:   \(d.severity.rawValue)\n"
        out += "cloud:      \(d.cloud.rawValue)\n"
        out += "tactics:    \(d.tactics.joined(separator: ", "))\n"
        out += "techniques: \(d.techniques.joined(separator: ", "))\n"
        if !d.description.isEmpty { out += "\n\(d.description)\n" }
        out += "\nDefined in \(d.file):\n\n"
        if let text { out += text.hasSuffix("\n") ? text : text + "\n" }
        return out
    }
}
