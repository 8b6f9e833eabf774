# Return to Work: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
# Python 3.11: on PATH, or pyenv's, or Debian's python3 (3.11 on bookworm; installed with
# python3-venv by the rule below where it or its venv module is missing).
PYTHON ?= $(firstword $(shell command -v python3.11) $(wildcard $(HOME)/.pyenv/versions/3.11*/bin/python3.11) $(shell command -v python3) /usr/bin/python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install lint check test-sqlite test-postgres services bench stack soak clean translations

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
		bash -c 'source scripts/services.sh && apt_install python3 python3-venv'
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

# Our own strings' Welsh: compiled with GNU gettext's msgfmt (Debian's gettext, installed where missing).
MO := locale/cy/LC_MESSAGES/django.mo
$(MO): locale/cy/LC_MESSAGES/django.po $(BIN)/.installed
	@command -v msgfmt >/dev/null || bash -c 'source scripts/services.sh && apt_install gettext'
	$(BIN)/python manage.py compilemessages -l cy --ignore=.venv -v0

translations: $(MO)

run: install translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content --programme-site --welsh
	$(BIN)/python manage.py ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Come Back to Social Work on its own host name: http://socialwork.localhost:$(PORT)/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install translations
	bash scripts/test.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports --no-cache

bench: install
	bash scripts/bench.sh

# The production shape on loopback (PostgreSQL, Redis, S3, 2 app servers behind nginx, a task
# worker) until Ctrl-C; `make soak` runs the soak test with faults against it (SOAK_ARGS="--applications 1000 --minutes 5" for a short run).
stack: install
	bash scripts/stack.sh

soak: install
	bash scripts/soak.sh $(SOAK_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media private-media staticfiles .run
