import Model

/// One control's outcome in one scan, with the framework it belongs to.
@dynamicMemberLookup
public struct ComplianceRecord: Sendable, Hashable, Codable {
    public var framework: String
    public var frameworkVersion: String
    public var result: ControlResult

    /// Memberwise.
    public init(framework: String, frameworkVersion: String, result: ControlResult) {
        self.framework = framework
        self.frameworkVersion = frameworkVersion
        self.result = result
    }

    /// The fields of the underlying `ControlResult` (`record.status`, `record.control.id`, …).
    public subscript<T>(dynamicMember keyPath: KeyPath<ControlResult, T>) -> T { result[keyPath: keyPath] }
}
