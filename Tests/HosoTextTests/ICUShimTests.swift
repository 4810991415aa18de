import CICU
import Testing

@Suite struct ICUShimTests {
    @Test func versionIsReported() {
        let version = String(cString: cicu_version())
        #expect(!version.isEmpty)
    }
}
