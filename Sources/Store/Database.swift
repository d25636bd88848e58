/// Which SQL dialect a connection speaks, for the few statements that differ (locks, DDL types).
public enum SQLDialect: String, Sendable, Hashable {
    case sqlite
    case postgresql
}

/// A database backend: hands out connections for transactions and reads, off Swift's cooperative pool.
public protocol Database: Sendable {
    /// The SQL dialect of every connection of this database.
    var dialect: SQLDialect { get }
    /// Runs `body` in one write transaction (committed on return, rolled back on throw) on the connection's own thread.
    func transaction<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T
    /// Runs `body` on a read connection (a consistent snapshot: one read transaction).
    func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T
    /// Closes every connection; later calls fail with `.closed`.
    func close() async
}

/// One open connection; used only inside `Database.transaction`/`read`, on the connection's thread.
///
/// SQL is written once with `$1, $2, …` placeholders for both backends; values are always bound, never spliced.
public protocol DatabaseConnection {
    /// The SQL dialect this connection speaks.
    var dialect: SQLDialect { get }
    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ params: [SQLValue]) throws -> Int
    /// Runs a query and returns all its rows.
    func query(_ sql: String, _ params: [SQLValue]) throws -> [SQLRow]
    /// Inserts `rowCount` rows into `table`; `fill` writes row `i`'s values (in `columns` order) into the buffer.
    ///
    /// PostgreSQL streams them with COPY; SQLite reuses one prepared INSERT. `table`/`columns` are identifiers
    /// from code, never from input.
    func bulkInsert(
        into table: String, columns: [String], rowCount: Int,
        _ fill: (Int, inout [SQLValue]) throws -> Void) throws
}

extension DatabaseConnection {
    /// Runs a statement without parameters.
    @discardableResult
    public func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    /// The first row of a query, or nil.
    public func queryOne(_ sql: String, _ params: [SQLValue] = []) throws -> SQLRow? {
        try query(sql, params).first
    }

    /// Inserts rows given as arrays of values.
    public func bulkInsert(into table: String, columns: [String], rows: [[SQLValue]]) throws {
        try bulkInsert(into: table, columns: columns, rowCount: rows.count) { i, buffer in buffer = rows[i] }
    }

    /// `" FOR UPDATE"` on PostgreSQL (row lock), empty on SQLite (where BEGIN IMMEDIATE already serializes writers).
    public var forUpdate: String { dialect == .postgresql ? " FOR UPDATE" : "" }
}

/// A short, value-free label for a statement (its first words), used in error messages.
func operationLabel(_ sql: String) -> String {
    let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(6).joined(separator: " ")
    return words.count > 80 ? String(words.prefix(80)) + "…" : words
}
