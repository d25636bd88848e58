import Foundation

/// The AWS CLI's shared files: `~/.aws/credentials` (`[name]` sections) and `~/.aws/config` (`[default]`,
/// `[profile name]`), located through `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE` as the CLI does.
public struct AWSSharedConfig: Sendable, Hashable {
    /// Profiles of the credentials file, by name.
    public var credentials: [String: [String: String]]
    /// Profiles of the config file, by name (the `profile ` prefix removed).
    public var config: [String: [String: String]]
    /// Files that were read, for messages.
    public var files: [String]

    /// Creates a configuration from parsed sections.
    public init(credentials: [String: [String: String]] = [:], config: [String: [String: String]] = [:], files: [String] = []) {
        self.credentials = credentials
        self.config = config
        self.files = files
    }

    /// Reads both files; a missing file is simply empty, an unreadable one is an error naming it.
    public static func load(environment: [String: String]) throws(AWSError) -> AWSSharedConfig {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
        var result = AWSSharedConfig()
        if let text = try read(credentialsPath) {
            result.credentials = try parse(text, file: credentialsPath, isConfig: false)
            result.files.append(credentialsPath)
        }
        if let text = try read(configPath) {
            result.config = try parse(text, file: configPath, isConfig: true)
            result.files.append(configPath)
        }
        return result
    }

    /// The settings of profile `name`: config-file keys overlaid by credentials-file keys (the CLI prefers the latter).
    public func profile(_ name: String) -> [String: String]? {
        let fromConfig = config[name]
        let fromCredentials = credentials[name]
        if fromConfig == nil && fromCredentials == nil { return nil }
        return (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credential in credential }
    }

    /// Parses INI text. Keys are lower-cased; indented lines continue a nested setting (`s3 =` sub-keys), which
    /// are kept as `parent.key`. Lines outside a section, or without `=`, are errors naming file and line.
    static func parse(_ text: String, file: String, isConfig: Bool) throws(AWSError) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        var parent: String?
        for (index, rawLine) in text.components(separatedBy: .newlines).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw AWSError(
                        .invalidConfiguration, "\(file):\(index + 1): unterminated section header",
                        service: "config", operation: "load")
                }
                var name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if isConfig {
                    if name.hasPrefix("profile ") {
                        name = name.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
                    } else if name != "default" {
                        current = nil  // [sso-session x], [services x]: not profiles.
                        continue
                    }
                }
                current = name
                parent = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            // Settings before any section, or inside a skipped section, are ignored like the CLI does.
            guard let section = current else { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw AWSError(
                    .invalidConfiguration, "\(file):\(index + 1): expected 'key = value'",
                    service: "config", operation: "load")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let indented = rawLine.first == " " || rawLine.first == "\t"
            if indented, let parent {
                sections[section]?["\(parent).\(key)"] = value
            } else if value.isEmpty {
                parent = key
            } else {
                parent = nil
                sections[section]?[key] = value
            }
        }
        return sections
    }

    private static func read(_ path: String) throws(AWSError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AWSError(.invalidConfiguration, "cannot read \(path)", service: "config", operation: "load")
        }
        guard data.count <= 1 << 20 else {
            throw AWSError(.invalidConfiguration, "\(path) is larger than 1 MiB", service: "config", operation: "load")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func expand(_ path: String, home: String) -> String {
        path.hasPrefix("~/") ? home + path.dropFirst(1) : path
    }
}
