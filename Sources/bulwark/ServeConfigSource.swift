import ArgumentParser
import Foundation

/// Where `bulwark serve` reads its controller config: `--config`, else `$BULWARK_CONFIG` (a path), else the text of
/// `$BULWARK_CONFIG_YAML` written to `$BULWARK_HOME/bulwark.yaml` — a container platform can pass a variable where
/// it cannot mount a file.
enum ServeConfigSource {
    /// The config file's path; writes the file first when the config came as text.
    static func file(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["BULWARK_CONFIG"], !path.isEmpty { return path }
        guard let text = environment["BULWARK_CONFIG_YAML"], !text.isEmpty else {
            throw ValidationError("--config is required (or $BULWARK_CONFIG, a path, or $BULWARK_CONFIG_YAML, the text)")
        }
        let home = environment["BULWARK_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ".bulwark"
        let path = home + "/bulwark.yaml"
        do {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw ValidationError("cannot write $BULWARK_CONFIG_YAML to \(path): \(error.localizedDescription)")
        }
        return path
    }
}
