/// Where a finding stands across the scans of its target. The raw values are what the store keeps.
public enum LifecycleState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Failing, and not failing in the previous scan (first seen, or reopened after a fix).
    case new
    /// Failing again.
    case open
    /// No longer failing.
    case resolved
    /// Failing, but accepted by a suppression.
    case suppressed
}
