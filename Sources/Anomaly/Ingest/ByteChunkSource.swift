import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only supply of bytes read piece by piece, so a log object never has to be in memory whole.
public protocol ByteChunkSource {
    /// The next piece (never empty), or nil at the end.
    mutating func next() throws(AnomalyError) -> [UInt8]?
}

/// The bytes of an in-memory object, handed out in pieces.
public struct DataChunks: ByteChunkSource {
    let data: Data
    var position: Int
    let chunkSize: Int

    /// Pieces of `data` of at most `chunkSize` bytes.
    public init(_ data: Data, chunkSize: Int = 1 << 20) {
        self.data = data
        self.position = data.startIndex
        self.chunkSize = max(1, chunkSize)
    }

    public mutating func next() throws(AnomalyError) -> [UInt8]? {
        guard position < data.endIndex else { return nil }
        let end = min(position + chunkSize, data.endIndex)
        defer { position = end }
        return [UInt8](data[position..<end])
    }
}

/// A local file read in pieces with `read(2)`; the descriptor closes when the reader is released.
public final class FileChunks: ByteChunkSource {
    let descriptor: Int32
    let path: String
    let chunkSize: Int

    /// Opens `path` for reading.
    public init(path: String, chunkSize: Int = 1 << 20) throws(AnomalyError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw AnomalyError(.io, "cannot open: \(String(cString: strerror(errno)))", location: path)
        }
        self.descriptor = fd
        self.path = path
        self.chunkSize = max(1, chunkSize)
    }

    deinit { close(descriptor) }

    public func next() throws(AnomalyError) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count > 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            if count == 0 { return nil }
            if errno == EINTR { continue }
            throw AnomalyError(.io, "cannot read: \(String(cString: strerror(errno)))", location: path)
        }
    }
}
