import Testing
import VigilContracts
import WebConsole

@Suite("ConsoleViewer")
struct ConsoleViewerTests {
    private func person(_ role: RosterRole, vendor: String?) -> RosterPerson {
        RosterPerson(id: "P-1", name: "测试", role: role, reportsTo: nil, vendor: vendor, site: nil, team: nil)
    }

    @Test("the brand manager sees every vendor and records without one")
    func brandManagerSeesAll() {
        let viewer = ConsoleViewer(person: person(.brandManager, vendor: nil))
        #expect(viewer.vendorFilter == nil)
        #expect(viewer.mayView(vendor: "V-A"))
        #expect(viewer.mayView(vendor: nil))
    }

    @Test("a vendor's manager sees that vendor only")
    func vendorPersonSeesOwnVendor() {
        let viewer = ConsoleViewer(person: person(.manager, vendor: "V-A"))
        #expect(viewer.vendorFilter == "V-A")
        #expect(viewer.mayView(vendor: "V-A"))
        #expect(!viewer.mayView(vendor: "V-B"))
        #expect(!viewer.mayView(vendor: nil))
    }

    @Test("a person without a vendor sees nothing")
    func personWithoutVendorSeesNothing() {
        let viewer = ConsoleViewer(person: person(.supervisor, vendor: nil))
        #expect(viewer.vendorFilter == "")
        #expect(!viewer.mayView(vendor: "V-A"))
        #expect(!viewer.mayView(vendor: nil))
        #expect(!viewer.mayView(vendor: ""))
    }
}
