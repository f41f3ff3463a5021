#!/usr/bin/env python3
"""Converts a labels file with one table per language ([de] and [en]) into
the catalogue shape: one table per label holding both languages.

    python3 tools/labels_to_entries.py templates/labels.toml > new.toml

The words are copied as written (the text right of `=`, byte for byte); the
order is the order of the [de] table. The file's leading comment is replaced
by the one below. Fails when a label is missing from one language.
"""
import sys

HEADER = """\
# Labels of generated headings, tables and placeholders, one table per label
# with its German (`de`) and English (`en`) words.
# Exported with `strategiekit templates export DIR`; a copy in a directory given
# to `build --templates DIR` replaces this one (a label it lacks keeps the
# built-in words, with a warning; an unknown label is an error). A file of an
# earlier version with one table per language (`[de]`, `[en]`) is read too.
# `{name}`-style words are filled in by strategiekit.
"""


def tables(text):
    """{language: [(key, raw value)]} from a file of [de]/[en] tables."""
    out, current = {}, None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            current = out.setdefault(stripped.strip("[]").strip(), [])
            continue
        key, sep, value = line.partition(" = ")
        if not sep or current is None or '"""' in value:
            sys.exit(f"cannot read line: {line!r}")
        current.append((key.strip(), value))
    return out


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    langs = tables(text)
    if "de" not in langs or "en" not in langs:
        sys.exit(f"{sys.argv[1]} has no [de] and [en] tables (already one table per label?)")
    de, en = dict(langs["de"]), dict(langs["en"])
    if set(langs) != {"de", "en"} or set(de) != set(en):
        sys.exit(f"labels differ between languages: {sorted(set(de) ^ set(en))}")
    parts = [HEADER]
    for key, _ in langs["de"]:
        parts.append(f"\n[{key}]\nde = {de[key]}\nen = {en[key]}\n")
    sys.stdout.write("".join(parts))


if __name__ == "__main__":
    main()
