import Foundation
import HosoModel
import Testing
import TestSupport

@testable import HosoEngine

/// Agency names then and now: ministries merged on 1 March 2025, provinces on 1 July 2025.
@Suite struct AgencySuccessionTests {
    static let table = AgencySuccession.shared

    @Test(arguments: [
        ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", ["2025-03-01"]),
        ("Bộ Giao thông vận tải", "Bộ Xây dựng", ["2025-03-01"]),
        ("Bộ Lao động–Thương binh và Xã hội", "Bộ Nội vụ", ["2025-03-01"]),
        ("Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường", ["2025-03-01"]),
        ("Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường", ["2025-03-01"]),
        ("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ", ["2025-03-01"]),
        ("Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo", ["2025-03-01"]),
        ("Bộ Tài chính", "Bộ Tài chính", []),
        ("Bộ Y tế", "Bộ Y tế", []),
        ("Sở Y tế tỉnh Hà Giang", "Sở Y tế tỉnh Tuyên Quang", ["2025-07-01"]),
        ("Sở Kế hoạch và Đầu tư tỉnh Hà Giang", "Sở Tài chính tỉnh Tuyên Quang", ["2025-03-01", "2025-07-01"]),
        ("Sở Giao thông vận tải Thành phố Hà Nội", "Sở Xây dựng Thành phố Hà Nội", ["2025-03-01"]),
        ("Sở Tài nguyên và Môi trường tỉnh Bà Rịa - Vũng Tàu", "Sở Nông nghiệp và Môi trường Thành phố Hồ Chí Minh", ["2025-03-01", "2025-07-01"]),
        ("Bệnh viện Đa khoa tỉnh Quảng Bình", "Bệnh viện Đa khoa tỉnh Quảng Trị", ["2025-07-01"]),
        ("Sở Y tế tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An", []),
        ("Sở Nông nghiệp và Môi trường tỉnh Ninh Bình", "Sở Nông nghiệp và Môi trường tỉnh Ninh Bình", []),
        ("Trung tâm Y tế huyện Hoài Đức", "Trung tâm Y tế khu vực Hoài Đức", ["2025-07-01"]),
        ("Trường Trung học cơ sở Thống Nhất", "Trường Trung học cơ sở Thống Nhất", []),
        ("Ủy ban nhân dân xã Yên Sở, huyện Hoàng Mai", "Ủy ban nhân dân xã Yên Sở, huyện Hoàng Mai", []),
    ])
    func namesThenAndNow(then: String, now: String, dates: [String]) {
        let successor = Self.table.successor(of: then)
        #expect(successor.name == now, "\(then)")
        #expect(successor.changes.map(\.date) == dates, "\(then)")
    }

    @Test func districtOfficesEndedWithoutOneSuccessor() {
        let successor = Self.table.successor(of: "Phòng Nội vụ huyện Hoài Đức")
        #expect(successor.name == nil)
        #expect(successor.changes.first?.date == "2025-07-01")
        #expect(successor.changes.first?.reason.contains("cấp huyện") == true)
        #expect(Self.table.successor(of: "Ủy ban nhân dân huyện Hoài Đức").name == nil)
    }

    @Test func reasonsNameTheMerger() {
        let merged = Self.table.successor(of: "Sở Kế hoạch và Đầu tư tỉnh Hà Giang")
        #expect(merged.changes[0].reason.contains("Sở Tài chính"))
        #expect(merged.changes[1].reason.contains("Tỉnh Hà Giang hợp nhất vào Tỉnh Tuyên Quang"))
    }

    @Test func theTimelineCarriesTheNamesNow() throws {
        var record = PersonRecord(id: "HS1", fullName: "Lê Thị Hoa")
        record.workHistory = [
            WorkEntry(from: YearMonth(year: 2010, month: 9), to: YearMonth(year: 2025, month: 2), agency: "Sở Kế hoạch và Đầu tư tỉnh Hà Giang", position: "Chuyên viên"),
            WorkEntry(from: YearMonth(year: 2025, month: 3), to: nil, agency: "Sở Tài chính tỉnh Tuyên Quang", position: "Chuyên viên chính"),
        ]
        let json = try #require(try JSONSerialization.jsonObject(with: Data(HosoService.timeline(record))) as? [String: Any])
        let timeline = json["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.map { $0["agency_now"] as? String } == ["Sở Tài chính tỉnh Tuyên Quang", "Sở Tài chính tỉnh Tuyên Quang"])
        #expect((timeline[0]["agency_changes"] as? [[String: Any]])?.compactMap { $0["date"] as? String } == ["2025-03-01", "2025-07-01"])
        #expect((timeline[1]["agency_changes"] as? [[String: Any]])?.isEmpty == true)
        #expect((json["current"] as? [String: Any])?["agency_now"] as? String == "Sở Tài chính tỉnh Tuyên Quang")
        #expect(timeline.compactMap { $0["transfer"] as? Bool } == [false, false], "a merger is not a transfer")
        #expect((json["transfers"] as? [Any])?.isEmpty == true)
    }

    @Test func aMoveBeforeTheMergerOrElsewhereIsStillATransfer() throws {
        var record = PersonRecord(id: "HS2", fullName: "Lê Văn Nam")
        record.workHistory = [
            WorkEntry(from: YearMonth(year: 2010, month: 1), to: YearMonth(year: 2019, month: 12), agency: "Sở Giao thông vận tải tỉnh Nghệ An", position: "Chuyên viên"),
            WorkEntry(from: YearMonth(year: 2020, month: 1), to: YearMonth(year: 2025, month: 6), agency: "Sở Xây dựng tỉnh Nghệ An", position: "Chuyên viên"),
            WorkEntry(from: YearMonth(year: 2025, month: 7), to: nil, agency: "Sở Y tế tỉnh Nghệ An", position: "Chuyên viên"),
        ]
        let json = try #require(try JSONSerialization.jsonObject(with: Data(HosoService.timeline(record))) as? [String: Any])
        let timeline = json["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.compactMap { $0["transfer"] as? Bool } == [false, true, true], "2020 is before the 2025 merger")
    }
}
