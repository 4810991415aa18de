/// Checks of the fixed-format values in a record, done on UTF-8 bytes.
enum RecordFormats {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real calendar date.
    ///
    /// - Returns: the date, or `nil` when the text has another shape or names no real day.
    static func birthDate(_ text: UnsafeBufferPointer<UInt8>) -> BirthDate? {
        guard text.count == 4 || text.count == 7 || text.count == 10,
            let year = number(text, 0, 4), year >= 1
        else { return nil }
        if text.count == 4 { return BirthDate(year: year) }
        guard text[4] == UInt8(ascii: "-"), let month = number(text, 5, 2), (1...12).contains(month) else { return nil }
        if text.count == 7 { return BirthDate(year: year, month: month) }
        guard text[7] == UInt8(ascii: "-"), let day = number(text, 8, 2), day >= 1, day <= daysIn(month, of: year)
        else { return nil }
        return BirthDate(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM`.
    ///
    /// - Returns: the month, or `nil` for any other shape or a month outside 1–12.
    static func yearMonth(_ text: UnsafeBufferPointer<UInt8>) -> YearMonth? {
        guard text.count == 7, text[4] == UInt8(ascii: "-"), let year = number(text, 0, 4), year >= 1,
            let month = number(text, 5, 2), (1...12).contains(month)
        else { return nil }
        return YearMonth(year: year, month: month)
    }

    /// Whether the text is an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func isTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 20, let date = birthDate(UnsafeBufferPointer(rebasing: text[0..<10])), date.day != nil,
            text[10] == UInt8(ascii: "T") || text[10] == UInt8(ascii: "t") || text[10] == UInt8(ascii: " "),
            let hour = number(text, 11, 2), hour < 24, text[13] == UInt8(ascii: ":"),
            let minute = number(text, 14, 2), minute < 60, text[16] == UInt8(ascii: ":"),
            let second = number(text, 17, 2), second <= 60
        else { return false }
        var position = 19
        if text[position] == UInt8(ascii: ".") {
            position += 1
            let start = position
            while position < text.count, isDigit(text[position]) { position += 1 }
            guard position > start else { return false }
        }
        guard position < text.count else { return false }
        switch text[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return position + 1 == text.count
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard position + 6 == text.count, let offsetHour = number(text, position + 1, 2), offsetHour < 24,
                text[position + 3] == UInt8(ascii: ":"), let offsetMinute = number(text, position + 4, 2), offsetMinute < 60
            else { return false }
            return true
        default:
            return false
        }
    }

    /// The number of days in `month` (1–12) of `year`, by the Gregorian calendar.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The decimal number written by `count` digits at `offset`, or `nil` if any is not a digit.
    @inline(__always)
    static func number(_ text: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> Int? {
        var value = 0
        for position in offset..<(offset + count) {
            let byte = text[position]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
