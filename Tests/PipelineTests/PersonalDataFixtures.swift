import Foundation
import VigilContracts

/// Synthetic records with personal numbers in Tests/Fixtures/personal-data,
/// written for the personal data test. The chat messages of shop
/// `shop-pii-demo` raise alerts and open cases. The complaints quote numbers
/// in their summaries, ingestion rejects the rejected records, and the case
/// commands quote numbers in notes, plans and reviews. The shared chats
/// carry no real numbers (their corpora replaced the digits), so without
/// these records a search of the outputs could never fail.
enum PersonalDataFixtures {
    static var folder: URL {
        SharedData.packageRoot.appendingPathComponent("Tests/Fixtures/personal-data")
    }

    static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The files ingested after the shared data.
    static let chats = file("chats.ndjson")
    static let complaints = file("complaints.ndjson")
    static let rejected = file("rejected.ndjson")

    static let shop = "shop-pii-demo"

    /// Every personal number in the fixtures, as digits (X for an ID card's
    /// check character) whatever form the fixture writes it in: spaced,
    /// hyphenated, after +86, full width, or in Chinese numerals (13702468135).
    static let numbers = [
        // Mobile numbers.
        "13920467781", "18607312259", "15867214409", "17756093318", "13011225566", "13588026614", "18267540931",
        "13702468135",
        // ID card numbers.
        "32010619851123017X", "44030419920215314X", "510107197806305826", "51010719780630513X",
        // Bank card numbers.
        "6217001234567890122", "6222020200112233446", "4367420055123482", "6258073012345677",
    ]

    /// The buyers whose conversations raise alerts.
    static let alertedBuyers = ["buyer-pii-01", "buyer-pii-02", "buyer-pii-03", "buyer-pii-04"]

    /// Records of the rejected file: an unknown agent, a time that is a phone number, and broken JSON.
    static let rejectedCount = 3

    /// One line of case-commands.ndjson: a `vigil case` command on a buyer's case.
    struct CaseStep: Decodable {
        var buyer: String
        var action: String
        var actor: String
        var at: String
        var options: [String]

        var caseId: String { CaseEvent.caseId(for: ThreadKey(shop: PersonalDataFixtures.shop, buyer: buyer)) }
    }

    static func caseSteps() throws -> [CaseStep] {
        let text = try String(contentsOf: file("case-commands.ndjson"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(CaseStep.self, from: Data($0.utf8)) }
    }

    /// The time `vigil clock` declares after the commands, so escalation applies them all.
    static let clockTime = "2026-11-16T00:00:00+08:00"
}
