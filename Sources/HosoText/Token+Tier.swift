/// How two tokens compare: the tier of the match, or nil. Documents and queries share this.
extension Token {
    /// The tier at which query token `self` matches document token `other` as whole tokens.
    ///
    /// Matching needs equal folded canonical keys; the tier then says how close the spellings
    /// are. A rewrite on one side only (abbreviation, alias, Telex, sỹ → sĩ) is at best `variant`;
    /// a lineage token is at best `lineage`.
    public func tier(matching other: Token) -> MatchTier? {
        guard keys.folded == other.keys.folded else { return nil }
        var tier = Token.spellingTier(keys, other.keys)
        switch (surface, other.surface) {
        case (nil, nil): break
        case let (a?, b?):
            tier = a.folded == b.folded ? tier.worst(Token.spellingTier(a, b)) : .variant
        default: tier = .variant
        }
        return other.origin == .lineage ? tier.worst(.lineage) : tier
    }

    /// The tier at which query token `self`, a prefix being typed, matches `other`.
    /// A half-typed accent (Nguyê, no tone yet) matches Nguyễn at `exact`.
    public func prefixTier(matching other: Token) -> MatchTier? {
        guard other.keys.folded.utf8.starts(with: keys.folded.utf8) else { return nil }
        var tier: MatchTier
        if other.keys.exact.utf8.starts(with: keys.exact.utf8) {
            tier = .exact
        } else if other.keys.toneless.utf8.starts(with: keys.toneless.utf8) {
            tier = keys.hasTone ? .tone : .exact
        } else {
            tier = .folded
        }
        if isRewritten != other.isRewritten { tier = tier.worst(.variant) }
        return other.origin == .lineage ? tier.worst(.lineage) : tier
    }

    /// The fuzzy tier: one edit between folded keys of words of at least `fuzzyMinLength` letters.
    public func fuzzyTier(matching other: Token) -> MatchTier? {
        let a = Array(keys.folded.utf8)
        let b = Array(other.keys.folded.utf8)
        guard a.count >= Token.fuzzyMinLength, b.count >= Token.fuzzyMinLength else { return nil }
        return Token.withinOneEdit(a, b) ? .fuzzy : nil
    }

    /// Words shorter than this are never matched fuzzily (Lê / Lý, An / Anh stay apart).
    public static let fuzzyMinLength = 4

    static func spellingTier(_ a: WordKeys, _ b: WordKeys) -> MatchTier {
        if a.exact == b.exact { return .exact }
        if a.toneless == b.toneless { return .tone }
        return .folded
    }

    /// Whether `a` and `b` differ by at most one insertion, deletion or substitution.
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if short.count == long.count {
            return short[(i + 1)...] == long[(i + 1)...]
        }
        return short[i...] == long[(i + 1)...]
    }
}
