# Two commands do everything on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
# pytest-xdist: two workers, each given whole test files (so a file's fixtures are made once), each
# with its own test database and, when its tests need one, its own served copy of the site.
# PYTEST_WORKERS=0 runs everything in this one process.
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup install run serve test test-postgres test-deploy lint format messages screenshots bench fonts clean

setup: install
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) compile_translations
	DJANGO_STATIC_MANIFEST=1 $(MANAGE) collectstatic --no-input -v0
	$(MANAGE) load_content
	$(MANAGE) load_official
	$(MANAGE) relink_glossary

install: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

run: setup serve

serve:
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/gunicorn lawsite.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: setup lint
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) load_content --check
	$(MANAGE) load_official --check
	$(PYTEST) $(PYTEST_ARGS)

# The production topology on loopback: nginx (deploy/nginx/ailaw.conf), two gunicorn instances,
# PostgreSQL and Redis, started and stopped by the test (as root; .ci/run installs the packages).
# It migrates, collects and loads into databases and folders of its own: no `setup` needed.
test-deploy: install
	$(MANAGE) compile_translations
	RUN_DEPLOY_TEST=1 $(BIN)/pytest -q -p no:cacheprovider tests/deploy $(PYTEST_ARGS)

# Again on PostgreSQL (set DATABASE_URL; .ci/run starts a local server), the tests whose result can
# depend on the database: not the browser tests, not those that start processes of their own
# (`system`: they use SQLite copies), not those that cannot depend on it (`backend_agnostic`). See
# the markers in pyproject.toml; a new test module runs on both until someone marks it. pytest
# creates and migrates its own test database, so nothing else is set up here.
test-postgres: install
	@test -n "$(DATABASE_URL)" || (echo "Set DATABASE_URL=postgres://user:pass@host/db" && exit 2)
	$(MANAGE) compile_translations
	DATABASE_URL=$(DATABASE_URL) $(PYTEST) -m "not browser and not system and not backend_agnostic" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Re-extract interface strings into locale/*/django.po (needs GNU gettext's xgettext).
messages: install
	$(MANAGE) makemessages --locale kk --locale ru --locale en --no-obsolete --no-location --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'node_modules/*' --ignore 'tests/*'
	$(MANAGE) compile_translations

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# Load and speed: gunicorn with DEBUG off, measured by wrk (apt-get install wrk). Loopback only.
bench: setup
	$(BIN)/python scripts/bench.py

# Pictures of the site and of its printed pages for the README, in docs/ (needs Chromium).
screenshots: setup
	$(BIN)/python scripts/screenshots.py

# The site's own font (Noto Sans, WOFF2) from the npm registry into static/fonts/ (needs npm; the
# files are committed, so only a font upgrade needs this).
fonts:
	$(PYTHON) scripts/fetch_fonts.py
