"""The script to give spark-submit: ``polemos spark-ingest`` with the arguments after it.

    spark-submit --master yarn "$(python -m polemos.spark.submit --path)" \\
        hdfs:///corpus/ --out hdfs:///polemos/coded
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--path"]:  # where this file is, for the spark-submit command line
        sys.stdout.write(__file__ + "\n")
        return
    from polemos.cli import main as cli_main

    sys.argv = ["polemos", "spark-ingest", *sys.argv[1:]]
    cli_main()


if __name__ == "__main__":
    main()
