import SakipCLI

await SakipCommand.run()
