#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with POSIX calls, checking the size limit before any byte is read.
enum FileReader {
    enum Failure: Error {
        case tooLarge(Int)
        case system(String)
    }

    static func load(_ path: String, maxSize: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(.system(lastError())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(lastError())) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(.system("is a directory"))
        }
        let size = Int(info.st_size)
        if size > maxSize { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base + filled, size - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(lastError()))
            }
            if n == 0 { break }
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        // The file may have grown since fstat; one extra byte tells us without reading it all.
        var probe: UInt8 = 0
        if filled == size, read(fd, &probe, 1) == 1 {
            return .failure(.tooLarge(size + 1))
        }
        return .success(bytes)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
