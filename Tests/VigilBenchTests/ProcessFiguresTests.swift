import Testing
@testable import VigilBenchKit

@Suite("Process figures")
struct ProcessFiguresTests {
    @Test("VmRSS and VmHWM from /proc/PID/status")
    func memory() {
        let status = """
            Name:\tvigil-alerting
            VmPeak:\t  812344 kB
            VmHWM:\t   70512 kB
            VmRSS:\t   61000 kB
            Threads:\t9
            """

        #expect(ProcessMemory.parse(status: status) == ProcessMemory(residentKilobytes: 61_000, peakResidentKilobytes: 70_512))
    }

    @Test("a zombie's status has no memory")
    func zombie() {
        #expect(ProcessMemory.parse(status: "Name:\tvigil\nState:\tZ (zombie)\n") == nil)
    }

    @Test("this process has memory")
    func ownProcess() throws {
        let memory = try #require(ProcessMemory.read(pid: getpid()))

        #expect(memory.peakResidentKilobytes >= memory.residentKilobytes)
        #expect(memory.residentKilobytes > 0)
    }

    @Test("load averages from /proc/loadavg")
    func loadAverage() {
        #expect(LoadAverage.parse("0.52 1.58 7.91 3/467 12345\n") == LoadAverage(one: 0.52, five: 1.58, fifteen: 7.91))
        #expect(LoadAverage.parse("") == nil)
        #expect(LoadAverage(one: 0.5, five: 1, fifteen: 1.25).description == "0.50, 1.00, 1.25")
    }

    @Test("child exit status")
    func childProcess() throws {
        let child = try ChildProcess(name: "sh", executable: "/bin/sh", arguments: ["-c", "exit 3"],
                                     environment: [:], logPath: "/dev/null")

        let exit = child.wait(timeoutSeconds: 10)

        #expect(exit.status == 3)
        #expect(!child.isRunning)
    }

    @Test("child stopped by SIGTERM")
    func terminated() throws {
        let child = try ChildProcess(name: "sleep", executable: "/bin/sleep", arguments: ["30"],
                                     environment: [:], logPath: "/dev/null")

        #expect(child.isRunning)
        #expect(child.stop(timeoutSeconds: 10).status == 143)
        // The memory of sleep, read before the signal, not that of this much larger test process.
        #expect(child.peakResidentKilobytes > 0)
        #expect(child.peakResidentKilobytes < (ProcessMemory.read(pid: getpid())?.residentKilobytes ?? 0))
    }
}

#if canImport(Glibc)
import Glibc
#endif
