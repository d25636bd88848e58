import Store

/// Why a stored scan has no compliance for the framework asked for, in words a person can act on.
struct MissingCompliance {
    let scan: StoredScan
    let framework: String
    /// The frameworks the scan did record compliance for.
    let recorded: [String]

    /// `scan N (sha) has no compliance for framework 'x': <why>`.
    var message: String {
        var text = "scan \(scan.id) (\(scan.commit.prefix(12))) has no compliance for framework '\(framework)': "
        if !recorded.isEmpty {
            text += "it is not a framework the scan recorded (recorded: \(recorded.joined(separator: ", ")))"
        } else if scan.status != .succeeded {
            text += "the scan was \(scan.status.rawValue) and recorded no compliance"
        } else {
            text +=
                "the scan recorded no compliance for any framework (the target's 'frameworks' or the check "
                + "library define none)"
        }
        if let error = scan.error, !error.isEmpty {
            text += "\nThe scan's errors:\n" + error.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        }
        return text
    }
}
