import Foundation

// vigil-parser-fuzz: fuzzes one ingestion parser, chosen by VIGIL_FUZZ_TARGET
// (ndjson, csv or body).
//
// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DVIGIL_LIBFUZZER`, it is a
// libFuzzer binary and takes libFuzzer's arguments (corpus directories,
// -max_total_time=…). Built normally, it replays the files named on the
// command line, such as a crash file libFuzzer saved.
//
// SwiftPM links executables on Linux with `--defsym main=<module>_main`,
// so this file keeps its own main and starts libFuzzer's driver from it,
// instead of the usual -parse-as-library entry that leaves that symbol undefined.

#if VIGIL_LIBFUZZER
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

// libFuzzer's runtime refers to this symbol even when the driver is given the callback.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOneInput(data, size)
}

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments, testOneInput))
#else
let paths = CommandLine.arguments.dropFirst()
if paths.isEmpty {
    FileHandle.standardError.write(Data("usage: VIGIL_FUZZ_TARGET=ndjson|csv|body vigil-parser-fuzz FILE…\n".utf8))
    exit(2)
}
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    _ = data.withUnsafeBytes { fuzzOneInput($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
    print("\(path): passed")
}
#endif
