import Foundation
import VigilRuntime
import WebConsole

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "hash-token" {
    ConsoleHashTokenCommand.main(arguments: Array(arguments.dropFirst()), environment: ProcessEnvironment.current)
}

// TODO: run the console service (read model feed and web server) once both land.
Console.printLine("vigil-console: not built yet")
exit(2)
