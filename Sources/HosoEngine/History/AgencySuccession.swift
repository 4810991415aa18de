/// An agency's name then and now across the 2025 reorganisation (DESIGN §5, history).
///
/// Ministries merged on 1 March 2025, provincial departments the same day, provinces merged on
/// 1 July 2025 (63 → 34) and district-level government ended that day. The rules are committed
/// data: `agency-succession.tsv` (ministries, departments, district offices) and
/// `places-provinces.tsv` (old province → new province). A name no rule touches is its own
/// successor.
public struct AgencySuccession: Sendable {
    /// One change an agency went through.
    public struct Change: Sendable, Hashable {
        /// When it took effect, `YYYY-MM-DD`.
        public var date: String
        /// What happened, in Vietnamese.
        public var reason: String
    }

    /// The agency today.
    public struct Successor: Sendable, Hashable {
        /// The name today; `nil` when the agency ended without a single successor (district offices).
        public var name: String?
        /// The changes, oldest first; empty when the agency is unchanged.
        public var changes: [Change]
    }

    struct Rule: Sendable {
        var new: String?
        var change: Change
    }

    /// Whole names (loosely keyed) → successor.
    let ministries: [String: Rule]
    /// Name heads before a province → successor head.
    let departments: [(head: String, rule: Rule)]
    /// Name heads before a district → successor head (or none).
    let districts: [(head: String, rule: Rule)]
    /// Old province bare name (loosely keyed) → (old full name, new full name).
    let provinces: [String: (old: String, new: String)]

    /// The committed rules; empty rules (every name its own successor) if the tables cannot be read.
    public static let shared: AgencySuccession = (try? AgencySuccession()) ?? AgencySuccession(empty: ())

    init(empty: Void) {
        ministries = [:]
        departments = []
        districts = []
        provinces = [:]
    }

    /// Reads the committed tables.
    /// - Throws: `GeneratorError` naming the table and line at fault.
    init() throws(GeneratorError) {
        let table = try TSVTable("agency-succession.tsv", required: ["kind", "old", "new", "date", "reason"])
        var ministries: [String: Rule] = [:]
        var departments: [(String, Rule)] = []
        var districts: [(String, Rule)] = []
        for row in table.rows {
            let field = { (name: String) in String(row.fields[table.column(name)]) }
            let new = field("new")
            let rule = Rule(new: new == "-" ? nil : new, change: Change(date: field("date"), reason: field("reason")))
            switch field("kind") {
            case "ministry": ministries[Self.key(field("old"))] = rule
            case "department": departments.append((field("old"), rule))
            case "district": districts.append((field("old"), rule))
            case let other: throw .badTable(name: table.name, line: row.line, reason: "unknown kind \(other)")
            }
        }
        // Longest heads first, so "Phòng Giáo dục" is never taken for a shorter head.
        self.ministries = ministries
        self.departments = departments.sorted { $0.0.count > $1.0.count }
        self.districts = districts.sorted { $0.0.count > $1.0.count }
        let places = try TSVTable("places-provinces.tsv", required: ["new_province", "old_province"])
        var provinces: [String: (old: String, new: String)] = [:]
        for row in places.rows {
            let old = String(row.fields[places.column("old_province")])
            let new = String(row.fields[places.column("new_province")])
            provinces[Self.key(Self.bareProvince(old))] = (old, new)
        }
        self.provinces = provinces
    }

    /// The successor of `agency` today, with the changes that led there.
    public func successor(of agency: String) -> Successor {
        let trimmed = agency.trimmingSpaces
        if let rule = ministries[Self.key(trimmed)] {
            return Successor(name: rule.new, changes: [rule.change])
        }
        var changes: [Change] = []
        // "<head> tỉnh X" / "<head> Thành phố X": a province-level agency.
        if let (head, province) = Self.splitProvince(trimmed), let found = provinces[Self.key(province.bare)] {
            var newHead = head
            if let (old, rule) = departments.first(where: { Self.key(head) == Self.key($0.head) }) {
                _ = old
                newHead = rule.new ?? head
                changes.append(rule.change)
            }
            var newProvince = province.written
            if Self.key(found.old) != Self.key(found.new) {
                newProvince = Self.written(found.new)
                changes.append(Change(
                    date: "2025-07-01",
                    reason: "\(found.old) hợp nhất vào \(found.new) (Nghị quyết 202/2025/QH15); cơ quan nay thuộc \(found.new)"))
            }
            return Successor(name: changes.isEmpty ? trimmed : newHead + " " + newProvince, changes: changes)
        }
        // "<head> huyện X" (quận, thị xã, thành phố below a province): district-level government.
        if let (head, district) = Self.splitDistrict(trimmed), !head.contains(","),
            let (_, rule) = districts.first(where: { Self.key(head) == Self.key($0.head) || Self.key(head).hasPrefix(Self.key($0.head) + " ") })
        {
            return Successor(name: rule.new.map { $0 + " " + district }, changes: [rule.change])
        }
        return Successor(name: trimmed, changes: [])
    }

    // MARK: names

    /// A loose key: lower case, one kind of dash with spaces around it, single spaces.
    static func key(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            switch character {
            case "–", "—", "‐", "-": out += " - "
            default: out.append(character)
            }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// "Tỉnh Hà Giang" → "Hà Giang", "Thành phố Hà Nội" → "Hà Nội".
    static func bareProvince(_ name: String) -> String {
        for prefix in ["Tỉnh ", "tỉnh ", "Thành phố ", "thành phố "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// A province's full name as agency names write it: "tỉnh Tuyên Quang", "Thành phố Hà Nội".
    static func written(_ province: String) -> String {
        province.hasPrefix("Tỉnh ") ? "tỉnh " + province.dropFirst(5) : province
    }

    /// Splits "Sở Y tế tỉnh Hà Giang" into ("Sở Y tế", "tỉnh Hà Giang", "Hà Giang").
    static func splitProvince(_ name: String) -> (head: String, province: (written: String, bare: String))? {
        for marker in [" tỉnh ", " Tỉnh ", " Thành phố ", " thành phố "] {
            guard let range = name.range(of: marker, options: .backwards) else { continue }
            let head = String(name[..<range.lowerBound])
            let written = String(name[name.index(after: range.lowerBound)...])
            guard !head.isEmpty else { continue }
            return (head, (written, bareProvince(written)))
        }
        return nil
    }

    /// Splits a district-level agency name: ("Phòng Nội vụ", "Hoài Đức") of "Phòng Nội vụ huyện Hoài Đức".
    static func splitDistrict(_ name: String) -> (head: String, district: String)? {
        for marker in [" huyện ", " quận ", " thị xã ", " Huyện ", " Quận ", " Thị xã "] {
            if let range = name.range(of: marker) {
                return (String(name[..<range.lowerBound]), String(name[range.upperBound...]))
            }
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
