import HosoText

/// Shared helpers for the gazetteer suites.
enum GazetteerFixture {
    /// The bundled gazetteer (loaded once per test process).
    static var shared: Gazetteer { Gazetteer.shared }
}

extension PlaceResolution {
    /// Display names (without type word) of the lineage, optionally at one level.
    func lineageNames(_ level: PlaceLevel? = nil) -> [String] {
        lineage.filter { level == nil || $0.level == level }.map(\.name)
    }

    /// Display names of the written and implied units.
    var carriedNames: [String] { (asWritten + implied).map(\.name) }

    /// Every name the record can be found by, at any tier.
    var allNames: [String] { carriedNames + lineage.map(\.name) }
}
