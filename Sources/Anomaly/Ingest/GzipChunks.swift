import CZlib

/// Inflates a gzip (or zlib) stream piece by piece as it is read, so memory stays at one piece in and one out
/// whatever the object's size; output beyond `maxOutput` bytes is refused, which bounds a gzip bomb by the cap on
/// work, not on memory. Concatenated gzip members are one stream, as `gunzip` reads them.
public final class GzipChunks<Input: ByteChunkSource>: ByteChunkSource {
    var input: Input
    var stream = z_stream()
    var pending: [UInt8] = []
    var pendingOffset = 0
    var finished = false
    var started = false
    /// Decompressed bytes produced so far.
    public private(set) var produced = 0
    let maxOutput: Int
    let location: String?
    let chunkSize = 256 << 10

    /// A reader inflating `input`, refusing more than `maxOutput` bytes of output.
    public init(_ input: Input, maxOutput: Int, location: String?) throws(AnomalyError) {
        self.input = input
        self.maxOutput = maxOutput
        self.location = location
        // 15 + 32: largest window, and detect gzip or zlib headers automatically.
        let status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw AnomalyError(.corruptGzip, "zlib could not start (status \(status))", location: location)
        }
    }

    deinit { inflateEnd(&stream) }

    public func next() throws(AnomalyError) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        while filled == 0 {
            if finished { return nil }
            if pendingOffset >= pending.count {
                guard let more = try input.next() else {
                    if !started {
                        throw AnomalyError(.truncatedGzip, "empty compressed object", location: location)
                    }
                    // The input ended inside the stream (no end-of-stream marker yet).
                    throw AnomalyError(
                        .truncatedGzip, "gzip stream ends early after \(produced) bytes of output", location: location)
                }
                pending = more
                pendingOffset = 0
                started = true
            }
            let status: Int32 = pending.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_in = inBuf.baseAddress.map { $0 + pendingOffset }
                    stream.avail_in = UInt32(inBuf.count - pendingOffset)
                    stream.next_out = outBuf.baseAddress.map { $0 + filled }
                    stream.avail_out = UInt32(outBuf.count - filled)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    pendingOffset = inBuf.count - Int(stream.avail_in)
                    filled = outBuf.count - Int(stream.avail_out)
                    return status
                }
            }
            switch status {
            case Z_STREAM_END:
                // Another gzip member may follow (concatenated files are valid gzip).
                if pendingOffset >= pending.count, let more = try input.next() {
                    pending = more
                    pendingOffset = 0
                }
                if pendingOffset >= pending.count {
                    finished = true
                } else if inflateReset(&stream) != Z_OK {
                    throw AnomalyError(.corruptGzip, "cannot restart after a gzip member", location: location)
                }
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                throw AnomalyError(.corruptGzip, "corrupt gzip data: \(detail)", location: location)
            }
        }
        produced += filled
        if produced > maxOutput {
            throw AnomalyError(
                .tooLarge, "decompressed size exceeds the limit of \(maxOutput) bytes (--max-object-size)",
                location: location)
        }
        output.removeSubrange(filled...)
        return output
    }
}
