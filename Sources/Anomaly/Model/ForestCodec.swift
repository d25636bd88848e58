import Foundation

/// The compact binary form of an `IsolationForest`: magic `BWIF`, a format version, the shape, then the
/// three node arrays, little-endian. Unknown versions are refused with a clear error, never guessed.
public enum ForestCodec {
    /// The version this build writes and reads.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("BWIF".utf8)

    /// Encodes `forest`.
    public static func encode(_ forest: IsolationForest) -> Data {
        var out = Data()
        out.append(contentsOf: magic)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { out.append(contentsOf: $0) } }
        u32(Int(formatVersion))
        u32(forest.featureCount)
        u32(forest.parameters.trees)
        u32(forest.parameters.sampleSize)
        u32(forest.effectiveSampleSize)
        u32(forest.height)
        withUnsafeBytes(of: forest.parameters.seed.littleEndian) { out.append(contentsOf: $0) }
        for f in forest.splitFeatures { withUnsafeBytes(of: f.littleEndian) { out.append(contentsOf: $0) } }
        for t in forest.thresholds { withUnsafeBytes(of: t.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        for l in forest.leafPathLengths { withUnsafeBytes(of: l.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    /// Decodes a forest, checking magic, version, shape and every split attribute.
    public static func decode(_ data: Data, location: String? = nil) throws(AnomalyError) -> IsolationForest {
        let bytes = [UInt8](data)
        var offset = 0
        func fail(_ message: String) -> AnomalyError { AnomalyError(.invalidModel, message, location: location) }
        func take(_ n: Int) throws(AnomalyError) -> ArraySlice<UInt8> {
            guard n >= 0, offset + n <= bytes.count else { throw fail("model data ends early at byte \(offset)") }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }
        func u32() throws(AnomalyError) -> Int {
            let s = try take(4)
            return s.reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        guard Array(try take(4)) == magic else { throw fail("not an isolation-forest model (bad magic)") }
        let version = try u32()
        guard version == Int(formatVersion) else {
            throw AnomalyError(
                .unsupportedVersion,
                "isolation-forest format version \(version) is not supported; this build reads version \(formatVersion)",
                location: location)
        }
        let features = try u32()
        let trees = try u32()
        let sampleSize = try u32()
        let effective = try u32()
        let height = try u32()
        let seed = try take(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard features > 0, features <= Int(UInt16.max), trees > 0, trees <= 100_000, height <= 24,
            effective > 0, effective <= sampleSize, (1 << height) >= effective
        else { throw fail("implausible model shape (d=\(features), t=\(trees), ψ=\(effective), height=\(height))") }
        let inner = (1 << height) - 1
        let leaves = 1 << height
        guard bytes.count - offset == trees * (inner * 6 + leaves * 4) else {
            throw fail("model data has \(bytes.count - offset) node bytes; the shape needs \(trees * (inner * 6 + leaves * 4))")
        }
        var split = [UInt16](repeating: 0, count: trees * inner)
        for i in split.indices {
            let s = try take(2)
            split[i] = UInt16(s[s.startIndex]) | UInt16(s[s.startIndex + 1]) << 8
            guard Int(split[i]) < features else { throw fail("node \(i) splits on attribute \(split[i]) of \(features)") }
        }
        func floats(_ count: Int) throws(AnomalyError) -> [Float] {
            var out = [Float](repeating: 0, count: count)
            for i in 0..<count {
                let s = try take(4)
                out[i] = Float(bitPattern: s.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            }
            return out
        }
        let thresholds = try floats(trees * inner)
        let paths = try floats(trees * leaves)
        guard paths.allSatisfy({ $0.isFinite && $0 >= 0 }), !thresholds.contains(where: \.isNaN) else {
            throw fail("model holds invalid node values")
        }
        return IsolationForest(
            parameters: .init(trees: trees, sampleSize: sampleSize, seed: seed), featureCount: features,
            effectiveSampleSize: effective, height: height, splitFeatures: split, thresholds: thresholds,
            leafPathLengths: paths)
    }
}
