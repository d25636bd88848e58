/// A failure of the test harness itself (missing binary, server that will not start, child that failed).
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) { self.description = description }

    /// The labelled form the git fixtures use.
    public init(description: String) { self.description = description }
}
