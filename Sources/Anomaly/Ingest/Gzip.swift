import CZlib
import Foundation

/// gzip (and zlib) decoding and encoding through zlib, with an output cap so a hostile object cannot
/// exhaust memory. Truncated or corrupt input is a typed error, never a crash.
public enum Gzip {
    /// Whether `data` starts with the gzip magic bytes.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// Inflates gzip or zlib `data` (concatenated gzip members included), refusing output beyond `maxOutput` bytes.
    public static func decompress(
        _ data: Data, maxOutput: Int = 256 << 20, location: String? = nil
    ) throws(AnomalyError)
        -> Data
    {
        var stream = z_stream()
        // 15 + 32: largest window, and detect gzip or zlib headers automatically.
        let initStatus = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw AnomalyError(.corruptGzip, "zlib could not start (status \(initStatus))", location: location)
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var failure: AnomalyError?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.bindMemory(to: Bytef.self).baseAddress, raw.count > 0 else {
                failure = AnomalyError(.truncatedGzip, "empty compressed object", location: location)
                return
            }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(raw.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                if output.count + produced > maxOutput {
                    failure = AnomalyError(
                        .tooLarge, "decompressed size exceeds the limit of \(maxOutput) bytes", location: location)
                    return
                }
                output.append(contentsOf: buffer[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (concatenated files are valid gzip).
                    if stream.avail_in == 0 { return }
                    if inflateReset(&stream) != Z_OK {
                        failure = AnomalyError(.corruptGzip, "cannot restart after a gzip member", location: location)
                        return
                    }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: the input ended inside the stream.
                    if stream.avail_in == 0 {
                        failure = AnomalyError(
                            .truncatedGzip, "gzip stream ends early after \(output.count) bytes of output",
                            location: location)
                        return
                    }
                    continue
                default:
                    let detail = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    failure = AnomalyError(.corruptGzip, "corrupt gzip data: \(detail)", location: location)
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Compresses `data` as one gzip member (used by the evaluation harness to write CloudTrail objects).
    public static func compress(_ data: Data, level: Int32 = 6) throws(AnomalyError) -> Data {
        var stream = z_stream()
        // 15 + 16: largest window, gzip header and trailer.
        let initStatus = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw AnomalyError(.io, "zlib deflate could not start (status \(initStatus))") }
        defer { deflateEnd(&stream) }
        var output = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(raw.count)
            repeat {
                status = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return deflate(&stream, Z_FINISH)
                }
                output.append(contentsOf: buffer[0..<(chunk - Int(stream.avail_out))])
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw AnomalyError(.io, "zlib deflate failed (status \(status))") }
        return output
    }
}
