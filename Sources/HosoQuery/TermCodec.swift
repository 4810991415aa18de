import HosoIndex
import HosoText

/// Turns analyser tokens into index terms and back.
///
/// The term key is the token's folded key (what decides a match); the variant packs the
/// exact and toneless keys, the written surface of a rewrite and the origin, separated by
/// U+0001, which never occurs in analysed text.
public enum TermCodec {
    static let separator: Character = "\u{1}"

    public static func term(_ token: Token) -> IndexTerm {
        var variant = token.keys.exact
        variant.append(separator)
        variant += token.keys.toneless
        variant.append(separator)
        if let s = token.surface {
            variant += s.exact
            variant.append(separator)
            variant += s.toneless
            variant.append(separator)
            variant += s.folded
        }
        variant.append(separator)
        variant += token.origin == .lineage ? "L" : "W"
        return IndexTerm(key: token.keys.folded, variant: variant)
    }

    /// The token a term was made from (its position is not stored: 0).
    public static func token(key: String, variant: String) -> Token {
        let parts = variant.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        let exact = parts.count > 0 ? parts[0] : key
        let toneless = parts.count > 1 ? parts[1] : key
        let keys = WordKeys(exact: exact, toneless: toneless, folded: key, hasTone: exact != toneless)
        var surface: WordKeys?
        if parts.count >= 6 {
            surface = WordKeys(exact: parts[2], toneless: parts[3], folded: parts[4], hasTone: parts[2] != parts[3])
        }
        let origin: TokenOrigin = parts.last == "L" ? .lineage : .literal
        return Token(keys: keys, surface: surface, origin: origin, position: 0)
    }
}
