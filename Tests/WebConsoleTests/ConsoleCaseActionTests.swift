import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilTestSupport
import WebConsole

@Suite("Console case actions")
struct ConsoleCaseActionTests {
    private let casePath = "/cases/\(ConsoleSamples.baixingCaseId)"

    @Test("ack publishes command with actor")
    func acknowledge() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: casePath)

        let response = try browser.post("\(casePath)/ack", form: [("csrf", token)])
        #expect(response.status == 303)
        let location = try #require(response.headers["Location"])
        #expect(location.hasPrefix("\(casePath)?command="))

        let records = try fixture.topics.records(of: fixture.topics.catalogue.caseCommands)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.key.map { String(decoding: $0, as: UTF8.self) } == ConsoleSamples.baixingThread.recordKey)
        let command = try EventCoding.decode(CaseCommand.self, from: record.value)
        #expect(command.action == .ack)
        #expect(command.actor == ConsoleSamples.baixingManager.id)
        #expect(command.caseId == ConsoleSamples.baixingCaseId)
        #expect(command.thread == ConsoleSamples.baixingThread)
        #expect(command.issuedAt == ConsoleSamples.time("09:40"))
        #expect(location == "\(casePath)?command=\(command.commandId)")
        #expect(command.argumentError == nil)

        let pending = try browser.get(location).text
        #expect(pending.contains("id=\"command-outcome\" data-reload-seconds=\"3\""))
        #expect(pending.contains("等待升级服务处理"))

        var applied = ConsoleSamples.entry(.acknowledged, thread: ConsoleSamples.baixingThread,
                                           agent: ConsoleSamples.baixingAgent, at: "09:40", state: .acknowledged,
                                           text: "杭州项目经理确认了案件", "杭州项目经理 acknowledged the case")
        applied.actor = command.actor
        applied.commandId = command.commandId
        applied.action = .ack
        applied.acknowledgedAt = command.issuedAt
        fixture.data.store.append(applied)
        let done = try browser.get(location).text
        #expect(done.contains("已执行：杭州项目经理确认了案件"))
        #expect(!done.contains("data-reload-seconds"))
        #expect(!done.contains("id=\"action-ack\""), "an acknowledged case offers no ack form")
    }

    @Test("rejected command shown")
    func rejected() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: casePath)
        let location = try #require(try browser.post("\(casePath)/resolve", form: [("csrf", token)]).headers["Location"])
        let command = try #require(try fixture.publishedCommands().first)
        #expect(command.action == .resolve)
        #expect(command.note == nil)

        var rejection = ConsoleSamples.entry(.commandRejected, thread: ConsoleSamples.baixingThread,
                                             agent: ConsoleSamples.baixingAgent, at: "09:40", state: .open,
                                             text: "拒绝结案：案件尚未确认", "Resolve rejected: not acknowledged")
        rejection.commandId = command.commandId
        rejection.actor = command.actor
        rejection.action = .resolve
        fixture.data.store.append(rejection)
        let page = try browser.get(location + "&lang=en").text
        #expect(page.contains("Rejected: Resolve rejected: not acknowledged"))
        let chinese = try browser.get(location + "&lang=zh").text
        #expect(chinese.contains("<td>\(CaseAction.resolve.label.chinese)</td>"), "the refused command's action in Chinese")
        #expect(!chinese.contains("<td>resolve</td>"))
    }

    @Test("note is masked before publishing")
    func maskedNote() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: casePath)
        let response = try browser.post("\(casePath)/note", form: [("csrf", token), ("note", "  已回电，顾客新号码 13912345678  ")])
        #expect(response.status == 303)
        let command = try #require(try fixture.publishedCommands().first)
        #expect(command.action == .note)
        #expect(command.note == "已回电，顾客新号码 139****5678")
    }

    @Test("note without text gets 400")
    func emptyNote() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: casePath)
        let response = try browser.post("\(casePath)/note", form: [("csrf", token), ("note", "   ")])
        #expect(response.status == 400)
        #expect(response.text.contains("请先填写备注"))
        let long = try browser.post("\(casePath)/note", form: [("csrf", token), ("note", String(repeating: "长", count: 2_001))])
        #expect(long.status == 400)
        #expect(try fixture.publishedCommands().isEmpty)
    }

    @Test("note length counted as the form's maxlength counts")
    func noteLengthInFormUnits() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: casePath)
        // One character to Swift, 2,501 to the browser's maxlength (UTF-16 code units).
        let stacked = "a" + String(repeating: "\u{0301}", count: 2_500)
        #expect(try browser.post("\(casePath)/note", form: [("csrf", token), ("note", stacked)]).status == 400)
        #expect(try browser.post("\(casePath)/note", form: [("csrf", token), ("note", String(repeating: "😀", count: 1_001))])
                    .status == 400)
        #expect(try fixture.publishedCommands().isEmpty)

        let longest = String(repeating: "😀", count: 1_000)
        #expect(try browser.post("\(casePath)/note", form: [("csrf", token), ("note", longest)]).status == 303,
                "a note the form lets through is sent")
        #expect(try fixture.publishedCommands().first?.note == longest)
    }

    @Test("note with control characters gets 400")
    func controlCharacters() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: casePath)
        // `vigil case show` prints notes to a terminal, where these would clear the screen or ring.
        for note in ["已回电 \u{1B}[2J\u{1B}[31m", "响铃\u{07}", "空字符\u{0}", "C1 \u{9B}31m"] {
            let response = try browser.post("\(casePath)/note", form: [("csrf", token), ("note", note)])
            #expect(response.status == 400, "\(note.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(response.text.contains("控制字符"))
        }
        #expect(try fixture.publishedCommands().isEmpty)

        let lines = "第一行\r\n第二行\t完\r末行"
        #expect(try browser.post("\(casePath)/note", form: [("csrf", token), ("note", lines)]).status == 303,
                "a textarea's line breaks and tabs are text")
        #expect(try fixture.publishedCommands().first?.note == "第一行\n第二行\t完\n末行", "every line break is LF")
    }

    @Test("missing form token gets 403")
    func missingToken() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        #expect(try browser.post("\(casePath)/ack", form: []).status == 403)
        #expect(try browser.post("\(casePath)/ack", form: [("csrf", String(repeating: "f", count: 64))]).status == 403)

        let other = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let othersToken = try other.formToken(from: casePath)
        #expect(try browser.post("\(casePath)/ack", form: [("csrf", othersToken)]).status == 403,
                "another session's token does not count")
        #expect(try fixture.publishedCommands().isEmpty)
    }

    @Test("another vendor's case rejects actions")
    func otherVendorsCase() throws {
        let fixture = try ConsoleFixture()
        let huayu = try fixture.browser(signedInWith: ConsoleSamples.huayuToken)
        let token = try huayu.formToken(from: "/cases/\(ConsoleSamples.huayuCaseId)")
        for action in ["ack", "note", "resolve"] {
            let response = try huayu.post("\(casePath)/\(action)", form: [("csrf", token), ("note", "x")])
            #expect(response.status == 404, "\(action)")
        }
        #expect(try huayu.post("/cases/\(ConsoleSamples.huayuCaseId)/escalate", form: [("csrf", token)]).status == 404,
                "only ack, note and resolve are offered")
        #expect(try fixture.publishedCommands().isEmpty)
    }
}
