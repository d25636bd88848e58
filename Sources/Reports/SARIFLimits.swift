import CZlib
import Model

/// What a SARIF upload may hold (GitHub code scanning: at most 25,000 results per run and 10 MB gzipped), and the
/// choice of results that fits: the most severe are kept, the rest are counted in a run notification.
public struct SARIFLimits: Sendable, Hashable {
    /// Most results in one run.
    public var maxResults: Int
    /// Largest upload, gzip-compressed, in bytes.
    public var maxGzipBytes: Int

    /// Builds limits.
    public init(maxResults: Int, maxGzipBytes: Int) {
        self.maxResults = maxResults
        self.maxGzipBytes = maxGzipBytes
    }

    /// GitHub code scanning's documented limits.
    public static let github = SARIFLimits(maxResults: 25_000, maxGzipBytes: 10_000_000)

    /// Indices of `findings`, most severe first and ties in report order: results are dropped from the end.
    static func rankBySeverity(_ findings: [Finding]) -> [Int] {
        findings.indices.sorted { a, b in
            let sa = findings[a].result.check.severity
            let sb = findings[b].result.check.severity
            return sa != sb ? sa > sb : a < b
        }
    }

    /// Size of `text` as gzip would write it at the default level: zlib's deflate stream plus gzip's 18 bytes of
    /// header and trailer (zlib's own wrapper is 6). Nil when zlib fails, which the caller treats as too large.
    static func gzipSize(_ text: String) -> Int? {
        var bytes = Array(text.utf8)
        var bound = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeMutableBufferPointer { src in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(src.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        return Int(bound) - 6 + 18
    }
}
