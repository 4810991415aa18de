/// `"Nam"` or `"Nữ"`.
public enum Gender: String, Sendable, Hashable, CaseIterable {
    case male = "Nam"
    case female = "Nữ"
}

/// Employment status of a record.
public enum Status: String, Sendable, Hashable, CaseIterable {
    case active
    case retired
    case transferredOut = "transferred_out"
    case deceased
}

/// A birth date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
public struct BirthDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    /// 1–12, or `nil` when only the year is known.
    public var month: Int?
    /// 1–31 (valid for the month), or `nil`; only present with a month.
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as written in records: `1985`, `1985-07` or `1985-07-02`.
    public var description: String {
        var text = Digits.padded(year, width: 4)
        if let month {
            text += "-" + Digits.padded(month, width: 2)
            if let day { text += "-" + Digits.padded(day, width: 2) }
        }
        return text
    }
}

/// A month, written `YYYY-MM` in work histories and training.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1–12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `YYYY-MM`.
    public var description: String { Digits.padded(year, width: 4) + "-" + Digits.padded(month, width: 2) }
}

/// A hometown as written: a structured administrative unit or free text.
public enum Hometown: Sendable, Hashable {
    /// `{commune, district?, province}`: pre-2025 units carry a district, 2025-map units do not.
    case unit(commune: String, district: String?, province: String)
    /// A plain string, e.g. "Xã Yên Sở, Hoài Đức, Hà Tây".
    case text(String)
}

/// One post in a work history.
public struct WorkEntry: Sendable, Hashable {
    public var from: YearMonth
    /// `nil` means the post is current.
    public var to: YearMonth?
    public var agency: String
    public var position: String

    public init(from: YearMonth, to: YearMonth?, agency: String, position: String) {
        self.from = from
        self.to = to
        self.agency = agency
        self.position = position
    }
}

/// One course of schooling or training.
public struct TrainingEntry: Sendable, Hashable {
    public var from: YearMonth
    /// `nil` means still in progress.
    public var to: YearMonth?
    public var institution: String
    public var qualification: String

    public init(from: YearMonth, to: YearMonth?, institution: String, qualification: String) {
        self.from = from
        self.to = to
        self.institution = institution
        self.qualification = qualification
    }
}

/// A field not named in DESIGN §2, kept as it arrived.
public struct ExtraField: Sendable, Hashable {
    /// The JSON key.
    public var name: String
    /// The value's JSON text, exactly as sent (e.g. `{"a":1}` or `"x"`).
    public var json: String

    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}

/// The text a field had before ingest repaired it.
public struct OriginalText: Sendable, Hashable {
    /// The field path: `full_name`, `hometown.province`, `work_history[2].agency`, `other_names[0]`.
    public var path: String
    /// The text as received.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

enum Digits {
    /// `value` in decimal, zero-padded on the left to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
