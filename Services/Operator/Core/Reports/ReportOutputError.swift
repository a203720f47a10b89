/// A report that could not be written to its `--output` file.
struct ReportOutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String {
        "failed to write the report to \"\(path)\": \(reason); check that the folder exists and is writable"
    }
}
