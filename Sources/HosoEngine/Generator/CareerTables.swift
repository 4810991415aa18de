/// Which side of the 2025 reorganisation a name belongs to.
enum Era: Int, Sendable {
    /// After the reform: 2025 map, merged ministries and departments.
    case current = 0
    /// Before it: 63 provinces with districts, pre-2025 ministries.
    case legacy = 1
}

/// Where one agency of a template sits (generator-agencies.tsv `level`).
enum AgencyLevel: Sendable {
    case central, province, district, commune, school
}

/// One piece of an agency name template.
indirect enum AgencyPart: Sendable {
    case literal(Bytes)
    /// The province with its type word, in the era's map.
    case province
    /// The commune with its type word, in the era's map.
    case commune
    /// The pre-2025 district with its type word (legacy era only).
    case district
    case provinceName
    case districtName
    case oldCommuneName
    /// Written now and then, and only when every placeholder inside exists in the era.
    case optional([AgencyPart])
}

/// A shape of agency (generator-agencies.tsv row).
struct AgencyTemplate: Sendable {
    let id: Bytes
    let track: Int
    let level: AgencyLevel
    /// Whether the template names a body after the reform / before it.
    let current: Bool
    let legacy: Bool
    let name: [AgencyPart]
    let abbreviated: [AgencyPart]?
    /// Written after a leader's position ("Phó Giám đốc Sở Y tế").
    let short: Bytes?
    /// For a legacy-only template: the current template that took it over.
    var successor: Int?
    /// For a current template: its legacy-era forms (itself when it also existed before, and the
    /// legacy templates naming it as successor).
    var predecessors: [Int] = []

    /// Whether the template names a body in `era`.
    func exists(in era: Era) -> Bool { era == .current ? current : legacy }
}

/// A post and the grades that fit it (generator-positions.tsv row).
struct Position: Sendable {
    let name: Bytes
    let abbreviated: Bytes?
    /// 0 staff … 4 head of the agency.
    let rank: Int
    /// Grade codes, junior first (never empty).
    let grades: [Bytes]
    /// Index into `TrainingTables.fields`.
    let training: Int
}

/// A kind of work (generator-tracks.tsv row) with its templates and posts per era.
struct Track: Sendable {
    let name: String
    let share: Int
    /// Women per 1 000 people in the track.
    let femalePerMille: Int
    /// Tracks an earlier post may come from after a move between agencies.
    var earlier: [Int] = []
    /// Template indices per era, and a weighted choice over them.
    var templates: [[Int]] = [[], []]
    var templateChoice: [WeightedChoice] = []
    /// Position indices per era.
    var positions: [[Int]] = [[], []]
    /// Per era, per rank 0…4: a choice over `positions[era]` restricted to posts of at most that rank.
    var upToRank: [[WeightedChoice]] = []

    /// The highest rank a post may have.
    static let maxRank = 4
}

/// One schooling row (generator-training.tsv).
struct TrainingRow: Sendable {
    let institution: [AgencyPart]
    let qualification: Bytes
    /// How long the course runs; 0 for a course of a few months.
    let years: Int
}

/// Kinds of schooling, in the order `TrainingTables.choices` uses.
enum TrainingKind: Int, Sendable, CaseIterable {
    case degree, master, politics, course
}

/// Schooling by field of study and kind.
struct TrainingTables: Sendable {
    /// Field names as in generator-positions.tsv `training`.
    let fields: [String]
    let rows: [TrainingRow]
    /// Per kind, per field: row indices and a choice over them (empty when none).
    let byKind: [[(rows: [Int], choice: WeightedChoice)]]
}

/// Agencies, tracks, posts and schooling.
struct CareerTables: Sendable {
    let templates: [AgencyTemplate]
    let tracks: [Track]
    let currentTrackChoice: WeightedChoice
    let positions: [Position]
    let training: TrainingTables
}
