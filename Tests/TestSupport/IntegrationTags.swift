import Testing

/// Tags for the suites that start real servers or run real tools, so a run can tell them from the unit suites
/// (`swift test --filter` by suite name, or the tags in the event stream).
extension Tag {
    /// Starts a throwaway PostgreSQL 15 server (`PostgresTestServer`).
    @Tag public static var postgres: Self
    /// Serves fixture repositories through a real `git daemon` (`GitDaemon`).
    @Tag public static var gitDaemon: Self
    /// Talks to a real `moto_server` (`MotoServer`).
    @Tag public static var moto: Self
    /// Runs the `terraform` CLI as an oracle.
    @Tag public static var terraform: Self
    /// Runs a built product (`bulwark`, `bulwark-store-tool`) as a child process.
    @Tag public static var process: Self
}
