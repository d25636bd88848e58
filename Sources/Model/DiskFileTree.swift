#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, read with POSIX calls (Model stays free of Foundation).
public struct DiskFileTree: FileTree {
    /// The disk as the process sees it.
    public init() {}

    /// Reads the whole file, checking the size limit with `fstat` before any byte is read.
    public func read(_ path: String, maxSize: Int) -> FileTreeReadResult {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return errno == ENOENT ? .missing : .failure(Self.lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Self.lastError()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure("is a directory")
        }
        let size = Int(info.st_size)
        if size > maxSize { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return posixRead(fd, base + filled, size - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Self.lastError())
            }
            if n == 0 { break }
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        // The file may have grown since fstat; one extra byte tells us without reading it all.
        var probe: UInt8 = 0
        if filled == size, posixRead(fd, &probe, 1) == 1 {
            return .tooLarge(size + 1)
        }
        return .success(bytes)
    }

    /// `lstat`: a symbolic link is reported as one.
    public func kind(_ path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Self.kind(info.st_mode)
    }

    /// `stat`: links followed, so a dangling link does not exist.
    public func resolvedKind(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Self.kind(info.st_mode)
    }

    /// `readdir` order, as `FileManager.contentsOfDirectory` gives it.
    public func entries(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `realpath` of the deepest ancestor that exists, with the missing rest appended: a file that does not exist
    /// yet is judged by the directory it would be created in. Nil when something exists at a step but cannot be
    /// resolved (a dangling or looping link, no permission), so such a path is never taken for an inside one.
    public func resolvedPath(_ path: String) -> String? {
        var head = absolute(path)
        var missing: [String] = []
        while true {
            if let real = realpath(head, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.isEmpty ? base : TreePath.clean(base + "/" + missing.reversed().joined(separator: "/"))
            }
            var info = stat()
            guard lstat(head, &info) != 0, errno == ENOENT || errno == ENOTDIR, head != "/" else { return nil }
            let slash = head.lastIndex(of: "/") ?? head.startIndex
            missing.append(String(head[head.index(after: slash)...]))
            head = slash == head.startIndex ? "/" : String(head[..<slash])
        }
    }

    /// The process's current directory.
    public var workingDirectory: String {
        // getcwd(NULL, 0) allocates a buffer of the right size (glibc, musl and Darwin all do).
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }

    private static func kind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .file
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// `read(2)`; a free function because inside `DiskFileTree` the name `read` means the tree's own method.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
