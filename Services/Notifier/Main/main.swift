import Notifier

NotifierCommand.main()
