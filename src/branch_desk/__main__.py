import sys

from branch_desk.cli.main import main

sys.exit(main())
