import WebConsole

ConsoleCommand.main()
