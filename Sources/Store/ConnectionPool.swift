/// A connection the pool can hand out, run transactions on, and close.
protocol PooledConnection: DatabaseConnection, AnyObject, Sendable {
    /// The queue every call on this connection runs on.
    var queue: ConnectionQueue { get }
    /// Starts a transaction with `sql` (a backend may first repair a broken connection).
    func begin(_ sql: String) throws
    /// Whether a ROLLBACK can still be sent after a failure.
    var canRollBack: Bool { get }
    /// Closes the connection on its own queue.
    func close() async
}

/// A bounded pool: at most `limit` connections exist; borrowers beyond that wait in order.
actor ConnectionPool<Connection: PooledConnection> {
    private let limit: Int
    private let make: @Sendable () async throws -> Connection
    private let backend: String
    private var idle: [Connection] = []
    private var count = 0
    private var waiters: [CheckedContinuation<Connection?, Never>] = []
    private var closed = false

    init(limit: Int, backend: String, make: @escaping @Sendable () async throws -> Connection) {
        self.limit = max(1, limit)
        self.backend = backend
        self.make = make
    }

    /// Borrows a connection, opening one if under the limit, else waiting for a release.
    func acquire() async throws -> Connection {
        guard !closed else { throw StoreError(.closed, "the store is closed", backend: backend) }
        if let connection = idle.popLast() { return connection }
        if count < limit {
            count += 1
            do {
                return try await make()
            } catch {
                count -= 1
                wakeOneWaiterToOpen()
                throw error
            }
        }
        let handed = await withCheckedContinuation { waiters.append($0) }
        if let handed { return handed }
        // Woken without a connection: a slot freed up (a failed open) or the pool closed.
        return try await acquire()
    }

    /// Returns a borrowed connection.
    func release(_ connection: Connection) async {
        if closed {
            count -= 1
            await connection.close()
            return
        }
        if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// Drops a broken connection so a new one can be opened in its place.
    func discard(_ connection: Connection) async {
        count -= 1
        await connection.close()
        wakeOneWaiterToOpen()
    }

    /// Closes idle connections now and borrowed ones when they come back.
    func close() async {
        closed = true
        let toClose = idle
        idle = []
        count -= toClose.count
        for waiter in waiters { waiter.resume(returning: nil) }
        waiters = []
        for connection in toClose { await connection.close() }
    }

    private func wakeOneWaiterToOpen() {
        if !waiters.isEmpty { waiters.removeFirst().resume(returning: nil) }
    }
}

extension ConnectionPool {
    /// Borrows a connection and runs `body` in one transaction on its queue: `begin`, then COMMIT, or ROLLBACK
    /// when `body` throws. The connection goes back to the pool either way.
    nonisolated func transaction<T: Sendable>(
        begin: String, _ body: @Sendable (any DatabaseConnection) throws -> T
    ) async throws -> T {
        let connection = try await acquire()
        do {
            let result = try await connection.queue.runBody(connection) { connection in
                try connection.begin(begin)
                do {
                    let value = try body(connection)
                    try connection.execute("COMMIT")
                    return value
                } catch {
                    if connection.canRollBack { _ = try? connection.execute("ROLLBACK") }
                    throw error
                }
            }
            await release(connection)
            return result
        } catch {
            await release(connection)
            throw error
        }
    }
}
