import ArgumentParser
import Foundation

/// A duration on the command line: a number with a unit (`500ms`, `90s`, `10m`, `1h`); a bare number is seconds.
struct DurationArgument: ExpressibleByArgument, Sendable {
    /// The parsed duration.
    let duration: Duration

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var scale = 1.0
        var number = Substring(text)
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = text.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        duration = .milliseconds(Int64((value * scale * 1000).rounded()))
    }
}
