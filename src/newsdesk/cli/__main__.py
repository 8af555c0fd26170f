"""`python -m newsdesk.cli`: the newsdesk command."""

from . import main

main()
