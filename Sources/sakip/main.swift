import SakipCLI

SakipCommand.run()
