import CallPulseKit

CallPulseCommand.main()
