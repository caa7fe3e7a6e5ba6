"""`python -m tonelint`: the same as the `tonelint` command."""
from .cli import console_main

if __name__ == "__main__":
    console_main()
