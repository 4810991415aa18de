// Legacy-text repair for ingest (DESIGN §4, last paragraph): Vietnamese text from legacy systems
// arrives as TCVN3 or VNI bytes read as Windows-1252, or as UTF-8 decoded twice, with stray soft
// hyphens, zero-width spaces and typographic punctuation. `LegacyRepair.repair` undoes that and
// keeps the original beside the result.

/// The legacy encoding a text was repaired from.
public enum LegacyEncoding: String, Sendable, Hashable, CaseIterable {
    /// TCVN3 (TCVN 5712, ABC, .VnTime fonts) bytes read as Windows-1252: "NguyÔn V¨n Hïng".
    case tcvn3
    /// VNI-Windows bytes read as Windows-1252: "Nguyeãn Vaên Huøng".
    case vni
    /// UTF-8 read as Windows-1252 or Latin-1 and encoded again, one or more times: "Nguyá»…n".
    case doubleUTF8
}

/// A repaired text beside the original it came from.
public struct Repaired: Sendable, Equatable {
    /// The repaired, cleaned-up text (NFC).
    public var text: String
    /// The text as it arrived.
    public var original: String
    /// The legacy encoding that was undone, or nil when only clean-up applied. When a text was
    /// both double-encoded and in TCVN3/VNI, this names the single-byte encoding.
    public var encoding: LegacyEncoding?
    /// Whether `text` differs from `original` byte for byte.
    public var changed: Bool

    public init(text: String, original: String, encoding: LegacyEncoding?, changed: Bool) {
        self.text = text
        self.original = original
        self.encoding = encoding
        self.changed = changed
    }

    /// Equal when every field is equal byte for byte (not merely canonically equivalent).
    public static func == (lhs: Repaired, rhs: Repaired) -> Bool {
        lhs.encoding == rhs.encoding && lhs.changed == rhs.changed
            && lhs.text.utf8.elementsEqual(rhs.text.utf8) && lhs.original.utf8.elementsEqual(rhs.original.utf8)
    }
}

/// Detects and undoes legacy Vietnamese encodings, then cleans the text up.
///
/// Detection is evidence-based and word by word: a word is decoded only when the decoding turns
/// something that is not a Vietnamese syllable into one (or the whole text has been shown to be in
/// that encoding), and a text is treated as TCVN3 or VNI only when the evidence for it outweighs
/// the words the decoding would spoil. Already-correct text — Vietnamese in NFC or NFD, ASCII,
/// European names such as José or Müller — comes back unchanged apart from the clean-up.
public enum LegacyRepair {
    /// Repairs one field value.
    ///
    /// Already-clean text (the common case) costs one pass over its UTF-8 bytes and no allocation.
    /// - Parameter text: the text as received.
    /// - Returns: the repaired text, the original, the encoding undone (if any) and whether anything changed.
    public static func repair(_ text: String) -> Repaired {
        if isClean(text) { return Repaired(text: text, original: text, encoding: nil, changed: false) }
        return repairSlowly(text)
    }

    /// Repairs raw bytes: valid UTF-8 is repaired as text; anything else (TCVN3 or VNI bytes read
    /// straight from a legacy file) is first decoded as Windows-1252.
    ///
    /// - Parameter bytes: the field's bytes.
    /// - Returns: as `repair(_:)`; `original` holds the bytes as decoded.
    public static func repair(bytes: some Collection<UInt8>) -> Repaired {
        if let text = String(validating: bytes, as: UTF8.self) { return repair(text) }
        return repair(decodeWindows1252(bytes))
    }

    /// The most passes of the pipeline `repairSlowly` makes looking for a fixed point (garbage
    /// double-encoded twenty times over needs one pass per `maxDoubleUTF8Layers` layers).
    static let maxRepairRounds = 64

    /// The full pipeline, without the clean-text shortcut (tests compare the two).
    ///
    /// One pass repairs real legacy text for good. Garbage can come out of a pass still looking
    /// like legacy text that the next pass reads differently (a decision taken on a word's context
    /// changes with the words repaired around it; nested double encodings beyond
    /// `maxDoubleUTF8Layers`), so the pass is repeated while its output is not clean, until nothing
    /// changes: this keeps `repair` idempotent. Clean output costs one byte scan.
    static func repairSlowly(_ text: String) -> Repaired {
        var result = repairOnce(text)
        var rounds = 1
        while rounds < maxRepairRounds, result.changed, !isClean(result.text) {
            let again = repairOnce(result.text)
            if again.text.utf8.elementsEqual(result.text.utf8) { break }
            let singleByte = again.encoding == .tcvn3 || again.encoding == .vni
            result = Repaired(
                text: again.text, original: text, encoding: singleByte ? again.encoding : result.encoding ?? again.encoding,
                changed: !again.text.utf8.elementsEqual(text.utf8))
            rounds += 1
        }
        return result
    }

    /// One pass of the pipeline: composition, double-UTF-8, TCVN3 / VNI, clean-up.
    static func repairOnce(_ text: String) -> Repaired {
        var input = text
        if !text.unicodeScalars.allSatisfy(isNFCSafe) {
            // Decomposed but otherwise clean text (NFD input) needs nothing beyond composition.
            input = canonicallyComposed(text)
            if isClean(input) {
                return Repaired(text: input, original: text, encoding: nil, changed: !input.utf8.elementsEqual(text.utf8))
            }
        }
        var scalars = prepared(input)
        var encoding: LegacyEncoding?
        if scalars.contains(where: { highWindows1252Byte($0) != nil }) {
            var layers = 0
            while layers < maxDoubleUTF8Layers, let undone = undoDoubleUTF8(scalars) {
                scalars = undone
                layers += 1
            }
            if layers > 0 { encoding = .doubleUTF8 }
            // C1 controls left over are not text (TCVN3 and VNI letters are all above 0xA0); drop them
            // now, as the clean-up would, so the words detection sees are the words it leaves.
            scalars.removeAll { $0.value >= 0x80 && $0.value < 0xA0 && cleanupAction($0) == .drop }
            // A second round catches words the first decision left alone; it keeps repair idempotent.
            var singleByte: LegacyEncoding?
            for _ in 0..<3 {
                guard let repaired = repairSingleByte(scalars) else { break }
                scalars = repaired.scalars
                singleByte = singleByte ?? repaired.encoding
            }
            if let singleByte { encoding = singleByte }
        }
        let cleaned = cleanedUp(scalars)
        let changed = !cleaned.utf8.elementsEqual(text.utf8)
        return Repaired(text: cleaned, original: text, encoding: encoding, changed: changed)
    }

    /// The text's scalars with zero-width characters and ASCII control characters removed, composed
    /// (NFC) when needed (zero-width characters can stand between a letter and its combining mark).
    ///
    /// Both would be dropped by the clean-up anyway; dropping them first means detection sees the
    /// words the clean-up leaves ("e\u{0}á" is one word, not two), which keeps repair idempotent.
    static func prepared(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var composed = true
        for scalar in text.unicodeScalars where !isZeroWidth(scalar) && !isASCIIControl(scalar) {
            if !isNFCSafe(scalar) { composed = false }
            scalars.append(scalar)
        }
        if composed { return scalars }
        return Array(canonicallyComposed(String(String.UnicodeScalarView(scalars))).unicodeScalars)
    }

    /// ASCII control characters the clean-up drops (tab, line feed, vertical tab, form feed and
    /// carriage return become spaces instead).
    @inline(__always) static func isASCIIControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x09 || (value > 0x0D && value < 0x20) || value == 0x7F
    }
}
