import Foundation
import VigilRuntime
import WebConsole

// TODO: run the console service (read model feed and web server) once both land.
Console.printLine("vigil-console: not built yet")
exit(2)
