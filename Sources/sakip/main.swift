import SakipCLI
print("todo")
