/// Every Vietnamese administrative unit on the 2025 map, the pre-2025 map and the older names
/// officers still write, with the commune-level mapping between the maps (DESIGN §4, "Hometown
/// and agency"). Built once from the committed tables under `data/tables`; immutable afterwards.
///
/// Units are numbered densely; all relations are flat arrays indexed by unit (`GazetteerRelation`),
/// and names are found through one dictionary of folded keys.
public final class Gazetteer: Sendable {
    /// The gazetteer of the bundled tables, loaded on first use. If the tables cannot be read it is
    /// empty and `loadError` says why (check it at start-up; lookups then find nothing).
    public static let shared: Gazetteer = {
        do throws(GazetteerError) {
            return try Gazetteer.loadBundled()
        } catch {
            return Gazetteer(empty: error)
        }
    }()

    /// Why loading failed, for the empty gazetteer `shared` falls back to; nil when loaded.
    public let loadError: GazetteerError?

    /// Sentinel for "no unit".
    static let none = UInt32.max
    /// Flag bit in `successors` values: this 2025 commune took only a part of the old commune.
    static let partBit: UInt32 = 1 << 31
    /// Flag bit in `keyEntries` values: the key is an alias of the unit.
    static let aliasBit: UInt32 = 1 << 31

    let units: [GazetteerUnit]
    /// Every unit's extent as pre-2025 units: itself for a pre-2025 unit, the merged communes of
    /// a 2025 commune, the merged provinces of a 2025 province, the covered units of an older name.
    let footprints: GazetteerRelation
    /// Pre-2025 leaf (commune, or island district without communes) → 2025 communes, the
    /// default one first; values carry `partBit` when the old commune was divided.
    let successors: GazetteerRelation
    /// 2025 commune → the pre-2025 leaves merged (wholly or partly) into it.
    let predecessors: GazetteerRelation
    /// Province → districts or (2025) communes, district → communes.
    let children: GazetteerRelation
    /// Pre-2025 unit → older names whose extent lists it directly.
    let olderCovering: GazetteerRelation
    /// Pre-2025 province → the 2025 province it was merged into; `none` for other units.
    let newProvince: [UInt32]
    /// Folded key → slot in `keyEntries`.
    let keySlots: [String: UInt32]
    /// Slot → units named by that key (`aliasBit` when through an alias).
    let keyEntries: GazetteerRelation
    let aliasCount: Int

    init(storage: GazetteerStorage) {
        loadError = nil
        units = storage.units
        footprints = storage.footprints
        successors = storage.successors
        predecessors = storage.predecessors
        children = storage.children
        olderCovering = storage.olderCovering
        newProvince = storage.newProvince
        keySlots = storage.keySlots
        keyEntries = storage.keyEntries
        aliasCount = storage.aliasCount
    }

    private init(empty error: GazetteerError) {
        loadError = error
        units = []
        let emptyRelation = GazetteerRelation(starts: [0], values: [])
        footprints = emptyRelation
        successors = emptyRelation
        predecessors = emptyRelation
        children = emptyRelation
        olderCovering = emptyRelation
        newProvince = []
        keySlots = [:]
        keyEntries = emptyRelation
        aliasCount = 0
    }

    /// The public view of unit `index`.
    func placeName(_ index: UInt32, viaAlias: Bool = false) -> PlaceName {
        let unit = units[Int(index)]
        return PlaceName(
            id: PlaceID(index), name: unit.name, fullName: unit.fullName, unitType: unit.kind.word,
            level: unit.level, era: unit.era, code: unit.code,
            until: unit.until == 0 ? nil : Int(unit.until), viaAlias: viaAlias)
    }

    /// The same-era parent of `index`, or `none`.
    @inline(__always)
    func parent(_ index: UInt32) -> UInt32 { units[Int(index)].parent }
}

/// One unit as stored.
struct GazetteerUnit: Sendable {
    /// Name without type word (with it for numbered units), as in `PlaceName.name`.
    let name: String
    let fullName: String
    let code: String
    let kind: GazetteerUnitKind
    let level: PlaceLevel
    let era: PlaceEra
    /// Same-era parent (pre-2025 commune → district → province; 2025 commune → province).
    let parent: UInt32
    /// Older names: last year in use; 0 otherwise.
    let until: Int16
    /// Equal for units of the same level and full name (on any map): a cheap name identity.
    let nameID: UInt32
}

/// Everything a gazetteer holds, as the loader builds it.
struct GazetteerStorage {
    var units: [GazetteerUnit]
    var footprints: GazetteerRelation
    var successors: GazetteerRelation
    var predecessors: GazetteerRelation
    var children: GazetteerRelation
    var olderCovering: GazetteerRelation
    var newProvince: [UInt32]
    var keySlots: [String: UInt32]
    var keyEntries: GazetteerRelation
    var aliasCount: Int
}
