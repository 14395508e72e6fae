#!/usr/bin/env python3
"""Train the untagged-incident model (`make model`).

1. Splits the authors' data (Data/detector/*.jsonl, see Data/detector/README.md) into a fixed,
   seeded, stratified held-out test part (Data/detector/split/test.jsonl: never trained or tuned on)
   and the training part (Data/detector/split/train.jsonl).
2. Asks the Swift feature extractor for the feature vectors (`RedflagDetectorEval features`), so that
   training and inference read exactly the same features.
3. Picks the regularisation by k-fold cross-validation on the training part (plus the older labelled
   sets of Tests/RedflagKitTests/Fixtures/lint-eval, all of them already tuned on or spent), reports
   the cross-validation figures, fits a multinomial logistic regression (class `none` + one per sign)
   on all of it, prunes and quantises the weights and writes
   Sources/RedflagDetector/Resources/model/detector.bin.
4. Writes a few parity examples (text + the probabilities computed here from the quantised weights)
   to Tests/RedflagKitTests/Fixtures/detector-parity.jsonl: the Swift test checks that its inference
   gives the same probabilities.

Deterministic for a given input: fixed seeds, sorted files, one BLAS/OpenMP thread (a sum split
across threads is added in another order, and the solver's path then differs in the last bits; the
thread count must not depend on the machine), weights written from the float32 values the Swift
side reads. Two runs from a clean checkout write bit-identical files (docs/detector.md). Needs
numpy, scipy and scikit-learn.
"""
import os

# Before numpy/scipy/scikit-learn load their BLAS and OpenMP runtimes: one thread each.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse
import json
import random
import re
import struct
import subprocess
import sys
from collections import Counter, defaultdict

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

SIGNS = ["abuse", "lie", "unreasonable", "late", "dispute", "changed-mind", "ignored-advice", "competitor", "legal"]
CLASSES = ["none"] + SIGNS
HASH_BITS = 18
# Blind sets in Tests/RedflagKitTests/Fixtures/lint-eval that guard the detector: never trained on.
# (blind-3 was measured once in session 4 and is spent: it is training data in Data/detector/spent/.)
FROZEN_BLIND_SETS = {"blind-4"}
# Per-sign class weights: the incidents of these signs weigh more in training (they were the least
# recalled and most often mis-tagged on blind-5). Chosen by 5-fold cross-validation with a rule
# written down before the figures were read (docs/detector.md, "Issue 11w").
SIGN_WEIGHTS = {"abuse": 2.0, "competitor": 2.0, "legal": 2.0}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def label(row):
    tags = [t.lstrip("#").lower() for t in row.get("tags", [])]
    tags = ["abuse" if t.startswith("abuse") else t for t in tags]
    signs = [t for t in SIGNS if t in tags]
    return signs[0] if signs else "none"


def split(rows, share, seed):
    """A stratified split by (language, kind, label): the same `share` of every stratum is held out."""
    strata = defaultdict(list)
    for index, row in enumerate(rows):
        strata[(row.get("lang", ""), row.get("kind", ""), label(row))].append(index)
    rng = random.Random(seed)
    test = set()
    for key in sorted(strata):
        members = strata[key][:]
        rng.shuffle(members)
        count = int(round(len(members) * share))
        test.update(members[:count])
    return [r for i, r in enumerate(rows) if i not in test], [r for i, r in enumerate(rows) if i in test]


def features(tool, path):
    out = subprocess.run([tool, "features", path], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def matrix(vectors):
    data, indices, pointers = [], [], [0]
    for vector in vectors:
        indices.extend(vector["i"])
        data.extend(vector["v"])
        pointers.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float64), np.array(indices), np.array(pointers)),
                      shape=(len(vectors), 1 << HASH_BITS))


def targets(vectors):
    return np.array([CLASSES.index(label(v)) for v in vectors])


