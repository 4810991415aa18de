import Testing
@testable import HosoQuery

@Suite struct HosoQuerySmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
