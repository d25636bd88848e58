import Foundation

/// What `createCommit` does to one path.
public enum GitFileChange: Sendable, Hashable {
    /// Writes a regular (0o100644) file with these contents, creating directories as needed.
    case write(Data)
    case delete
}
