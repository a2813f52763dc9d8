"""The apps' layers (#34 item 3): README's picture is the import-linter contract `make lint` checks,
and the contract covers every app of the project."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.backend_agnostic


def contract() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return {"roots": config["root_packages"], "layers": layers["layers"]}


def readme_layers() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## How the site is built\n\n```\n(.*?)```", text, re.DOTALL).group(1)
    return [re.split(r"\s{3,}", line.strip())[0] for line in block.splitlines() if line.strip()]


def test_the_readme_shows_the_layers_the_contract_checks():
    assert readme_layers() == contract()["layers"]


def test_every_app_is_in_a_layer():
    apps = sorted(
        d.name
        for d in ROOT.iterdir()
        if d.is_dir() and (d / "__init__.py").exists() and (d / "apps.py").exists() or d.name == "lawsite"
    )
    layered = sorted(name.strip() for line in contract()["layers"] for name in line.split("|"))
    assert apps == layered == sorted(contract()["roots"])
