# redflag — two commands for a newcomer on Debian:
#   make demo   set up, build (release) and run redflag on journal-samples/
#   make test   set up and run the whole test suite
SWIFT    ?= swift
PREFIX   ?= /usr/local
AS_OF    ?= 2026-11-29
SAMPLES  ?= journal-samples
SITE     ?= demo-site
BIN       = .build/release/redflag
# `redflag --version` is stamped from `git describe` (scripts/stamp-version.sh) in these builds.
STAMP     = -Xswiftc -DREDFLAG_VERSION_STAMP
MANDIR    = $(PREFIX)/share/man/man1
MANPAGE   = .build/man/redflag.1

.PHONY: all deps deps-test deps-bench build release man demo test bench fuzz format-lint format install uninstall install-check clean model

all: release

deps:
	@scripts/install-deps.sh

deps-test:
	@scripts/install-deps.sh --test

deps-bench:
	@scripts/install-deps.sh --bench

build: deps
	$(SWIFT) build

release: deps
	@scripts/stamp-version.sh >/dev/null
	$(SWIFT) build -c release --product redflag $(STAMP)

# The man page, generated from the argument-parser definitions by swift-argument-parser's
# generate-manual tool (what `swift package plugin generate-manual` runs), from the release binary.
man: release
	$(SWIFT) build -c release --product generate-manual $(STAMP)
	rm -rf .build/man && mkdir -p .build/man
	.build/release/generate-manual $(BIN) --output-directory .build/man \
	    $(if $(MAN_DATE),--date $(MAN_DATE),)

demo: release
	@echo "== redflag triage $(SAMPLES) --as-of $(AS_OF)"
	@$(BIN) triage $(SAMPLES) --as-of $(AS_OF)
	@echo
	@echo "== redflag site $(SAMPLES) --output $(SITE) --as-of $(AS_OF)"
	@$(BIN) site $(SAMPLES) --output $(SITE) --as-of $(AS_OF)
	@echo "   site: file://$(abspath $(SITE))/index.html (one dossier per client: $(SITE)/<id>.html)"
	@echo
	@echo "== redflag scan $(SAMPLES) --tag lie --tag late --tag abuse"
	@$(BIN) scan $(SAMPLES) --tag lie --tag late --tag abuse
	@echo
	@echo "== redflag tags $(SAMPLES)"
	@$(BIN) tags $(SAMPLES)
	@echo
	@echo "== redflag lint $(SAMPLES) --as-of $(AS_OF)"
	-@$(BIN) lint $(SAMPLES) --as-of $(AS_OF)

test: deps-test
	$(SWIFT) build --product redflag
	$(SWIFT) test

# Retrain the untagged-incident model (docs/detector.md): the Swift feature extractor exports the
# feature vectors of Data/detector (split with a fixed seed) and the older labelled sets, then
# scripts/train-detector.py (scikit-learn) cross-validates, trains and writes
# Sources/RedflagDetector/Resources/model/detector.bin and the parity examples.
model: deps
	$(SWIFT) build -c release --product RedflagDetectorEval
	python3 scripts/train-detector.py --tool .build/release/RedflagDetectorEval

# Build the libFuzzer target (Fuzz/RedflagFuzz, -sanitize=fuzzer,address) and run it for SECONDS
# seconds over Fuzz/Corpus; findings land in Fuzz/findings/ and fail the run.
SECONDS_FUZZ = $(if $(SECONDS),$(SECONDS),60)
fuzz: deps
	Fuzz/run.sh $(SECONDS_FUZZ)

format-lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null)

install: release man
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(MANDIR)"
	install -m 0755 $(BIN) "$(DESTDIR)$(PREFIX)/bin/redflag"
	install -m 0644 $(MANPAGE) "$(DESTDIR)$(MANDIR)/redflag.1"
	install -d "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	           "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	           "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	$(BIN) --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/redflag"
	$(BIN) --generate-completion-script zsh  > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_redflag"
	$(BIN) --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/redflag.fish"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/redflag" \
	      "$(DESTDIR)$(MANDIR)/redflag.1" \
	      "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/redflag" \
	      "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_redflag" \
	      "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/redflag.fish"

# Installs into a temporary prefix and checks what a user gets: the binary and its stamped
# --version, `man redflag` rendering from the prefix, the completions; then uninstalls and checks
# that nothing is left. CI runs it.
install-check: release man
	scripts/install-check.sh

clean:
	rm -rf .build $(SITE)

# Developer target, not CI: generate ~1, 20 and 100 MB corpora (fixed seeds) into .build-bench/, time
# redflag against the cmark CLI, the cmark-floor, ripgrep and jrnl, and write BENCHMARKS.md (needs
# hyperfine, cmark, ripgrep, GNU time, which it installs with apt-get, and jrnl, which Benchmarks/run.sh
# installs from PyPI into .build-bench/jrnl-venv when it is not on PATH). SIZES="1 20" for fewer corpora.
bench: deps-bench
	Benchmarks/run.sh
