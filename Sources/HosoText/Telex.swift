/// Telex typed with the Vietnamese input method switched off: "nguyeenx vawn an" → "nguyễn văn an".
///
/// Only a word that contains Telex keystrokes and decodes to a well-formed Vietnamese syllable
/// is rewritten; everything else is left alone. Search uses it as a fallback variant.
public enum Telex {
    /// The text with every Telex-typed word decoded, or nil when no word changes.
    public static func decode(text: String) -> String? {
        var changed = false
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty {
                if let decoded = decode(word: word) {
                    out += decoded
                    changed = true
                } else {
                    out += word
                }
                word = ""
            }
        }
        for ch in text {
            if ch.isASCII && ch.isLetter { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return changed ? out : nil
    }

    /// One ASCII word decoded, or nil when it holds no Telex keystroke or does not decode to a syllable.
    public static func decode(word: String) -> String? {
        guard word.count >= 2, word.count <= 12, word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let lower = word.lowercased()
        let upperFirst = word.first?.isUppercase ?? false
        var letters: [Unicode.Scalar] = []
        var tone = Tone.level
        var sawVowel = false
        var changed = false
        for s in lower.unicodeScalars {
            let last = letters.last
            switch s {
            case "d" where last == "d":
                letters[letters.count - 1] = "\u{111}"
                changed = true
            case "a" where last == "a", "e" where last == "e", "o" where last == "o":
                letters[letters.count - 1] = Telex.circumflex(s)
                changed = true
            case "w":
                switch last {
                case "a": letters[letters.count - 1] = "\u{103}"
                case "o":
                    letters[letters.count - 1] = "\u{1A1}"
                    if letters.count >= 2, letters[letters.count - 2] == "u" { letters[letters.count - 2] = "\u{1B0}" }
                case "u": letters[letters.count - 1] = "\u{1B0}"
                default:
                    if sawVowel { return nil }
                    letters.append("\u{1B0}")
                    sawVowel = true
                }
                changed = true
            case "s", "f", "r", "x", "j":
                if sawVowel {
                    guard tone == .level else { return nil }
                    tone = Telex.tone(s)
                    changed = true
                } else {
                    letters.append(s)
                }
            default:
                letters.append(s)
                if Syllable.isVowel(s) { sawVowel = true }
            }
        }
        guard changed else { return nil }
        // "uơ" of an open syllable stays (thuở); before more letters it is "ươ" (trường, mười).
        if let i = letters.firstIndex(of: "\u{1B0}"), i + 1 < letters.count, letters[i + 1] == "\u{1A1}",
            i + 2 == letters.count
        {
            letters[i] = "u"
        }
        guard isSyllable(letters) else { return nil }
        var toned = letters
        if let mark = tone.combiningMark { toned.append(mark) }
        var text = String(String.UnicodeScalarView(toned))
        text = ICU.nfc(text)
        let keys = WordKeys(text)
        var result = keys.exact
        if upperFirst, let first = result.first {
            result = first.uppercased() + result.dropFirst()
        }
        return result
    }

    static func circumflex(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "a": "\u{E2}"
        case "e": "\u{EA}"
        default: "\u{F4}"
        }
    }

    static func tone(_ s: Unicode.Scalar) -> Tone {
        switch s {
        case "s": .acute
        case "f": .grave
        case "r": .hook
        case "x": .tilde
        default: .dot
        }
    }

    static let initials: Set<String> = [
        "", "b", "c", "ch", "d", "\u{111}", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
    ]
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]

    /// Whether lower-case toneless `letters` form initial + vowels + final of a Vietnamese syllable.
    static func isSyllable(_ letters: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < letters.count, !Syllable.isVowel(letters[i]) { i += 1 }
        let initial = String(String.UnicodeScalarView(letters[0..<i]))
        var j = i
        while j < letters.count, Syllable.isVowel(letters[j]) { j += 1 }
        let final = String(String.UnicodeScalarView(letters[j...]))
        let vowels = j - i
        return initials.contains(initial) && finals.contains(final) && vowels >= 1 && vowels <= 3
    }
}
