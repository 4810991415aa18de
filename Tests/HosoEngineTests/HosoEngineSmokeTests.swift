import Testing
@testable import HosoEngine

@Suite struct HosoEngineSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
