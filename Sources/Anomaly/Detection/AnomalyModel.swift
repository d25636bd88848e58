import Foundation
import Model

/// A trained detector: the forest, its calibrated threshold, the window length and every principal's
/// profile. Saved as JSON with a format version (the forest inside in its binary form, base64).
public struct AnomalyModel: Sendable {
    /// The version this build writes and reads.
    public static let formatVersion = 2

    public var windowSeconds: Double
    public var forest: IsolationForest
    /// Windows scoring above this alert.
    public var threshold: Double
    /// The share of training windows the threshold was set to flag.
    public var targetFalseAlertRate: Double
    public var profiles: [String: PrincipalProfile]
    /// Training rows the forest was fitted on.
    public var trainingWindows: Int

    /// A model from its parts (normally made by `Trainer.train`).
    public init(
        windowSeconds: Double, forest: IsolationForest, threshold: Double, targetFalseAlertRate: Double,
        profiles: [String: PrincipalProfile], trainingWindows: Int
    ) {
        self.windowSeconds = windowSeconds
        self.forest = forest
        self.threshold = threshold
        self.targetFalseAlertRate = targetFalseAlertRate
        self.profiles = profiles
        self.trainingWindows = trainingWindows
    }

    struct File: Codable {
        var formatVersion: Int
        var features: [String]
        var windowSeconds: Double
        var threshold: Double
        var targetFalseAlertRate: Double
        var trainingWindows: Int
        var forest: String
        var profiles: [PrincipalProfile]
    }

    struct VersionProbe: Decodable { var formatVersion: Int? }

    /// The JSON form.
    public func encoded() throws(AnomalyError) -> Data {
        let file = File(
            formatVersion: Self.formatVersion, features: Feature.allCases.map(\.name), windowSeconds: windowSeconds,
            threshold: threshold, targetFalseAlertRate: targetFalseAlertRate, trainingWindows: trainingWindows,
            forest: ForestCodec.encode(forest).base64EncodedString(),
            profiles: profiles.values.sorted { $0.principal < $1.principal })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { return try encoder.encode(file) } catch { throw AnomalyError(.io, "cannot encode the model: \(error)") }
    }

    /// Reads a model, refusing other format versions and feature lists with a clear error.
    public static func decode(_ data: Data, location: String? = nil) throws(AnomalyError) -> AnomalyModel {
        let probe: VersionProbe
        do { probe = try JSONDecoder().decode(VersionProbe.self, from: data) } catch {
            throw AnomalyError(.invalidModel, "not a Bulwark anomaly model (invalid JSON)", location: location)
        }
        guard let version = probe.formatVersion else {
            throw AnomalyError(.invalidModel, "not a Bulwark anomaly model (no formatVersion)", location: location)
        }
        guard version == formatVersion else {
            throw AnomalyError(
                .unsupportedVersion,
                "model format version \(version) is not supported; this build reads version \(formatVersion) (retrain with `bulwark anomaly train`)",
                location: location)
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw AnomalyError(.invalidModel, "invalid model file: \(error)", location: location)
        }
        guard file.features == Feature.allCases.map(\.name) else {
            throw AnomalyError(.invalidModel, "the model's features differ from this build's; retrain", location: location)
        }
        guard let blob = Data(base64Encoded: file.forest) else {
            throw AnomalyError(.invalidModel, "forest is not base64", location: location)
        }
        let forest = try ForestCodec.decode(blob, location: location)
        guard forest.featureCount == Feature.allCases.count else {
            throw AnomalyError(.invalidModel, "forest has \(forest.featureCount) features", location: location)
        }
        guard file.windowSeconds >= 60, file.windowSeconds <= 7 * 86_400 else {
            throw AnomalyError(.invalidModel, "window of \(file.windowSeconds) s out of range", location: location)
        }
        var profiles: [String: PrincipalProfile] = [:]
        for p in file.profiles { profiles[p.principal] = p }
        return AnomalyModel(
            windowSeconds: file.windowSeconds, forest: forest, threshold: file.threshold,
            targetFalseAlertRate: file.targetFalseAlertRate, profiles: profiles, trainingWindows: file.trainingWindows)
    }

    /// Writes the model atomically.
    public func write(to url: URL) throws(AnomalyError) {
        let data = try encoded()
        do { try OutputFile(path: url.path).write([UInt8](data)) } catch {
            throw AnomalyError(.io, "cannot write the model: \(error)", location: url.path)
        }
    }

    /// Reads a model file.
    public static func read(from url: URL) throws(AnomalyError) -> AnomalyModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw AnomalyError(.io, "cannot read the model: \(error.localizedDescription)", location: url.path)
        }
        return try decode(data, location: url.path)
    }
}
