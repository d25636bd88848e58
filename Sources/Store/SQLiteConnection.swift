import CSQLite

/// One sqlite3 handle with its own queue and prepared-statement cache.
final class SQLiteConnection: DatabaseConnection, PooledConnection, @unchecked Sendable {
    // @unchecked: the handle and cache are touched only on `queue`, by one borrower at a time (the pool's rule).
    let queue: ConnectionQueue
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private static let statementCacheLimit = 128
    let path: String
    var dialect: SQLDialect { .sqlite }

    private init(path: String, label: String) {
        self.path = path
        self.queue = ConnectionQueue(label: "bulwark.sqlite.\(label)")
    }

    /// Opens (creating if needed) the database file on the connection's own queue.
    static func open(path: String, label: String, busyTimeoutMilliseconds: Int32) async throws -> SQLiteConnection {
        let connection = SQLiteConnection(path: path, label: label)
        try await connection.queue.run { try connection.openOnQueue(busyTimeoutMilliseconds) }
        return connection
    }

    private func openOnQueue(_ busyTimeout: Int32) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw StoreError(.connectionFailed, "cannot open the file: \(message)", backend: "sqlite", database: path)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeout)
        sqlite3_extended_result_codes(db, 1)
        do {
            // WAL lets readers run beside the writer; NORMAL sync is durable at every checkpoint and crash-safe.
            _ = try query("PRAGMA journal_mode=WAL", [])
            try execute("PRAGMA synchronous=NORMAL", [])
            try execute("PRAGMA foreign_keys=ON", [])
            try execute("PRAGMA cache_size=-65536", [])
        } catch var error as StoreError {
            // The settings are the first statements to touch the file: their text says nothing about the problem.
            error.message = "cannot open the file: \(error.message)"
            error.operation = nil
            throw error
        }
    }

    func close() async {
        _ = try? await queue.run { [self] in self.closeOnQueue() }
    }

    func begin(_ sql: String) throws { try execute(sql) }

    var canRollBack: Bool { handle != nil }

    private func closeOnQueue() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        sqlite3_close_v2(handle)
        handle = nil
    }

    // MARK: DatabaseConnection

    @discardableResult
    func execute(_ sql: String, _ params: [SQLValue]) throws -> Int {
        let statement = try prepare(sql)
        defer { sqlite3_reset(statement) }
        try bind(params, to: statement, sql: sql)
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            if rc != SQLITE_ROW { throw error(rc, sql) }
        }
        return Int(sqlite3_changes(handle))
    }

    func query(_ sql: String, _ params: [SQLValue]) throws -> [SQLRow] {
        let statement = try prepare(sql)
        defer { sqlite3_reset(statement) }
        try bind(params, to: statement, sql: sql)
        let columnCount = sqlite3_column_count(statement)
        let columns = (0..<columnCount).map { String(cString: sqlite3_column_name(statement, $0)) }
        var rows: [SQLRow] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(rc, sql) }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for i in 0..<columnCount { values.append(column(statement, i)) }
            rows.append(SQLRow(columns: columns, values: values))
        }
        return rows
    }

    func bulkInsert(
        into table: String, columns: [String], rowCount: Int,
        _ fill: (Int, inout [SQLValue]) throws -> Void
    ) throws {
        guard rowCount > 0 else { return }
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        let statement = try prepare(sql)
        defer { sqlite3_reset(statement) }
        var buffer = [SQLValue](repeating: .null, count: columns.count)
        for i in 0..<rowCount {
            try fill(i, &buffer)
            guard buffer.count == columns.count else {
                throw StoreError(
                    .invalidValue, "row \(i) has \(buffer.count) values for \(columns.count) columns",
                    backend: "sqlite", operation: "bulk insert into \(table)")
            }
            try bind(buffer, to: statement, sql: sql)
            let rc = sqlite3_step(statement)
            guard rc == SQLITE_DONE else { throw error(rc, sql) }
            sqlite3_reset(statement)
        }
    }

    // MARK: Statements

    private func prepare(_ sql: String) throws -> OpaquePointer {
        guard let handle else { throw StoreError(.closed, "connection is closed", backend: "sqlite") }
        if let cached = statements[sql] {
            sqlite3_clear_bindings(cached)
            return cached
        }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(
            handle, Self.sqlitePlaceholders(sql), -1, UInt32(SQLITE_PREPARE_PERSISTENT),
            &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc, sql) }
        if statements.count >= Self.statementCacheLimit {
            for old in statements.values { sqlite3_finalize(old) }
            statements = [:]
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ params: [SQLValue], to statement: OpaquePointer, sql: String) throws {
        for (i, value) in params.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(statement, index)
            case .integer(let v): rc = sqlite3_bind_int64(statement, index, v)
            case .real(let v): rc = sqlite3_bind_double(statement, index, v)
            case .text(let s):
                var s = s
                rc = s.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        if let base = chars.baseAddress {
                            return sqlite3_bind_text(statement, index, base, Int32(chars.count), bulwark_sqlite_transient())
                        }
                        return sqlite3_bind_text(statement, index, "", 0, bulwark_sqlite_transient())
                    }
                }
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(
                        statement, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                        Int32(raw.count), bulwark_sqlite_transient())
                }
            }
            guard rc == SQLITE_OK else { throw error(rc, sql) }
        }
    }

    private func column(_ statement: OpaquePointer, _ i: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, i))
            guard let text = sqlite3_column_text(statement, i) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, i))
            guard let blob = sqlite3_column_blob(statement, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default: return .null
        }
    }

    private func error(_ rc: Int32, _ sql: String) -> StoreError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
        let code: StoreError.Code
        // Failures of the file itself are not about the statement that met them: its text would mislead.
        var statementRelated = false
        switch rc & 0xff {
        case SQLITE_CONSTRAINT: code = .constraint
        case SQLITE_BUSY, SQLITE_LOCKED: code = .busy
        case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PERM: code = .io
        case SQLITE_NOTADB, SQLITE_CORRUPT: code = .corrupt
        case SQLITE_READONLY: code = .readOnly
        default:
            code = .sql
            statementRelated = true
        }
        let explained: String
        switch code {
        case .corrupt: explained = "\(message): the file is not a Bulwark SQLite database, or it is damaged"
        case .readOnly: explained = "\(message): the file or its directory cannot be written by this user"
        default: explained = message
        }
        return StoreError(
            code, explained, backend: "sqlite",
            operation: statementRelated || code == .constraint || code == .busy ? operationLabel(sql) : nil,
            database: path)
    }

    /// `$N` → `?N` outside quoted text, so one SQL text serves both backends.
    static func sqlitePlaceholders(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count)
        var inQuote = false
        for ch in sql {
            if ch == "'" { inQuote.toggle() }
            out.append(!inQuote && ch == "$" ? "?" : ch)
        }
        return out
    }
}
