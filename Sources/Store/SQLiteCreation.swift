import Foundation
import Model

/// Creates a new SQLite database so that its path holds either nothing or a complete, migrated database: the
/// schema is built in a hidden file beside it, synced, and only then moved into place. A process killed half-way
/// leaves at most that hidden file, which a later creation removes once its creator is gone.
enum SQLiteCreation {
    /// Prefix of the hidden work file, after a dot and the database's file name.
    static let marker = ".creating-"

    /// Whether opening `path` would make a new database: the file is missing, or it is an empty regular file that
    /// `access` allows to initialise (one whose `-wal` holds pages is a live database, not an empty one).
    static func needsCreation(_ path: String, access: StoreAccess) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT && access.createMissing }
        guard access.initialiseEmpty, (info.st_mode & S_IFMT) == S_IFREG, info.st_size == 0 else { return false }
        var wal = stat()
        return !(stat(path + "-wal", &wal) == 0 && wal.st_size > 0)
    }

    /// Builds the database for `path` with `migrations` in a work file and moves it into place. A database that
    /// another process put there meanwhile is kept, and this one discarded.
    static func create(at path: String, migrations: [Migration]) async throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let prepared = await OffPool.run { () -> StoreError? in
            do throws(StoreError) {
                try makeDirectory(directory, database: path)
            } catch {
                return error
            }
            removeAbandoned(in: directory, name: name)
            return nil
        }
        if let prepared { throw prepared }
        let work = (directory.isEmpty ? "" : directory + "/") + "." + name + marker + "\(getpid())-" + UUID().uuidString
        do {
            let database = try await SQLiteDatabase(path: work, readers: 1)
            do {
                try await Migrator.migrate(database, migrations: migrations)
            } catch {
                await database.close()
                throw error
            }
            // The last connection to close checkpoints the write-ahead log into the file and deletes the log.
            await database.close()
            let installed = await OffPool.run { () -> StoreError? in
                do throws(StoreError) {
                    try install(work, at: path)
                    return nil
                } catch {
                    return error
                }
            }
            if let installed { throw installed }
        } catch {
            await OffPool.run { removeWorkFiles(work) }
            throw error
        }
    }

    /// Syncs the finished work file and gives it the database's name: over an empty file being initialised,
    /// and never over a database created meanwhile (a hard link fails when the name exists).
    private static func install(_ work: String, at path: String) throws(StoreError) {
        var log = stat()
        if stat(work + "-wal", &log) == 0, log.st_size > 0 {
            throw StoreError(.io, "the new database's log was not written back into it", backend: "sqlite", database: path)
        }
        let descriptor = open(work, O_RDONLY)
        guard descriptor >= 0 else { throw failure("cannot open the new database", path) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard synced == 0 else { throw failure("cannot sync the new database", path) }
        var info = stat()
        if stat(path, &info) == 0 {
            // An empty file being initialised: replace it in one step.
            guard info.st_size == 0 else {
                removeWorkFiles(work)
                return
            }
            guard rename(work, path) == 0 else { throw failure("cannot move the new database into place", path) }
        } else if link(work, path) == 0 {
            unlink(work)
        } else if errno == EEXIST {
            removeWorkFiles(work)
            return
        } else {
            throw failure("cannot move the new database into place", path)
        }
        removeWorkFiles(work)
        syncDirectory(of: path)
    }

    /// Creates the database's directory, owner-only: the database holds findings about the infrastructure.
    private static func makeDirectory(_ directory: String, database path: String) throws(StoreError) {
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(
                .io, "cannot create directory \(directory): \(error.localizedDescription)", backend: "sqlite",
                database: path)
        }
    }

    /// Removes work files for `name` whose creating process no longer runs.
    private static func removeAbandoned(in directory: String, name: String) {
        let folder = directory.isEmpty ? "." : directory
        let prefix = "." + name + marker
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder + "/" + entry)
            }
        }
    }

    /// Removes a work file and SQLite's companions of it.
    private static func removeWorkFiles(_ work: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(work + suffix) }
    }

    /// Syncs the directory holding `path`, so the new name survives a power loss.
    private static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ message: String, _ path: String) -> StoreError {
        StoreError(.io, "\(message): \(String(cString: strerror(errno)))", backend: "sqlite", database: path)
    }
}
