import Foundation

/// A pull/merge request that needs a scan: opened, reopened, or given new commits. What a GitHub `pull_request`
/// delivery or a GitLab `Merge Request Hook` says about it, for one target.
public struct PullRequestEvent: Sendable, Hashable {
    /// The configured target whose repository the request is in.
    public var target: String
    /// GitHub's `number`, GitLab's `iid`.
    public var number: Int
    /// The commit to scan and to set the status on.
    public var headSHA: String
    /// The source branch.
    public var headRef: String
    /// The branch it merges into; scanned as the base when `baseSHA` is absent or unknown to the repository.
    public var baseRef: String
    /// The base commit the host named (GitHub's `base.sha`); GitLab names none.
    public var baseSHA: String?
    /// The ref the host keeps the request's head under in the target's own repository (`refs/pull/N/head`,
    /// `refs/merge-requests/N/head`), built from the number alone; nil when the host keeps none.
    public var requestRef: String?
    /// True when the head branch lives in another repository (a fork): its commits are fetched through
    /// `requestRef` from the target's repository, never from an address in the delivery.
    public var fork: Bool

    /// Memberwise.
    public init(
        target: String, number: Int, headSHA: String, headRef: String, baseRef: String, baseSHA: String? = nil,
        requestRef: String? = nil, fork: Bool = false
    ) {
        self.target = target
        self.number = number
        self.headSHA = headSHA
        self.headRef = headRef
        self.baseRef = baseRef
        self.baseSHA = baseSHA
        self.requestRef = requestRef
        self.fork = fork
    }

    /// What a delivery asks for: a scan (target left empty, filled per matching target) or nothing, with why.
    enum Parsed {
        case scan(PullRequestEvent)
        case ignored(String)
    }

    /// GitHub actions that change what the head holds.
    static let githubActions: Set<String> = ["opened", "synchronize", "reopened"]
    /// GitLab actions that change what the head holds (`update` only when it carries new commits, `oldrev`).
    static let gitlabActions: Set<String> = ["open", "reopen", "update"]

    /// Reads a GitHub `pull_request` payload; a malformed one is a 400 naming the field.
    static func github(_ payload: [String: Any]) throws -> Parsed {
        let action = payload["action"] as? String ?? ""
        guard githubActions.contains(action) else { return .ignored("pull request action \(action.prefix(32)) is not scanned") }
        guard let request = payload["pull_request"] as? [String: Any] else {
            throw APIError(.badRequest, "a pull_request event needs a pull_request object", field: "pull_request")
        }
        let head = request["head"] as? [String: Any] ?? [:]
        let base = request["base"] as? [String: Any] ?? [:]
        let number = try number(request["number"], field: "pull_request.number")
        return .scan(
            PullRequestEvent(
                target: "", number: number,
                headSHA: try sha(head["sha"], field: "pull_request.head.sha"),
                headRef: try ref(head["ref"], field: "pull_request.head.ref"),
                baseRef: try ref(base["ref"], field: "pull_request.base.ref"),
                baseSHA: base["sha"] == nil ? nil : try sha(base["sha"], field: "pull_request.base.sha"),
                requestRef: "refs/pull/\(number)/head", fork: githubFork(head: head["repo"], base: base["repo"])))
    }

    /// A GitHub head from another repository than the base: a different `id` (else `full_name`), or a head
    /// repository GitHub reports as `null` (the fork was deleted). Without repository objects it is the same one.
    static func githubFork(head: Any?, base: Any?) -> Bool {
        if head is NSNull { return true }
        guard let head = head as? [String: Any], let base = base as? [String: Any] else { return false }
        if let headID = head["id"].flatMap(identifier), let baseID = base["id"].flatMap(identifier) { return headID != baseID }
        guard let headName = head["full_name"] as? String, let baseName = base["full_name"] as? String else { return false }
        return headName.lowercased() != baseName.lowercased()
    }

    /// A repository or project id as JSONSerialization gives it, as text (ids are compared, never used).
    static func identifier(_ value: Any) -> String? {
        switch value {
        case let integer as Int: return String(integer)
        case let boxed as NSNumber: return boxed.stringValue
        case let text as String: return text
        default: return nil
        }
    }

    /// Reads a GitLab `Merge Request Hook` payload; a malformed one is a 400 naming the field.
    static func gitlab(_ payload: [String: Any]) throws -> Parsed {
        guard let attributes = payload["object_attributes"] as? [String: Any] else {
            throw APIError(.badRequest, "a merge request event needs object_attributes", field: "object_attributes")
        }
        let action = attributes["action"] as? String ?? ""
        guard gitlabActions.contains(action) else { return .ignored("merge request action \(action.prefix(32)) is not scanned") }
        // An update without `oldrev` edits the title, labels or description: the commits are the same.
        if action == "update" && attributes["oldrev"] == nil { return .ignored("the merge request update carries no new commits") }
        let lastCommit = attributes["last_commit"] as? [String: Any] ?? [:]
        let number = try number(attributes["iid"], field: "object_attributes.iid")
        let source = attributes["source_project_id"].flatMap(identifier)
        let target = attributes["target_project_id"].flatMap(identifier)
        return .scan(
            PullRequestEvent(
                target: "", number: number,
                headSHA: try sha(lastCommit["id"], field: "object_attributes.last_commit.id"),
                headRef: try ref(attributes["source_branch"], field: "object_attributes.source_branch"),
                baseRef: try ref(attributes["target_branch"], field: "object_attributes.target_branch"),
                requestRef: "refs/merge-requests/\(number)/head", fork: source != nil && target != nil && source != target))
    }

    /// A positive integer, as JSONSerialization gives it (`NSNumber` or `Int`). A Boolean cannot be told from 1
    /// on Linux, where an `NSNumber` of 1 casts to `Bool`; the payload is signed by the host, so it is taken as is.
    static func number(_ value: Any?, field: String) throws -> Int {
        let number: Double?
        switch value {
        case let integer as Int: number = Double(integer)
        case let real as Double: number = real
        case let boxed as NSNumber: number = boxed.doubleValue
        default: number = nil
        }
        guard let number, number == number.rounded(), number >= 1, number < 1e12 else {
            throw APIError(.badRequest, "\(field) must be a positive integer", field: field)
        }
        return Int(number)
    }

    /// A full SHA-1 or SHA-256 object id in hex, lower-cased.
    static func sha(_ value: Any?, field: String) throws -> String {
        guard let text = value as? String, text.count == 40 || text.count == 64, text.allSatisfy(\.isHexDigit) else {
            throw APIError(.badRequest, "\(field) must be a full commit SHA", field: field)
        }
        return text.lowercased()
    }

    /// A branch name as Git allows it, bounded.
    static func ref(_ value: Any?, field: String) throws -> String {
        guard let text = value as? String, !text.isEmpty, text.count <= 255, !text.hasPrefix("-"), !text.contains(".."),
            text.allSatisfy({ !$0.isWhitespace && !$0.isNewline && $0 != "~" && $0 != "^" && $0 != ":" && $0 != "\\" })
        else { throw APIError(.badRequest, "\(field) must be a branch name", field: field) }
        return text
    }
}
