"""`make fonts`: fetch the site's own text font from the npm registry into static/fonts/.

The site ships its font so that pages and printed summaries look, and paginate, the same on every
machine, whatever fonts it happens to have. The font is Noto Sans (SIL Open Font License 1.1), in
Fontsource's package, already subset by script and compressed as WOFF2: Latin, Cyrillic and
Cyrillic Extended (the Kazakh letters ә ғ қ ң ө ұ ү һ і), regular and bold. The files are committed;
this script is how they were made, and how to make them again for a new version. It checks every
file against the SHA-256 written below, so a changed package is noticed, not shipped.

Needs `npm` (only to run this script; the site and its tests do not).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@fontsource/noto-sans"
VERSION = "5.3.0"
TARGET = Path(__file__).resolve().parent.parent / "static" / "fonts"
FILES = {
    "noto-sans-latin-400-normal.woff2": "09aee8065d25508f23a4c3d92cd777ac869c52d93fd868a88f025d888a7937d6",
    "noto-sans-latin-700-normal.woff2": "e77bfe1db912f687b0319b60de158cfada67f89c8ee4f8e2bd6020f970accbfb",
    "noto-sans-cyrillic-400-normal.woff2": "05af9e705d3b63aedba67197d19fb448b97353e1386930716c7e835b08f126ba",
    "noto-sans-cyrillic-700-normal.woff2": "0980b97224d9130cf3f651c8ad15b9e0b1eb361d31c71259363ec2bbd5f70750",
    "noto-sans-cyrillic-ext-400-normal.woff2": "fa8331498f2c20fe4e4288eb00ed832c9ebcd8f5e7529a45a557e870baeaed93",
    "noto-sans-cyrillic-ext-700-normal.woff2": "d5af4da0950580f5fbfc64d0bffa916f813c989858b2f8558938b261a5928a0e",
}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp, check=True, capture_output=True)
        archive = next(Path(tmp).glob("*.tgz"))
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        package = Path(tmp) / "package"
        TARGET.mkdir(parents=True, exist_ok=True)
        bad = []
        for name, expected in FILES.items():
            data = (package / "files" / name).read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if expected and digest != expected:
                bad.append(f"{name}: sha256 {digest}, expected {expected}")
                continue
            (TARGET / name).write_bytes(data)
            print(f"{name}  {len(data):>6} bytes  sha256 {digest}")
        shutil.copyfile(package / "LICENSE", TARGET / "OFL.txt")
    if bad:
        print("\n".join(["The package's files differ from the ones this script knows:", *bad]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
