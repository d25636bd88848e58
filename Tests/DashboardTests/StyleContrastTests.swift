import Foundation
import Testing

@testable import Dashboard

@Suite("Stylesheet")
struct StyleContrastTests {
    /// WCAG 2 relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double? {
        guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double? {
        guard let x = luminance(a), let y = luminance(b) else { return nil }
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("the contrast computation tells a readable pair from an unreadable one")
    func contrastOracle() throws {
        #expect(try #require(Self.contrast("#000000", "#ffffff")) > 20.9)
        #expect(try #require(Self.contrast("#777777", "#ffffff")) < 4.5)
    }

    @Test("every text colour of the palette has at least 4.5:1 contrast on its background")
    func paletteContrast() throws {
        for pair in DashboardStyle.palette {
            let ratio = try #require(Self.contrast(pair.foreground, pair.background), "\(pair.name) is not #rrggbb")
            #expect(ratio >= 4.5, "\(pair.name): \(ratio)")
        }
    }

    @Test("the stylesheet has a print style and visible keyboard focus, and uses the palette")
    func printAndFocus() {
        #expect(DashboardStyle.css.contains("@media print"))
        #expect(DashboardStyle.css.contains(":focus-visible"))
        for pair in DashboardStyle.palette { #expect(DashboardStyle.css.contains(pair.foreground), "\(pair.name)") }
    }
}
