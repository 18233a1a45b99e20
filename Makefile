# The front door. `make run` and `make test` build the environment when needed.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
KERNEL := newscoder
CORPUS ?= seeds
OUTPUT ?= outputs
PARAMS ?= seeds/params.yaml

.PHONY: env browser run code test lab notebooks check-notebooks bench clean lock

env: $(STAMP)

# Rebuild when the lock or the package metadata changes. Only pip and the lock's hashes are used.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (newscoder)" >/dev/null
	touch $(STAMP)

run: env
	$(PY) -m newscoder run --corpus $(CORPUS) --output $(OUTPUT) --params $(PARAMS)

# Only the coding pass: tables (CSV + Parquet) and networks, no notebooks (batch jobs).
code: env
	$(PY) -m newscoder code --corpus $(CORPUS) --output $(OUTPUT) --params $(PARAMS)

test: env browser
	$(PY) -m pytest

# The HTML tests open the report in a real headless browser: Debian's chromium, driven by the
# pinned playwright package (which never downloads a browser of its own). Installed only when
# missing; needs root (CI runs as root), otherwise install the `chromium` package yourself.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)

$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ]; then echo "chromium is missing: install Debian's chromium package (apt-get install chromium) as root, then re-run" >&2; exit 1; fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation \
	  || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation)

lab: env
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

# Re-execute the committed notebooks in place on the seed corpus (fresh kernel, top to bottom),
# after rewriting their parameters cells from lib/newscoder/params.py. Writes nothing into outputs/.
notebooks: env
	$(PY) -m newscoder notebooks

check-notebooks: notebooks
	git diff --exit-code -- notebooks/

bench: env
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(OUTPUT) .pytest_cache

# Maintainers: re-resolve the pins (hashes included) after editing pyproject.toml.
lock:
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 --no-header -o requirements.lock
	$(PY) tools/environment_yml.py
