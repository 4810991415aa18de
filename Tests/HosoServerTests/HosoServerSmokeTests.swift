import Testing
@testable import HosoServer

@Suite struct HosoServerSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