def figures(y, probabilities, threshold):
    """Detection precision/recall/F1 (incident = 1 - P(none) >= threshold) and tag accuracy."""
    incident = 1 - probabilities[:, 0]
    flagged = incident >= threshold
    truth = y != 0
    tp = int(np.sum(flagged & truth)); fp = int(np.sum(flagged & ~truth)); fn = int(np.sum(~flagged & truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    best = 1 + np.argmax(probabilities[:, 1:], axis=1)
    detected = flagged & truth
    tag = float(np.mean(best[detected] == y[detected])) if detected.any() else 0.0
    return dict(precision=precision, recall=recall, f1=f1, tag=tag, tp=tp, fp=fp, fn=fn)


def flag_rate(probabilities, mask, threshold):
    """The share of the entries in `mask` flagged at `threshold`."""
    return float(np.mean(1 - probabilities[mask, 0] >= threshold)) if mask.any() else 0.0


def report(y, probabilities, threshold, kinds, languages, indent):
    """Prints the figures at `threshold`: overall, per language, per sign (detection recall and
    correct tag among the detected) and the share of each kind flagged."""
    result = figures(y, probabilities, threshold)
    print("%sall: precision %.3f recall %.3f F1 %.3f correct tag %.3f (tp %d, fp %d, fn %d)" % (
        indent, result["precision"], result["recall"], result["f1"], result["tag"],
        result["tp"], result["fp"], result["fn"]), file=sys.stderr)
    for language in sorted(set(languages)):
        mask = languages == language
        part = figures(y[mask], probabilities[mask], threshold)
        print("%s%s: precision %.3f recall %.3f F1 %.3f correct tag %.3f" % (
            indent, language or "?", part["precision"], part["recall"], part["f1"], part["tag"]), file=sys.stderr)
    flagged = 1 - probabilities[:, 0] >= threshold
    best = 1 + np.argmax(probabilities[:, 1:], axis=1)
    for index, sign in enumerate(SIGNS, start=1):
        mask = y == index
        detected = mask & flagged
        recall = float(np.mean(flagged[mask])) if mask.any() else 0.0
        tag = float(np.mean(best[detected] == index)) if detected.any() else 0.0
        print("%s  %-15s %4d incidents: recall %.3f, correct tag %.3f" % (indent, sign, int(mask.sum()), recall, tag),
              file=sys.stderr)
    for kind in sorted(set(kinds)):
        mask = kinds == kind
        print("%s  kind %-13s %4d entries: flagged %.3f" % (indent, kind or "?", int(mask.sum()),
                                                        flag_rate(probabilities, mask, threshold)), file=sys.stderr)


def fit(x, y, c, weights):
    """A multinomial logistic regression on the columns that occur (much faster than the whole
    hashed space); the returned coefficients cover the whole space again."""
    used = np.unique(x.indices)
    model = LogisticRegression(C=c, max_iter=1000, tol=1e-4)
    model.fit(x[:, used], y, sample_weight=weights)
    coef = np.zeros((model.coef_.shape[0], x.shape[1]))
    coef[:, used] = model.coef_
    model.coef_ = coef
    model.n_features_in_ = x.shape[1]
    return model


def quantise(model, prune):
    coef = model.coef_.T  # features x classes
    bias = model.intercept_
    keep = np.where(np.max(np.abs(coef), axis=1) >= prune)[0]
    rows = coef[keep]
    scale = float(np.max(np.abs(rows))) / 127.0 if rows.size else 1.0
    q = np.clip(np.round(rows / scale), -127, 127).astype(np.int8)
    return keep, q, scale, bias


def write_model(path, keep, q, scale, bias):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(b"RFDM" + struct.pack("<III", 1, HASH_BITS, len(CLASSES)))
        for name in CLASSES:
            encoded = name.encode("utf-8")
            handle.write(struct.pack("<B", len(encoded)) + encoded)
        handle.write(struct.pack("<f", scale))
        handle.write(struct.pack("<%df" % len(bias), *[float(b) for b in bias]))
        handle.write(struct.pack("<I", len(keep)))
        handle.write(np.asarray(keep, dtype="<u4").tobytes())
        handle.write(q.astype(np.int8).tobytes())


def quantised_probabilities(x, keep, q, scale, bias):
    dense = np.zeros((1 << HASH_BITS, len(CLASSES)), dtype=np.float64)
    # The file stores the scale and the biases as Float32: compute with those very values.
    dense[keep] = q.astype(np.float64) * float(np.float32(scale))
    bias32 = np.array([float(np.float32(b)) for b in bias], dtype=np.float64)
    x32 = x.astype(np.float32).astype(np.float64)
    logits = x32 @ dense + bias32
    logits = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build/release/RedflagDetectorEval"))
    parser.add_argument("--data", default=os.path.join(ROOT, "Data/detector"))
    parser.add_argument("--extra", default=os.path.join(ROOT, "Tests/RedflagKitTests/Fixtures/lint-eval"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Sources/RedflagDetector/Resources/model/detector.bin"))
    parser.add_argument("--parity", default=os.path.join(ROOT, "Tests/RedflagKitTests/Fixtures/detector-parity.jsonl"))
    parser.add_argument("--test-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--c", type=float, nargs="*", default=[20.0])
    parser.add_argument("--prune", type=float, default=0.02)
    parser.add_argument("--skip-cv", action="store_true",
                        help="with a single --c: skip the cross-validation report (the files written are the same)")
    parser.add_argument("--sign-weight", nargs="*", default=[f"{k}={v}" for k, v in sorted(SIGN_WEIGHTS.items())],
                        help="SIGN=W: the incidents of SIGN weigh W (default: %(default)s)")
    args = parser.parse_args()

    # Authors' files come in batches: `train-en.jsonl` is batch 1, `train-en-2.jsonl` batch 2, ...
    # Each batch is split on its own, so a new batch never moves an older batch's held-out entries.
    batches, train_only = defaultdict(list), []
    # Spent blind sets (Data/detector/spent/: measured once, figure recorded in docs/detector.md) are
    # trained on whole, like train-extra.jsonl.
    spent = os.path.join(args.data, "spent")
    folders = [args.data, spent]
    files = sorted((folder, name) for folder in folders if os.path.isdir(folder) for name in os.listdir(folder))
    for folder, name in files:
        if name.endswith(".jsonl") and os.path.isfile(os.path.join(folder, name)):
            # train-extra.jsonl holds close Russian translations of its own English entries: a pair
            # split across train and test would leak, so the whole file stays on the training side.
            rows = read_jsonl(os.path.join(folder, name))
            if "extra" in name or folder == spent:
                train_only.extend(rows)
                continue
            batch = re.search(r"-(\d+)\.jsonl$", name)
            batches[int(batch.group(1)) if batch else 1].extend(rows)
    authors, train_rows, test_rows = [], [], []
    for batch in sorted(batches):
        authors += batches[batch]
        kept, held = split(batches[batch], args.test_share, args.seed)
        train_rows += kept
        test_rows += held
    train_rows += train_only
    split_dir = os.path.join(args.data, "split")
    write_jsonl(os.path.join(split_dir, "train.jsonl"), train_rows)
    write_jsonl(os.path.join(split_dir, "test.jsonl"), test_rows)
    extra = []
    if args.extra and os.path.isdir(args.extra):
        for name in sorted(os.listdir(args.extra)):
            # The frozen blind sets (the test guard's) are never trained on; a blind set joins training
            # only once it has been measured (docs/detector.md records the figure).
            if name.endswith(".jsonl") and name.split(".")[0] not in FROZEN_BLIND_SETS:
                extra += [dict(r, kind=r.get("kind") or ("incident" if r.get("tags") else "everyday"), source=name)
                          for r in read_jsonl(os.path.join(args.extra, name))]
    everything = os.path.join(split_dir, "train-all.jsonl")
    write_jsonl(everything, train_rows + extra)
    print("authors' data: %d entries, %d training, %d held out (test); older sets: %d" % (
        len(authors), len(train_rows), len(test_rows), len(extra)), file=sys.stderr)

    vectors = features(args.tool, everything)
    x = matrix(vectors)
    y = targets(vectors)
    # Hard negatives count a little more: a false flag costs the user more than a miss.
    weights = np.array([1.5 if (v.get("kind") not in ("", "incident", "everyday")) else 1.0 for v in vectors])
    for item in args.sign_weight:
        sign, _, value = item.partition("=")
        if sign not in SIGNS:
            sys.exit("--sign-weight: '%s' is not a sign (%s)" % (sign, ", ".join(SIGNS)))
        weights[y == CLASSES.index(sign)] *= float(value)
    print("sign weights: %s" % (", ".join(args.sign_weight) or "none"), file=sys.stderr)
    print("classes: %s" % dict(Counter(CLASSES[i] for i in y)), file=sys.stderr)

    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
    kinds = np.array([v.get("kind") or "" for v in vectors])
    languages = np.array([v.get("lang") or "" for v in vectors])
    thresholds = [round(0.5 + 0.05 * k, 2) for k in range(9)]
    best = None
    if args.skip_cv and len(args.c) != 1:
        sys.exit("--skip-cv needs exactly one --c: cross-validation chooses between several")
    if args.skip_cv:
        best = ((0.0, 0.8, -args.c[0]), args.c[0], 0.8, None)
    for c in ([] if args.skip_cv else args.c):
        probabilities = np.zeros((len(y), len(CLASSES)))
        for train_index, test_index in folds.split(x, y):
            model = fit(x[train_index], y[train_index], c, weights[train_index])
            part = np.zeros((len(test_index), len(CLASSES)))
            part[:, model.classes_] = model.predict_proba(x[test_index])
            probabilities[test_index] = part
        # The rule, fixed before any figure was read: the threshold (lint.threshold) and C are chosen
        # together by cross-validation, the best F1 among the thresholds whose precision is at least
        # 0.90, near-misses flagged at most 10% and everyday notes flagged at most 3% (they dominate a
        # real journal); a tie goes to the higher threshold, then the smaller C.
        for threshold in thresholds:
            result = figures(y, probabilities, threshold)
            near = flag_rate(probabilities, kinds == "near-miss", threshold)
            everyday = flag_rate(probabilities, kinds == "everyday", threshold)
            eligible = result["precision"] >= 0.90 and near <= 0.10 and everyday <= 0.03
            print("C=%-4g %.2f: %d-fold CV precision %.3f recall %.3f F1 %.3f tag %.3f near-miss %.3f everyday %.3f%s"
                  % (c, threshold, args.folds, result["precision"], result["recall"], result["f1"], result["tag"],
                     near, everyday, "" if eligible else "  (not eligible)"), file=sys.stderr)
            key = (result["f1"], threshold, -c)
            if eligible and (best is None or key > best[0]):
                best = (key, c, threshold, probabilities)
    if best is None:
        sys.exit("no C and threshold meet the rule (precision >= 0.90, near-misses <= 10%, everyday <= 3%)")
    _, c, threshold, probabilities = best
    if probabilities is not None:
        print("chosen C=%g, threshold %.2f; its cross-validated figures:" % (c, threshold), file=sys.stderr)
        report(y, probabilities, threshold, kinds, languages, "  ")
    else:
        print("C=%g (cross-validation skipped)" % c, file=sys.stderr)

    model = fit(x, y, c, weights)
    full = np.zeros((len(CLASSES), x.shape[1]))
    full[model.classes_] = model.coef_
    bias = np.full(len(CLASSES), -30.0)
    bias[model.classes_] = model.intercept_
    model.coef_, model.intercept_ = full, bias
    keep, q, scale, bias = quantise(model, args.prune)
    write_model(args.out, keep, q, scale, bias)
    print("wrote %s: %d rows, %d bytes" % (os.path.relpath(args.out, ROOT), len(keep), os.path.getsize(args.out)),
          file=sys.stderr)

    # The held-out split, scored with the quantised weights as written (never trained or tuned on:
    # C and the threshold were chosen above by cross-validation alone).
    held = features(args.tool, os.path.join(split_dir, "test.jsonl"))
    held_probabilities = quantised_probabilities(matrix(held), keep, q, scale, bias)
    held_kinds = np.array([v.get("kind") or "" for v in held])
    held_languages = np.array([v.get("lang") or "" for v in held])
    for at in sorted({threshold, 0.8}):
        print("held-out split (%d entries) at %.2f:" % (len(held), at), file=sys.stderr)
        report(targets(held), held_probabilities, at, held_kinds, held_languages, "  ")
    if not args.skip_cv:
        print("lint.threshold by cross-validation: %.2f" % threshold, file=sys.stderr)

    # Parity examples: a few training entries of each language and class.
    rng = random.Random(args.seed)
    picks = sorted(rng.sample(range(len(vectors)), min(12, len(vectors))))
    rows = train_rows + extra
    probabilities = quantised_probabilities(x[picks], keep, q, scale, bias)
    write_jsonl(args.parity, [
        {"text": rows[i]["text"], "p": {CLASSES[k]: round(float(probabilities[n, k]), 6) for k in range(len(CLASSES))}}
        for n, i in enumerate(picks)])


if __name__ == "__main__":
    main()
