import Model

extension Store {
    /// The results of a scan that evidence controls of `framework`, skipped ones left out, in the order the scan
    /// reported them (a result mapped to several of its controls gives one item per control). Only the columns the
    /// evidence shows are read, and only rows whose controls mention the framework, since the compliance route
    /// asks for this on every request.
    public func complianceEvidence(scanID: Int64, framework: String) async throws -> [ControlEvidence] {
        let prefix = framework + ":"
        // LIKE only narrows the rows (it ignores ASCII case in SQLite); the exact prefix test is below.
        let pattern = "%" + Self.likeEscaped(prefix) + "%"
        return try await database.read { connection in
            var evidence: [ControlEvidence] = []
            for row in try connection.query(
                """
                SELECT check_id, resource_address, verdict, file, line, controls FROM scan_results
                WHERE scan_id = $1 AND verdict <> 'skipped' AND controls LIKE $2 ESCAPE '\\' ORDER BY position
                """, [.integer(scanID), .text(pattern)])
            {
                let verdict = try StoredVocabulary.decode(
                    row[2].string, as: Verdict.Kind.self, column: "verdict", dialect: connection.dialect)
                for control in (row[5].string ?? "").split(separator: "\n") where control.hasPrefix(prefix) {
                    evidence.append(
                        ControlEvidence(
                            controlID: String(control.dropFirst(prefix.count)), checkID: row[0].string ?? "",
                            resourceAddress: row[1].string ?? "", verdict: verdict, file: row[3].string,
                            line: row[4].int64.map { Int($0) }))
                }
            }
            return evidence
        }
    }

    /// `text` with LIKE's wildcards and the escape character escaped (escape `\`).
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
