import CallPulseCommands

CallPulseCommand.main()
