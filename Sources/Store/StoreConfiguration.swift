import Foundation

/// Where the store lives: an embedded SQLite file or a PostgreSQL server.
public enum StoreConfiguration: Sendable, Equatable {
    case sqlite(path: String)
    /// `conninfo` is a `postgres://` URL or libpq `key=value` string (empty: all from `PG*` variables).
    case postgres(conninfo: String, poolSize: Int)

    /// The PostgreSQL pool size when the URL does not say.
    public static let defaultPoolSize = 4

    /// Chooses the backend from a URL, `BULWARK_DATABASE_URL`, or the default SQLite file.
    ///
    /// url: nil/"" → SQLite at "$BULWARK_HOME/bulwark.db" if BULWARK_HOME is set, else "<workingDirectory>/.bulwark/bulwark.db";
    /// "sqlite:PATH" / "sqlite:///abs/path" / a path ending .db → SQLite; "postgres://…"/"postgresql://…" → PostgreSQL.
    /// Also reads BULWARK_DATABASE_URL from `environment` when url is nil.
    public static func resolve(
        url: String?, environment: [String: String],
        workingDirectory: String
    ) throws -> StoreConfiguration {
        let given = (url ?? environment["BULWARK_DATABASE_URL"] ?? "").trimmingSpaces
        if given.isEmpty {
            if let home = environment["BULWARK_HOME"], !home.isEmpty {
                return .sqlite(path: join(absolute(home, in: workingDirectory), "bulwark.db"))
            }
            return .sqlite(path: join(workingDirectory, ".bulwark/bulwark.db"))
        }
        let lower = given.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(conninfo: given, poolSize: defaultPoolSize)
        }
        if lower.hasPrefix("sqlite:") {
            var path = String(given.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }  // sqlite:///abs → /abs; sqlite://rel → rel
            guard !path.isEmpty else {
                throw StoreError(.invalidConfiguration, "database URL \"sqlite:\" names no file", backend: "store")
            }
            return .sqlite(path: absolute(path, in: workingDirectory))
        }
        if lower.hasSuffix(".db") || lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") {
            return .sqlite(path: absolute(given, in: workingDirectory))
        }
        let scheme = given.split(separator: ":", maxSplits: 1).first.map(String.init) ?? given
        throw StoreError(
            .invalidConfiguration,
            "unsupported database URL scheme \"\(redactURL(scheme))\": use sqlite:PATH, a .db path, or postgres://",
            backend: "store")
    }

    /// The configuration with any password replaced by `***`, safe for logs and errors.
    public var redactedDescription: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let conninfo, let poolSize):
            let shown = conninfo.isEmpty ? "postgres (from PG* environment)" : redactURL(conninfo)
            return "\(shown) (pool \(poolSize))"
        }
    }

    private static func absolute(_ path: String, in workingDirectory: String) -> String {
        path.hasPrefix("/") ? path : join(workingDirectory, path)
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Hides passwords in a URL (`user:***@host`) or libpq conninfo (`password=***`).
public func redactURL(_ text: String) -> String {
    var result = text
    // URL userinfo: scheme://user:secret@host
    if let schemeEnd = result.range(of: "://") {
        let afterScheme = result[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
        if let at = afterScheme[..<authorityEnd].lastIndex(of: "@"),
            let colon = afterScheme[..<at].firstIndex(of: ":")
        {
            result.replaceSubrange(result.index(after: colon)..<at, with: "***")
        }
    }
    // password=… in a query string or key=value conninfo.
    var output = ""
    var rest = Substring(result)
    while let range = rest.range(of: "password=", options: .caseInsensitive) {
        output += rest[..<range.upperBound] + "***"
        rest = rest[range.upperBound...]
        let end = rest.firstIndex(where: { $0 == "&" || $0 == " " }) ?? rest.endIndex
        rest = rest[end...]
    }
    return output + rest
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
