import Testing
import VigilContracts

@Suite("PersonalDataMasker")
struct PersonalDataMaskerTests {
    let masker = PersonalDataMasker()

    @Test("mobile numbers keep first three and last four digits", arguments: [
        ("我的电话13812345678，快点", "我的电话138****5678，快点"),
        ("打 138 1234 5678 找我", "打 138 **** 5678 找我"),
        ("号码１３８１２３４５６７８", "号码１３８****５６７８"),
        ("138-1234-5678", "138-****-5678"),
    ])
    func mobile(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("ID card numbers keep first three and last four")
    func identity() {
        #expect(masker.mask("身份证110105199003071234") == "身份证110***********1234")
        #expect(masker.mask("身份证11010519900307123X号") == "身份证110***********123X号")
        #expect(masker.mask("旧证110105900307123") == "旧证110********7123")
    }

    @Test("bank card numbers keep last four")
    func bankCard() {
        // 4111 1111 1111 1111 passes the Luhn check; 4111 1111 1111 1112 does not.
        #expect(masker.mask("卡号4111 1111 1111 1111") == "卡号**** **** **** 1111")
        #expect(masker.mask("卡号4111111111111112") == "卡号4111111111111112")
    }

    @Test("landline numbers keep the area code")
    func landline() {
        #expect(masker.mask("座机021-12345678") == "座机021-********")
        #expect(masker.mask("座机0571-8765432") == "座机0571-*******")
    }

    @Test("other numbers stay readable", arguments: [
        "我要打12315投诉", "订单号 SO13812345678", "金额 399 元", "3·15", "订单2026111100012345",
        "12345678901", "会话 demo-c02-3",
    ])
    func untouched(input: String) {
        #expect(masker.mask(input) == input)
    }

    @Test("length in scalars is kept")
    func lengthKept() {
        let text = "联系我 1 3 8 1234 5678 或 13912345678 😀"
        #expect(masker.mask(text).unicodeScalars.count == text.unicodeScalars.count)
        #expect(masker.mask("13912345678😀") == "139****5678😀")
    }
}
