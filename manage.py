#!/usr/bin/env python
from dearreader.cli import main

if __name__ == "__main__":
    main()
