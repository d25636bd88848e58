/// A connection the pool can hand out and close.
protocol PooledConnection: AnyObject, Sendable {
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
