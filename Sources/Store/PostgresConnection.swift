import CLibPQ
import Foundation

/// One libpq connection with its own queue and prepared-statement cache.
final class PostgresConnection: DatabaseConnection, PooledConnection, @unchecked Sendable {
    // @unchecked: `connection` and `statements` are touched only on `queue`, by one borrower at a time.
    let queue: ConnectionQueue
    private var connection: OpaquePointer?
    private var statements: [String: String] = [:]
    private var nextStatement = 0
    private static let statementCacheLimit = 256
    private let conninfo: String
    var dialect: SQLDialect { .postgresql }
    /// The database as errors name it: the URL without its password.
    private var redactedName: String { conninfo.isEmpty ? "postgres (from PG* environment)" : redactURL(conninfo) }

    private init(conninfo: String, label: String) {
        self.conninfo = conninfo
        self.queue = ConnectionQueue(label: "bulwark.postgres.\(label)")
    }

    /// Connects on the connection's own queue.
    static func open(conninfo: String, label: String) async throws -> PostgresConnection {
        let connection = PostgresConnection(conninfo: conninfo, label: label)
        try await connection.queue.run { try connection.connectOnQueue() }
        return connection
    }

    private func connectOnQueue() throws {
        PQfinish(connection)
        statements = [:]
        connection = PQconnectdb(conninfo)
        try checkConnected()
    }

    private func checkConnected() throws {
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { Self.trimmed(PQerrorMessage($0)) } ?? "out of memory"
            throw StoreError(.connectionFailed, "cannot connect: \(message)", backend: "postgresql")
        }
        // Notices ("already exists, skipping") are not errors; keep them off stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        if PQsetClientEncoding(connection, "UTF8") != 0 {
            throw StoreError(.connectionFailed, "server refused client_encoding UTF8", backend: "postgresql")
        }
    }

    /// True while libpq believes the connection is usable.
    var isAlive: Bool { connection.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Reconnects with the same parameters (after a server restart or a dropped socket).
    func reset() throws {
        statements = [:]
        guard let connection else { return try connectOnQueue() }
        PQreset(connection)
        try checkConnected()
    }

    /// Starts the transaction, resetting a dead connection first; a BEGIN lost to a dropped connection is
    /// retried once after a reset — nothing has run yet, so the retry cannot repeat a write.
    func begin(_ sql: String) throws {
        if !isAlive { try reset() }
        do {
            try execute(sql)
        } catch let error as StoreError where error.code == .connectionLost || !isAlive {
            try reset()
            try execute(sql)
        }
    }

    var canRollBack: Bool { isAlive }

    func close() async {
        _ = try? await queue.run { [self] in
            PQfinish(self.connection)
            self.connection = nil
        }
    }

    // MARK: DatabaseConnection

    @discardableResult
    func execute(_ sql: String, _ params: [SQLValue]) throws -> Int {
        let result = try run(sql, params)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    func query(_ sql: String, _ params: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, params)
        defer { PQclear(result) }
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let types = (0..<columnCount).map { PQftype(result, $0) }
        var rows: [SQLRow] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                values.append(PostgresValueCodec.decode(result, r, c, type: types[Int(c)]))
            }
            rows.append(SQLRow(columns: columns, values: values))
        }
        return rows
    }

    func bulkInsert(
        into table: String, columns: [String], rowCount: Int,
        _ fill: (Int, inout [SQLValue]) throws -> Void
    ) throws {
        guard rowCount > 0 else { return }
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        let start = try checkedResult(PQexec(try live(), sql), sql, expecting: PGRES_COPY_IN)
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 18)
        var row = [SQLValue](repeating: .null, count: columns.count)
        var failure: (any Error)?
        for i in 0..<rowCount {
            do {
                try fill(i, &row)
                guard row.count == columns.count else {
                    throw StoreError(
                        .invalidValue, "row \(i) has \(row.count) values for \(columns.count) columns",
                        backend: "postgresql", operation: "COPY \(table)")
                }
                try PostgresValueCodec.appendCopyRow(row, to: &buffer)
            } catch {
                failure = error
                break
            }
            if buffer.count >= 1 << 18 {
                try putCopyData(&buffer, sql)
            }
        }
        if failure == nil { try putCopyData(&buffer, sql) }
        // Ending with an error message aborts the COPY (and so the transaction) on the server.
        let end = failure == nil ? PQputCopyEnd(connection, nil) : PQputCopyEnd(connection, "aborted by client")
        guard end == 1 else { throw error(sql) }
        var firstError: (any Error)? = failure
        while let result = PQgetResult(connection) {
            if firstError == nil, PQresultStatus(result) != PGRES_COMMAND_OK { firstError = error(sql, result) }
            PQclear(result)
        }
        if let firstError { throw firstError }
    }

    private func putCopyData(_ buffer: inout [UInt8], _ sql: String) throws {
        guard !buffer.isEmpty else { return }
        let rc = buffer.withUnsafeBufferPointer { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return 1 }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                PQputCopyData(connection, $0, Int32(bytes.count))
            }
        }
        guard rc == 1 else { throw error(sql) }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Statements

    private func live() throws -> OpaquePointer {
        guard let connection else { throw StoreError(.closed, "connection is closed", backend: "postgresql") }
        return connection
    }

    private func run(_ sql: String, _ params: [SQLValue]) throws -> OpaquePointer {
        let connection = try live()
        let types = params.map(PostgresValueCodec.typeOID)
        let name = try prepared(sql, types: types)
        let encoded = try PostgresValueCodec.encodeParameters(params, operation: operationLabel(sql))
        let result = encoded.withPointers { values, lengths, formats in
            PQexecPrepared(connection, name, Int32(params.count), values, lengths, formats, 0)
        }
        return try checkedResult(result, sql, expecting: nil)
    }

    private func prepared(_ sql: String, types: [Oid]) throws -> String {
        let key = types.map(String.init).joined(separator: ",") + "|" + sql
        if let name = statements[key] { return name }
        if statements.count >= Self.statementCacheLimit {
            PQclear(PQexec(connection, "DEALLOCATE ALL"))
            statements = [:]
        }
        nextStatement += 1
        let name = "bw\(nextStatement)"
        let result = types.withUnsafeBufferPointer { typeBuffer in
            PQprepare(connection, name, sql, Int32(types.count), typeBuffer.baseAddress)
        }
        PQclear(try checkedResult(result, sql, expecting: PGRES_COMMAND_OK))
        statements[key] = name
        return name
    }

    private func checkedResult(
        _ result: OpaquePointer?, _ sql: String,
        expecting: ExecStatusType?
    ) throws -> OpaquePointer {
        guard let result else { throw error(sql) }
        let status = PQresultStatus(result)
        let ok = expecting.map { status == $0 } ?? (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        guard ok else {
            let failure = error(sql, result)
            PQclear(result)
            throw failure
        }
        return result
    }

    private func error(_ sql: String, _ result: OpaquePointer? = nil) -> StoreError {
        var message = result.map { Self.trimmed(PQresultErrorMessage($0)) } ?? ""
        if message.isEmpty { message = connection.map { Self.trimmed(PQerrorMessage($0)) } ?? "" }
        if message.isEmpty { message = "unknown error" }
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let code: StoreError.Code
        if !isAlive {
            code = .connectionLost
        } else if let state, state.hasPrefix("23") {
            code = .constraint
        } else if state == "40001" || state == "40P01" || state == "55P03" {
            code = .busy
        } else if let state, state.hasPrefix("08") {
            code = .connectionLost
        } else {
            code = .sql
        }
        return StoreError(code, message, backend: "postgresql", operation: operationLabel(sql), database: redactedName)
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
