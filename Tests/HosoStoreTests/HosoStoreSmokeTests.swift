import Testing
@testable import HosoStore

@Suite struct HosoStoreSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
