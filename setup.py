"""Package list for setuptools; everything else is in pyproject.toml.

``resources/`` and ``seeds/`` live at the top of the repository and are mapped into the package
(``[tool.setuptools.package-dir]``); pyproject's ``packages.find`` cannot name mapped packages
next to the ones it finds, so the list is built here: every ``reader*`` package plus those two.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["reader", "reader.*"]), "reader.resources", "reader.seeds"])
