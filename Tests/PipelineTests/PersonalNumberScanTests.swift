import Testing

/// The search the personal data test relies on: it must find numbers however
/// they are written and leave identifiers, times and figures alone.
@Suite("Personal number scan")
struct PersonalNumberScanTests {
    @Test("finds personal numbers as people write them", arguments: [
        "电话13920467781", "号码 139 2046 7781", "+86 186-0731-2259", "+8618607312259", "电话１５８６７２１４４０９",
        "身份证32010619851123017X", "身份证 510107197806305826", "卡 6217 0012 3456 7890 122",
        "卡号6222020200112233446，", "6258-0730-1234-5677", "电话幺三七零二四六八一三五",
    ])
    func findsShapes(text: String) {
        #expect(PersonalNumberScan.shapedNumbers(in: text).count == 1, "\(text)")
    }

    @Test("leaves identifiers, masked numbers, times and figures alone", arguments: [
        "jd-88c9c15919666414", "mt-dev-90077871", "buyer-10151805", "O-537203294", "139****7781",
        "１５８****４４０９", "320***********017X", "**** **** **** ***0 122", "2026-11-12T09:00:00+08:00",
        "\"raisedAt\":1794362511000", "订单6222020200112233445", "12315", "1245.15", "case-13920467781ab",
        "\"value\":0.9473684210526315", "金额 1.13920467781",
        "case-3999171461122208", "shop/13920467781", "| 139 | 2046 | 7781 |", "12  1392  0467  7813  4567",
    ])
    func ignoresOthers(text: String) {
        #expect(PersonalNumberScan.shapedNumbers(in: text).isEmpty, "\(text)")
    }

    @Test("finds a known number in any form, and not a masked one")
    func knownNumbers() {
        let numbers = ["13920467781", "32010619851123017X", "13702468135"]
        for text in ["139-2046-7781", "１３９２０４６７７８１", "3201061985 1123017x", "电话幺三七零二四六八一三五",
                     "+86  139 - 2046 - 7781"] {
            #expect(PersonalNumberScan.knownNumbers(numbers, in: text).count == 1, "\(text)")
        }
        for text in ["139****7781", "320***********017X", "幺三七****一三五"] {
            #expect(PersonalNumberScan.knownNumbers(numbers, in: text).isEmpty, "\(text)")
        }
    }
}

extension PersonalNumberScanTests {
    @Test("finds each of several numbers in one run")
    func severalInOneRun() {
        let found = PersonalNumberScan.shapedNumbers(in: "号码 13920467781 13011225566，卡 6258 0730 1234 5677")
        #expect(found.map(\.number) == ["13920467781", "13011225566", "6258 0730 1234 5677"])
    }
}
