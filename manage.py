#!/usr/bin/env python
"""Run Django administrative tasks for the USDataBiz console."""

import os
import sys


def main():
    """Run the command line given in sys.argv."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
