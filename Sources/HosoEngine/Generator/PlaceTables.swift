/// UTF-8 text, ready to append to an output line.
typealias Bytes = [UInt8]

/// One administrative unit's name in the forms the generator writes.
struct PlaceName: Sendable {
    /// As in the place tables: "Xã Yên Sở", "Tỉnh Nghệ An", "Thành phố Hà Nội".
    let full: Bytes
    /// Inside an agency name: "xã Yên Sở", "tỉnh Nghệ An", "Thành phố Hà Nội" (a province that is a
    /// city keeps its capital).
    let inName: Bytes
    /// Without the type word: "Yên Sở"; a numbered unit keeps it ("Phường 6").
    let bare: Bytes
    /// As officers abbreviate it: "TP.HCM", "TP Hà Nội"; otherwise `inName`.
    let abbreviated: Bytes

    /// The forms of `full`.
    /// - Parameter province: whether the unit is a province ("Thành phố" keeps its capital inside
    ///   names and abbreviates to "TP").
    init(_ full: Substring, province: Bool) {
        self.full = Bytes(full.utf8)
        var inName = self.full
        var bare = self.full
        var abbreviated = self.full
        for (type, lower) in Self.typeWords where full.hasPrefix(type + " ") {
            let rest = full.dropFirst(type.count + 1)
            bare = Bytes((rest.first?.isNumber ?? true) ? full.utf8 : rest.utf8)
            let keepsCapital = province && type == "Thành phố"
            inName = Bytes(((keepsCapital ? type : lower) + " " + rest).utf8)
            if type == "Thành phố" || type == "Thị xã" {
                let short = rest == "Hồ Chí Minh" ? "TP.HCM" : (type == "Thành phố" ? "TP " : "TX ") + rest
                abbreviated = Bytes(short.utf8)
            } else {
                abbreviated = inName
            }
            break
        }
        self.inName = inName
        self.bare = bare
        self.abbreviated = abbreviated
    }

    /// Type words of units, longest first, with their lower-case form.
    static let typeWords: [(String, String)] = [
        ("Thành phố", "thành phố"), ("Thị trấn", "thị trấn"), ("Thị xã", "thị xã"), ("Đặc khu", "đặc khu"),
        ("Phường", "phường"), ("Quận", "quận"), ("Huyện", "huyện"), ("Tỉnh", "tỉnh"), ("Xã", "xã"),
    ]
}

/// A province of the pre-2025 map (63).
struct OldProvince: Sendable {
    /// Statistical code, two digits ("40").
    let code: Bytes
    /// The CCCD birth-registration code ("040").
    let cccd: Bytes
    let name: PlaceName
    /// Index into `PlaceTables.newProvinces`.
    let newProvince: Int
    /// Pre-2025 communes (indices into `legacyCommunes`) that have a 2025 successor.
    var communes: [Int32]
}

/// A province of the 2025 map (34).
struct NewProvince: Sendable {
    let code: Bytes
    let name: PlaceName
}

/// A pre-2025 district.
struct District: Sendable {
    let code: Bytes
    let name: PlaceName
}

/// A pre-2025 commune and the 2025 commune it (mostly) became.
struct LegacyCommune: Sendable {
    let code: Bytes
    let name: PlaceName
    let district: Int32
    let oldProvince: Int32
    /// Index into `newCommunes`, or -1 when the mapping names none.
    var newCommune: Int32
    /// Older province and district names officers still write for this commune (indices into
    /// `PlaceTables.older`), or -1.
    var olderProvince: Int32 = -1
    var olderDistrict: Int32 = -1
}

/// A unit name from before the pre-2025 map (places-older.tsv): Hà Tây, Hà Bắc, Nghệ Tĩnh…
struct OlderName: Sendable {
    let name: PlaceName
    /// The last year the name was in use.
    let until: Int
}

/// A commune of the 2025 map.
struct NewCommune: Sendable {
    let code: Bytes
    let name: PlaceName
    let newProvince: Int32
}

/// The committed place data (places-*.tsv, cccd-provinces.tsv) as the generator uses it.
///
/// A person's or an agency's whereabouts is one pre-2025 commune (a *location*): its district and
/// old province name it on the old map, its mapped 2025 commune and province on the new one.
struct PlaceTables: Sendable {
    let oldProvinces: [OldProvince]
    let newProvinces: [NewProvince]
    let districts: [District]
    let legacyCommunes: [LegacyCommune]
    let newCommunes: [NewCommune]
    let older: [OlderName]
    /// Old provinces by population (2019 census).
    let byPopulation: WeightedChoice

    /// The old province a location lies in.
    @inline(__always) func oldProvince(of location: Int32) -> Int { Int(legacyCommunes[Int(location)].oldProvince) }

    /// The 2025 commune of a location (always present: locations are drawn from mapped communes).
    @inline(__always) func newCommune(of location: Int32) -> Int { Int(legacyCommunes[Int(location)].newCommune) }

    /// The 2025 province of a location.
    @inline(__always) func newProvince(of location: Int32) -> Int {
        Int(newCommunes[newCommune(of: location)].newProvince)
    }

    /// A random location in an old province.
    @inline(__always) func location(in oldProvince: Int, _ random: inout GeneratorRandom) -> Int32 {
        let pool = oldProvinces[oldProvince].communes
        return pool[random.below(pool.count)]
    }

    /// A random location anywhere, population-weighted by province.
    @inline(__always) func location(_ random: inout GeneratorRandom) -> Int32 {
        location(in: byPopulation.pick(&random), &random)
    }

    /// The old province with a CCCD code, if any.
    func oldProvince(cccd: Substring) -> Int? {
        oldProvinces.firstIndex { $0.cccd.elementsEqual(cccd.utf8) }
    }
}
