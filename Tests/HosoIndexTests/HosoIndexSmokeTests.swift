import Testing
@testable import HosoIndex

@Suite struct HosoIndexSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
