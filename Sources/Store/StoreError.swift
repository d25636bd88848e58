/// A failure of the store: which backend, what kind (a growable code), and a message that never holds a password.
public struct StoreError: Error, Sendable, CustomStringConvertible, Hashable {
    /// A stable, machine-readable class of failure; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        /// A code from its raw text.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// A code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let invalidConfiguration: Code = "invalid_configuration"
        public static let connectionFailed: Code = "connection_failed"
        public static let connectionLost: Code = "connection_lost"
        public static let sql: Code = "sql"
        public static let constraint: Code = "constraint"
        public static let busy: Code = "busy"
        public static let databaseTooNew: Code = "database_too_new"
        public static let migrationFailed: Code = "migration_failed"
        public static let invalidValue: Code = "invalid_value"
        public static let invalidData: Code = "invalid_data"
        public static let notFound: Code = "not_found"
        public static let ambiguousCommit: Code = "ambiguous_commit"
        public static let closed: Code = "closed"
        public static let io: Code = "io"
        /// A write made under a target lease found the lease held by another replica.
        public static let leaseLost: Code = "lease_lost"
        /// The database does not exist and the command may not create one.
        public static let missingDatabase: Code = "missing_database"
        /// The database file exists but is empty (0 bytes): not a database until explicitly initialised.
        public static let emptyDatabaseFile: Code = "empty_database_file"
        /// The file is not a database of the backend, or it is damaged.
        public static let corrupt: Code = "corrupt"
        /// The database (or its directory) cannot be written.
        public static let readOnly: Code = "read_only"
    }

    public var code: Code
    public var message: String
    /// "sqlite", "postgresql", or "store" for failures before a backend is chosen.
    public var backend: String
    /// The operation or SQL statement's first words, so a failure says where it happened.
    public var operation: String?
    /// Which database: the SQLite file or the redacted PostgreSQL URL (never a password).
    public var database: String?

    /// An error of `backend` ("sqlite", "postgresql", "store"), with the operation that failed.
    public init(_ code: Code, _ message: String, backend: String, operation: String? = nil, database: String? = nil) {
        self.code = code
        self.message = message
        self.backend = backend
        self.operation = operation
        self.database = database
    }

    /// `backend [database]: [operation: ]message (code)`.
    public var description: String {
        let op = operation.map { "\($0): " } ?? ""
        let which = database.map { " \($0)" } ?? ""
        return "\(backend)\(which): \(op)\(message) (\(code))"
    }
}
