import Testing
@testable import WebConsole

@Suite("Form fields")
struct FormFieldsTests {
    @Test("decodes plus and percent escapes")
    func decoding() {
        let form = FormFields(body: Array("note=%E5%B7%B2%E5%9B%9E%E7%94%B5+ok&csrf=abc&empty=&bare".utf8))
        #expect(form["note"] == "已回电 ok")
        #expect(form["csrf"] == "abc")
        #expect(form["empty"] == "")
        #expect(form["bare"] == "")
        #expect(form["missing"] == nil)
    }

    @Test("keeps malformed escapes")
    func malformed() {
        let form = FormFields(body: Array("a=%zz%4&b=100%&c=%41".utf8))
        #expect(form["a"] == "%zz%4")
        #expect(form["b"] == "100%")
        #expect(form["c"] == "A")
    }

    @Test("first value wins")
    func firstValue() {
        #expect(FormFields(body: Array("csrf=one&csrf=two".utf8))["csrf"] == "one")
    }
}
