/// The pages read the store through the queries the web layer declares.
extension ConsoleReadModel: ConsoleReadModelReading {}
