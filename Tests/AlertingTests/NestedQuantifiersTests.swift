import Foundation
import Testing
@testable import Alerting

@Suite("NestedQuantifiers")
struct NestedQuantifiersTests {
    @Test("a repeated group that repeats without bound is found", arguments: [
        (#"(\d+)+$"#, #"(\d+)+"#),
        (#"(\d+)*"#, #"(\d+)*"#),
        (#"(?:a*b?)*c"#, #"(?:a*b?)*"#),
        (#"(x+y){2,}"#, #"(x+y){2,}"#),
        (#"((\d+))+"#, #"((\d+))+"#),
        (#"(a(b{1,}))+"#, #"(a(b{1,}))+"#),
        (#"([0-9]+[,.]?)+$"#, #"([0-9]+[,.]?)+"#),
        (#"(\s*\S+?)+?x"#, #"(\s*\S+?)+?"#),
        (#"工商|(投诉.*)+"#, #"(投诉.*)+"#),
    ])
    func found(pattern: String, group: String) {
        #expect(NestedQuantifiers.first(in: pattern) == group)
    }

    @Test("bounded, atomic and possessive repeats pass", arguments: [
        #"(?<![0-9])(12315|12345|12331)(?![0-9])"#,
        #"(发|挂|传|晒|曝).{0,4}网上"#,
        #"(找|叫|让|换|要求).{0,6}(领导|经理|主管|上级|负责人|老板|店长)"#,
        #"(?<![0-9号楼栋室房舍])315(?![0-9]|\s*的?(ml|毫升|元))"#,
        #"(\d+){2,5}"#,
        #"(\d+)?x"#,
        #"(\d)+"#,
        #"(?>\d+)+$"#,
        #"(\d++)+$"#,
        #"(\d+)++$"#,
        #"\(\d+\)+"#,
        #"[(]\d+[)]+"#,
        #"([)+]\d)+"#,
        #"\Q(\d+)+\E"#,
        #"(?#note)(\d)+"#,
        #"\p{Han}+(\d)+"#,
    ])
    func passes(pattern: String) {
        #expect(NestedQuantifiers.first(in: pattern) == nil, "\(pattern)")
    }

    /// The shape the check rejects really is slow: ICU needs far longer for
    /// the nested form than for the flat one on the same text.
    @Test("the rejected shape is the slow one")
    func rejectedShapeIsSlow() throws {
        let text = String(repeating: "1", count: 20) + "号"
        func duration(_ pattern: String) throws -> Duration {
            let expression = try NSRegularExpression(pattern: pattern)
            let clock = ContinuousClock()
            return clock.measure {
                _ = expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
            }
        }
        let nested = try duration(#"(\d+)+$"#)
        let flat = try duration(#"\d+$"#)
        #expect(nested > flat * 100, "nested \(nested), flat \(flat)")
    }
}
