import Foundation
import VigilContracts

/// Reads a case page's action form into the ``CaseCommand`` that `vigil case`
/// would send for the same action.
enum CaseActionForm {
    /// The maximum length of a note in UTF-16 code units, which the form's
    /// `maxlength` counts too. Swift's characters would let one letter with
    /// thousands of combining marks through as a single character.
    static let maximumNoteLength = 2_000

    /// The actions the pages offer, by the last segment of their form's path.
    static let actions: [String: CaseAction] = ["ack": .ack, "note": .note, "resolve": .resolve]

    /// Returns the command for `file`, with personal numbers masked in its
    /// note, or the reason the form cannot be sent (for a 400 page).
    static func command(_ action: CaseAction, file: CaseFile, form: FormFields, actor: String, issuedAt: Timestamp,
                        commandId: String, text: ConsoleText) -> Result<CaseCommand, FormProblem> {
        // Browsers send a textarea's line breaks as CR LF. A lone CR would let
        // a note overwrite its own line where `vigil case show` prints it.
        let note = form["note"]?.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if let note, note.utf16.count > maximumNoteLength {
            let length = note.utf16.count
            return .failure(FormProblem(text.pick("备注最多 \(maximumNoteLength) 个字，现有 \(length) 个。",
                                                  "A note may have at most \(maximumNoteLength) characters; "
                                                      + "this one has \(length).")))
        }
        // `vigil case show` prints notes to a terminal, where an escape
        // sequence could clear the screen or rewrite what the operator reads.
        if let note, note.unicodeScalars.contains(where: isControl) {
            return .failure(FormProblem(text.pick("备注不能包含控制字符。", "A note may not contain control characters.")))
        }

        let command = CaseCommand(commandId: commandId, caseId: file.caseId, shop: file.thread.shop,
                                  buyer: file.thread.buyer, action: action, actor: actor, issuedAt: issuedAt, note: note)
        // The form offers only ack, note and resolve, of which only note needs an argument.
        if command.argumentError != nil {
            return .failure(FormProblem(text.pick("请先填写备注。", "Write a note first.")))
        }
        // No store or report needs a number typed into a note, so it never reaches the topic.
        return .success(command.masked(by: PersonalDataMasker()))
    }

    /// True for a control character other than a line break or a tab.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
    }
}

/// The reason a form cannot be sent, in the page's language.
struct FormProblem: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

extension String {
    /// The text itself, or nil when it is empty.
    var nonEmpty: String? {
        isEmpty ? nil : self
    }
}
