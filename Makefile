# Two entry points, both self-installing: `make run [FILE=draft.md]` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FILE ?= samples/brouillon-fr.md
GUTENBERG := extension/node_modules/.gutenberg
GUTENBERG_VERSION := 2.26.0

.PHONY: run test bench extension e2e-deps clean vsix

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tonelint check $(FILE) $(ARGS); status=$$?; [ $$status -le 1 ] || exit $$status

# One pytest-xdist worker per core (TEST_WORKERS=0: in this process, one test after another).
TEST_WORKERS ?= auto

test: $(STAMP)
	-@$(MAKE) --no-print-directory e2e-deps
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Browser tests need Debian's Chromium and Firefox ESR, driven by npm's playwright-core and
# puppeteer-core (never a downloaded browser).
# Best effort: without them the browser tests say they were skipped and why.
e2e-deps:
	@# Each step on its own: without root (no browsers installed) the npm steps still run.
	@# command:package; Neovim (nvim) drives the language server's editor test.
	@for tool in chromium firefox-esr nvim:neovim; do command -v $${tool%%:*} >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $${tool##*:}) >/dev/null; } || true; done
	@[ -d extension/node_modules/playwright-core ] && [ -d extension/node_modules/puppeteer-core ] && [ -d extension/node_modules/tinymce ] && [ -d extension/node_modules/prosemirror-view ] && [ -d extension/node_modules/lexical ] && [ -d extension/node_modules/react-dom ] || (cd extension && npm install --silent --no-package-lock >/dev/null)
	@# The real-WordPress tests: Debian's WordPress, MariaDB and PHP (its built-in web server); each test
	@# session makes its own site and database in a temporary folder and removes them.
	@[ -f /usr/share/wordpress/wp-settings.php ] && [ -x /usr/sbin/mariadbd ] && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null || \
	  { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordpress mariadb-server php-cli php-mysql) >/dev/null; } || true
	@# Gutenberg's browser build only: installing the package would pull 600 MB of its sources' dependencies.
	@[ -f $(GUTENBERG)/build-browser/isolated-block-editor.js ] || (mkdir -p $(GUTENBERG) && cd $(GUTENBERG) && \
	  npm pack --silent @automattic/isolated-block-editor@$(GUTENBERG_VERSION) >/dev/null && \
	  tar -xzf automattic-isolated-block-editor-$(GUTENBERG_VERSION).tgz --strip-components=1 package/build-browser && \
	  rm automattic-isolated-block-editor-$(GUTENBERG_VERSION).tgz)

bench: $(STAMP)
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/throughput.py

extension:
	$(PYTHON) extension/build.py

clean:
	rm -rf $(VENV) build *.egg-info

# The VS Code extension (editors/vscode: a language client only), packaged by npm's
# @vscode/vsce with its npm dependencies into $(VSIX). Install it with "Install from VSIX...".
VSIX ?= build/tonelint.vsix
vsix:
	cd editors/vscode && npm install --loglevel=error --no-package-lock --no-audit --no-fund --ignore-scripts
	mkdir -p $(dir $(abspath $(VSIX)))
	cd editors/vscode && npx --no-install vsce package --skip-license --allow-missing-repository --out $(abspath $(VSIX))
