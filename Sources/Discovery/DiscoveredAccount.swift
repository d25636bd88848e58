/// One member account of a multi-account read: which role was assumed, and whether the account was read.
public struct DiscoveredAccount: Sendable, Hashable {
    /// The 12-digit account ID.
    public var account: String
    /// The role assumed into it.
    public var roleARN: String
    /// The configured name, if any.
    public var name: String?
    /// Whether the role was assumed and the account identified; false leaves the whole account unread.
    public var read: Bool
    /// Live resources read from it.
    public var resourceCount: Int

    /// Creates an entry.
    public init(account: String, roleARN: String, name: String? = nil, read: Bool, resourceCount: Int = 0) {
        self.account = account
        self.roleARN = roleARN
        self.name = name
        self.read = read
        self.resourceCount = resourceCount
    }

    /// The module every address of this account's resources is placed under (`module.account_123456789012`), so
    /// resources of two accounts with the same name keep apart.
    public var modulePath: String { "module.account_\(account)" }
}
