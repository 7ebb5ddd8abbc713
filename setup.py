"""Ship the stylesheets, schemas and bundled edition inside the wheel.

In a checkout they live at the project's root (``xslt/``, ``schemas/``,
``tei/``); an installed wheel finds them as ``teikit/xslt`` etc., which the
library looks for first. Editable installs read the root folders directly.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_DIRS = ("xslt", "schemas", "tei")


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in DATA_DIRS:
            source = Path(name)
            if source.is_dir():
                shutil.copytree(source, Path(self.build_lib) / "teikit" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithData})
