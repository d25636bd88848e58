import Testing
@testable import Anomaly

@Suite struct ForestTests {
    @Test func averagePathLength() {
        #expect(IsolationForest.averagePathLength(1) == 0)
    }
}
