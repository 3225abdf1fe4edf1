#!/usr/bin/env python3
"""Regenerates the seed corpora in tests/fuzz/corpus/ from the project's own data:
the sample catalogue, the JsonLogic conformance suites (tests/data/jsonlogic) and the
catalogue guide's examples. Run from anywhere: python3 tests/fuzz/make-seeds.py
Seeds are small, named by content hash, and committed, so that CI's short fuzz round and the
replay ctests start from the same inputs everywhere."""
import hashlib, json, os, re, pathlib, random

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"
EXPR_KEYS = {"assert", "when", "visible", "required", "computed", "excludedWhen", "min", "max", "used"}


def put(name, data: bytes):
    d = OUT / name
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def clear(name):
    d = OUT / name
    if d.exists():
        for f in d.iterdir():
            f.unlink()


def infix_strings(node, key=None, out=None):
    out = [] if out is None else out
    if isinstance(node, dict):
        for k, v in node.items():
            infix_strings(v, k, out)
    elif isinstance(node, list):
        for v in node:
            infix_strings(v, key, out)
    elif isinstance(node, str) and key in EXPR_KEYS:
        out.append(node)
    return out


def pack_with(binary, catalogue_json):
    import subprocess, tempfile
    with tempfile.TemporaryDirectory() as d:
        src, out = pathlib.Path(d) / "c.json", pathlib.Path(d) / "c.pack"
        src.write_text(catalogue_json)
        subprocess.run([binary, "catalog", "pack", str(src), str(out)], capture_output=True)
        return out.read_bytes() if out.exists() else None


def main():
    catalogue_text = (ROOT / "data/catalog/guangzhou.json").read_bytes()
    catalogue = json.loads(catalogue_text)
    for name in ("catalog_loader", "infix_parser", "jsonlogic", "form_session", "stub_request"):
        clear(name)

    # catalog_loader: first byte = options (bit 0 strict, bit 1 lazy forms; bits 2 and 3 below),
    # then the text.
    put("catalog_loader", b"\x00" + catalogue_text)
    put("catalog_loader", b"\x02" + catalogue_text)
    # One item at a time (smaller inputs mutate faster), bundles and policies dropped.
    for item in catalogue.get("items", []):
        small = dict(catalogue, items=[item], bundles=[], policies=[])
        put("catalog_loader", b"\x01" + json.dumps(small, ensure_ascii=False).encode())
        # Bit 3: pack what loads and load the pack.
        put("catalog_loader", b"\x08" + json.dumps(small, ensure_ascii=False).encode())
        # Bit 2: a packed catalogue's body for the pack reader, from `haoban catalog pack` when
        # HAOBAN_BIN names a built binary (the seeds are committed, so CI needs no binary).
        if os.environ.get("HAOBAN_BIN"):
            packed = pack_with(os.environ["HAOBAN_BIN"], json.dumps(small, ensure_ascii=False))
            if packed:
                put("catalog_loader", b"\x04" + packed[len(b"HBPACK1\n"):])
    guide = (ROOT / "docs/catalog-format.md").read_text()
    for block in re.findall(r"```json\n(.*?)```", guide, re.S):
        put("catalog_loader", b"\x00" + block.encode())

    # infix_parser: every expression of the sample catalogue.
    for source in sorted(set(infix_strings(catalogue))):
        put("infix_parser", source.encode())
    for source in ['age(applicant.birthDate) >= 18 && hukou.city == "440100"',
                   'map(children, age * 2)', 'sum(map(children, age)) > 5 ? "多" : "少"',
                   'working_days(today(), 10)', 'regex_match(text, "^[\\u4e00-\\u9fa5]{2,4}$")',
                   '((((((((1))))))))', '-9007199254740993 * 1e308', '"\\ud800"']:
        put("infix_parser", source.encode())

    # jsonlogic: rule NUL data, a sample of the conformance cases.
    cases = []
    for path in sorted((ROOT / "tests/data/jsonlogic").rglob("*.json")):
        try:
            suite = json.loads(path.read_text())
        except ValueError:
            continue
        if isinstance(suite, list):
            cases += [c for c in suite if isinstance(c, dict) and "rule" in c]
    random.Random(11).shuffle(cases)
    for case in cases[:300]:
        rule = json.dumps(case["rule"], ensure_ascii=False).encode()
        data = json.dumps(case.get("data"), ensure_ascii=False).encode()
        put("jsonlogic", rule + b"\x00" + data)

    # form_session and stub_request read FuzzedDataProvider bytes: random seeds of a few
    # lengths give the fuzzer a start on every item and route.
    rng = random.Random(7)
    for n in range(24):
        put("form_session", bytes(rng.randrange(256) for _ in range(32 + 24 * n)))
    # stub_request: route byte, then fields; plus a few realistic bodies (see the harness).
    for n in range(16):
        put("stub_request", bytes(rng.randrange(256) for _ in range(16 + 32 * n)))


if __name__ == "__main__":
    main()
