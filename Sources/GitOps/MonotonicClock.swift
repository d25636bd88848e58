import Foundation

/// Nanoseconds on a clock that never jumps, for deadlines.
enum MonotonicClock {
    /// Now, in nanoseconds since an arbitrary start.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// A non-negative duration in nanoseconds, saturating instead of overflowing.
    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? UInt64.max / 2 : whole + UInt64(attoseconds / 1_000_000_000)
    }
}
