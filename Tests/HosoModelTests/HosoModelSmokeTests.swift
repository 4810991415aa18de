import Testing
@testable import HosoModel

@Suite struct HosoModelSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
