extension Store {
    /// Every target that has a recorded scan or a reconcile status, sorted by name: the dashboard lists a target
    /// the loop has not scanned yet as well as one scanned by hand.
    public func targetNames() async throws -> [String] {
        try await database.read { connection in
            try connection.query(
                "SELECT name FROM targets UNION SELECT target FROM target_status ORDER BY 1", []
            ).compactMap { $0[0].string }
        }
    }
}
