import HosoModel
import HosoText

extension PersonRecord {
    /// Repairs legacy-encoded and untidy text in every free-text field (DESIGN §4, last
    /// paragraph), keeping each changed field's original text in `originals`.
    ///
    /// Codes and identifiers (`id`, `national_id`, `agency_code`, `source`, dates) are left alone.
    /// Already-clean text costs one pass over its bytes.
    public mutating func repairLegacyText() {
        Self.repair(&fullName, "full_name", &originals)
        for index in otherNames.indices { Self.repair(&otherNames[index], "other_names[\(index)]", &originals) }
        switch hometown {
        case .unit(var commune, var district, var province)?:
            Self.repair(&commune, "hometown.commune", &originals)
            if var value = district {
                Self.repair(&value, "hometown.district", &originals)
                district = value
            }
            Self.repair(&province, "hometown.province", &originals)
            hometown = .unit(commune: commune, district: district, province: province)
        case .text(var text)?:
            Self.repair(&text, "hometown", &originals)
            hometown = .text(text)
        case nil:
            break
        }
        Self.repair(&ethnicity, "ethnicity", &originals)
        Self.repair(&religion, "religion", &originals)
        Self.repair(&agency, "agency", &originals)
        Self.repair(&position, "position", &originals)
        Self.repair(&grade, "grade", &originals)
        for index in workHistory.indices {
            Self.repair(&workHistory[index].agency, "work_history[\(index)].agency", &originals)
            Self.repair(&workHistory[index].position, "work_history[\(index)].position", &originals)
        }
        for index in training.indices {
            Self.repair(&training[index].institution, "training[\(index)].institution", &originals)
            Self.repair(&training[index].qualification, "training[\(index)].qualification", &originals)
        }
    }

    /// The single call site of `LegacyRepair` in ingest.
    @inline(__always)
    private static func repair(_ text: inout String, _ path: @autoclosure () -> String, _ originals: inout [OriginalText]) {
        let repaired = LegacyRepair.repair(text)
        guard repaired.changed else { return }
        if !originals.contains(where: { $0.path == path() }) {
            originals.append(OriginalText(path: path(), text: repaired.original))
        }
        text = repaired.text
    }

    private static func repair(_ text: inout String?, _ path: String, _ originals: inout [OriginalText]) {
        guard var value = text else { return }
        repair(&value, path, &originals)
        text = value
    }
}
