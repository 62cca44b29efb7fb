"""PyInstaller entry point: the same `branch-desk` command as the installed package."""

import multiprocessing
import sys

from branch_desk.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a worker process is ever started
    sys.exit(main())
