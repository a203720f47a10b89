import Ingestion

IngestCommand.main()
