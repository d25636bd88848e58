#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole output file the way its target needs: a regular or new file is replaced atomically (a temporary
/// file renamed over it, keeping the old file's permission bits and owner where the process may set them), while a
/// character device, a FIFO or a socket is written through in place, and a symbolic link is followed to the file
/// it names, so the link stays a link. Renaming over `/dev/null` would replace the device with a regular file.
public struct OutputFile: Sendable {
    /// The path as given (possibly a symbolic link).
    public let path: String

    /// Links followed before giving up (the kernel's own limit).
    static let maxLinks = 40

    /// A writer for `path`.
    public init(path: String) {
        self.path = path
    }

    /// Writes `bytes` as the whole content.
    public func write(_ bytes: [UInt8]) throws(OutputFileError) {
        try write { (emit) throws(OutputFileError) in try emit(bytes[...]) }
    }

    /// Writes `text` (UTF-8) as the whole content.
    public func write(_ text: String) throws(OutputFileError) {
        try write(Array(text.utf8))
    }

    /// Writes what `produce` emits, piece by piece (large reports stream); an error thrown by `produce` or by a write
    /// leaves a replaced file as it was.
    public func write(
        _ produce: (_ emit: (ArraySlice<UInt8>) throws(OutputFileError) -> Void) throws(OutputFileError) -> Void
    ) throws(OutputFileError) {
        let target = try resolved()
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: try replace(target, keeping: info, produce)
            case S_IFDIR: throw OutputFileError(.isDirectory, path: path, errno: EISDIR)
            default: try writeInPlace(target, produce)
            }
        } else if errno == ENOENT {
            try replace(target, keeping: nil, produce)
        } else {
            throw OutputFileError(.cannotOpen, path: path, errno: errno)
        }
    }

    /// The path the bytes go to: symbolic links in the last component followed (a dangling link names the file
    /// it will create).
    public func resolved() throws(OutputFileError) -> String {
        var current = path
        for _ in 0..<Self.maxLinks {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw OutputFileError(.cannotResolve, path: path, errno: errno) }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : Self.directory(of: current) + "/" + link
        }
        throw OutputFileError(.cannotResolve, path: path, errno: ELOOP)
    }

    private func writeInPlace(
        _ target: String,
        _ produce: (_ emit: (ArraySlice<UInt8>) throws(OutputFileError) -> Void) throws(OutputFileError) -> Void
    ) throws(OutputFileError) {
        // No O_TRUNC: devices and FIFOs have nothing to truncate, and O_CREAT is left out so a device that
        // vanished is not recreated as a regular file.
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputFileError(.cannotOpen, path: path, errno: errno) }
        defer { close(fd) }
        try produce { bytes throws(OutputFileError) in try Self.writeAll(bytes, to: fd, path: path) }
    }

    private func replace(
        _ target: String, keeping existing: stat?,
        _ produce: (_ emit: (ArraySlice<UInt8>) throws(OutputFileError) -> Void) throws(OutputFileError) -> Void
    ) throws(OutputFileError) {
        let directory = Self.directory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? "output"
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temporary = "\(directory)/.\(name).bulwark-\(getpid())-\(attempt)"
            // 0666 less the umask for a new file, as any other program creating it would get.
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw OutputFileError(.cannotCreate, path: path, errno: errno) }
        var closed = false
        do throws(OutputFileError) {
            if let existing {
                // Keep who may read the file: the old mode, and the old owner where the process may set it.
                _ = fchmod(fd, existing.st_mode & 0o7777)
                if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                    _ = fchown(fd, existing.st_uid, existing.st_gid)
                    _ = fchmod(fd, existing.st_mode & 0o7777)
                }
            }
            try produce { bytes throws(OutputFileError) in try Self.writeAll(bytes, to: fd, path: path) }
            guard fsync(fd) == 0 else { throw OutputFileError(.cannotWrite, path: path, errno: errno) }
            closed = true
            guard close(fd) == 0 else { throw OutputFileError(.cannotWrite, path: path, errno: errno) }
            guard rename(temporary, target) == 0 else { throw OutputFileError(.cannotReplace, path: path, errno: errno) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to fd: Int32, path: String) throws(OutputFileError) {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return posixWrite(fd, base, raw.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(.cannotWrite, path: path, errno: errno)
            }
            offset += written
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// Why an output file could not be written: what failed, for which path, and the system's reason.
public struct OutputFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step that failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A symbolic link could not be read, or links loop.
        public static let cannotResolve = Code("cannot_resolve")
        /// The target (a device, FIFO or the existing file) could not be opened.
        public static let cannotOpen = Code("cannot_open")
        /// The temporary file beside the target could not be created.
        public static let cannotCreate = Code("cannot_create")
        /// Writing or flushing the bytes failed.
        public static let cannotWrite = Code("cannot_write")
        /// The temporary file could not be renamed over the target.
        public static let cannotReplace = Code("cannot_replace")
        /// The target is a directory.
        public static let isDirectory = Code("is_directory")
    }

    public var code: Code
    /// The path as the caller gave it.
    public var path: String
    /// The `errno` of the failing call.
    public var errno: Int32

    init(_ code: Code, path: String, errno: Int32) {
        self.code = code
        self.path = path
        self.errno = errno
    }

    /// `PATH: reason`.
    public var description: String {
        let reason = String(cString: strerror(errno))
        switch code {
        case .cannotCreate: return "\(path): cannot create a temporary file beside it: \(reason)"
        case .cannotReplace: return "\(path): cannot replace it: \(reason)"
        case .cannotResolve: return "\(path): cannot follow the symbolic link: \(reason)"
        default: return "\(path): \(reason)"
        }
    }
}

/// `write(2)`, named apart from the methods called `write`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
