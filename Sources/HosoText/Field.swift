/// The field kinds the analyser knows; each has its own token rules (DESIGN §4).
public enum Field: String, Sendable, CaseIterable, CustomStringConvertible {
    case name
    case hometown
    case position
    case agency
    case grade
    case nationalID = "national_id"

    public var description: String { rawValue }

    /// Whether common-noun rewrites (abbreviations, sĩ/sỹ) apply; never to personal names.
    var rewritesWords: Bool { self == .position || self == .agency }
    /// Whether the last query word may be a prefix being typed (never identifiers or codes).
    public var allowsPrefix: Bool { self != .grade && self != .nationalID }
    /// Whether fuzzy matching may apply (never to identifiers or codes).
    public var allowsFuzzy: Bool { self == .name || self == .position || self == .agency || self == .hometown }
}

/// Where a token came from.
public enum TokenOrigin: UInt8, Sendable, Hashable {
    /// Written in the text (possibly rewritten: see `Token.surface`).
    case literal
    /// A name the same place or agency had at another time (DESIGN §4, lineage).
    case lineage
}

/// One analysed token: canonical keys plus, for rewritten words, the keys of what was written.
public struct Token: Hashable, Sendable, CustomStringConvertible {
    /// Keys of the canonical form (after abbreviation, alias, numeral or grade-code rewriting).
    public var keys: WordKeys
    /// Keys of the words as written, when a rewrite produced `keys` (TP.HCM → hồ chí minh).
    public var surface: WordKeys?
    public var origin: TokenOrigin
    /// Ordinal among the field's tokens, in reading order (for phrase matching).
    public var position: Int
    /// Other readings of a query token, any of which may match instead ("Sài Gòn": the ward, or
    /// Hồ Chí Minh by alias). Empty for documents.
    public var alternatives: [Token]

    public init(
        keys: WordKeys, surface: WordKeys? = nil, origin: TokenOrigin = .literal, alternatives: [Token] = [],
        position: Int
    ) {
        self.keys = keys
        self.surface = surface
        self.origin = origin
        self.alternatives = alternatives
        self.position = position
    }

    public var isRewritten: Bool { surface != nil }

    public var description: String {
        var text = keys.description
        if let surface { text += " ← \(surface.exact)" }
        if origin == .lineage { text += " (lineage)" }
        return text
    }
}
