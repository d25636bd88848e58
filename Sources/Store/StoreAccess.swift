import Foundation

/// What opening the store may do to a SQLite file that is missing or empty, so read-only commands never leave a
/// database behind and an empty file (a truncated database, a mistyped path) is never taken for a new one.
public struct StoreAccess: Sendable, Hashable {
    /// Whether a missing SQLite file is created (with its directory).
    public var createMissing: Bool
    /// Whether an existing 0-byte file is initialised as a new database.
    public var initialiseEmpty: Bool

    /// Access with both choices spelled out.
    public init(createMissing: Bool, initialiseEmpty: Bool) {
        self.createMissing = createMissing
        self.initialiseEmpty = initialiseEmpty
    }

    /// Commands that record (reconcile, scan --store): a missing file becomes a new database, an empty one is refused.
    public static let create = StoreAccess(createMissing: true, initialiseEmpty: false)
    /// Commands that only read or act on what is stored (status, report, remediation): nothing is ever created.
    public static let existing = StoreAccess(createMissing: false, initialiseEmpty: false)
    /// An explicit `--init`: a missing or empty file becomes a new database.
    public static let initialise = StoreAccess(createMissing: true, initialiseEmpty: true)

    /// Checks `path` against the access before SQLite opens (and would create) it.
    func check(sqlitePath path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { return }  // SQLite reports permission and other problems itself.
            if createMissing { return }
            throw StoreError(
                .missingDatabase,
                "no database file here; nothing is created by a command that only reads: run bulwark reconcile or "
                    + "bulwark scan --store first, or give --database",
                backend: "sqlite", database: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return }
        // A database opened by another process in WAL mode may show 0 bytes until its first checkpoint: its -wal
        // file then holds the pages.
        var wal = stat()
        let walHoldsPages = stat(path + "-wal", &wal) == 0 && wal.st_size > 0
        if info.st_size == 0 && !walHoldsPages && !initialiseEmpty {
            throw StoreError(
                .emptyDatabaseFile,
                "the file is empty (0 bytes), not a Bulwark database; pass --init to initialise it as a new database",
                backend: "sqlite", database: path)
        }
    }
}
