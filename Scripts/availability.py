#!/usr/bin/env python3
"""Lists the APIs sdkgen's templates use and checks them against Scripts/availability.tsv.

The generated SDK declares minimum Apple platform versions (`Scripts/availability.tsv`'s `#minimums` line, which
must equal what the templates' Package.swift and this repository's Package.swift declare). Every type, member and
free function the templates' Swift code names that the templates do not declare themselves (the standard
library's, Foundation's and Swift concurrency's) must be a row of the table, with the versions of iOS, macOS, tvOS
and watchOS that introduced it (`base` for one that predates the oldest deployment target Xcode supports: iOS 12,
macOS 10.13, tvOS 12, watchOS 4). The check fails on a symbol the table does not know, so that the table stays
complete, and on one newer than the minimums. Code inside `#if canImport(FoundationNetworking)` is Linux-only and
not checked; a `#else` branch of it is.

A member is named by its name and its first argument label when it is called with one (`sleep(for:)`), else by its
name; an initializer called with a label by its type and that label (`URL(filePath:)`); a member whose name the templates declare themselves is theirs, unless the table has a row for it: the row
is then checked wherever the name is used (`next(isolation:)`, which the SDK's iterators declare and the standard
library's only from iOS 18).

The manifests are checked too: each MANIFEST must declare every platform, the template's (`.mustache`) exactly at
the minimums, this repository's at them or later.

Usage: availability.py [--list] TEMPLATES_DIR TABLE [MANIFEST...]
"""
import os
import re
import sys

PLATFORMS = ["iOS", "macOS", "tvOS", "watchOS"]
KEYWORDS = set("""
actor any as associatedtype async await break case catch class continue default defer deinit do else enum
extension fallthrough false fileprivate final for func guard if import in indirect init inout internal is lazy
let mutating nil nonisolated open operator override package private protocol public repeat rethrows return
self Self some static struct subscript super switch throw throws true try typealias var weak where while
consuming borrowing sending willSet didSet get set unowned convenience required optional isolated Type
""".split())


def strip_mustache(text):
    # Section and comment tags alone on a line go with their line; a value tag becomes a declared placeholder name.
    text = re.sub(r"(?m)^[ \t]*\{\{[#^/!>=][^}]*\}\}[ \t]*\n", "", text)
    text = re.sub(r"\{\{[#^/!>][^}]*\}\}", "", text)
    text = re.sub(r"\{\{\{?&?\s*[\w.()]+\s*\}?\}\}", "TemplateValue", text)
    # `{{access}}struct`: the value is a modifier (`public `) before a keyword.
    return re.sub(r"TemplateValue(?=[a-z])", "", text)


def code_of(text):
    """The Swift code without comments and string literals' text (interpolations are kept as code)."""
    out = []
    i, n = 0, len(text)

    def string(i, quote):
        # i is just after the opening quote; returns the index after the closing one.
        while i < n:
            if text.startswith("\\(", i):
                depth, i = 1, i + 2
                start = i
                while i < n and depth:
                    if text[i] == "(":
                        depth += 1
                    elif text[i] == ")":
                        depth -= 1
                    elif text[i] == '"':
                        out.append(" " + text[start:i] + " ")
                        i = string(i + 1, '"')
                        start = i
                        continue
                    i += 1
                out.append(" " + text[start:i - 1] + " ")
                continue
            if text[i] == "\\":
                i += 2
                continue
            if text.startswith(quote, i):
                return i + len(quote)
            i += 1
        return i

    while i < n:
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif text.startswith('"""', i):
            out.append(' "" ')
            i = string(i + 3, '"""')
        elif text[i] == '"':
            out.append(' "" ')
            i = string(i + 1, '"')
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def without_linux_only(code):
    """Drops the lines of `#if canImport(FoundationNetworking)` blocks (their `#else` branches stay)."""
    kept, stack = [], []  # stack of (skipping this branch, is a FoundationNetworking block)
    for line in code.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#if"):
            linux = "canImport(FoundationNetworking)" in stripped and "!" not in stripped
            stack.append([linux, linux])
            continue
        if stripped.startswith("#else") or stripped.startswith("#elseif"):
            if stack and stack[-1][1]:
                stack[-1][0] = False
            continue
        if stripped.startswith("#endif"):
            stack.pop() if stack else None
            continue
        if not any(skipping for skipping, _ in stack):
            kept.append(line)
    return "\n".join(kept)


TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\.|\(|:|\S")


def symbols(code, known):
    tokens = TOKEN.findall(code)
    declared, labels, used = set(), set(), {}
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not re.match(r"[A-Za-z_]", token) or token in KEYWORDS or previous in ("@", "#"):
            continue  # keywords, attributes (`@available`) and compiler directives
        if previous in ("struct", "enum", "class", "protocol", "actor", "typealias", "func", "var", "let", "case",
                        "associatedtype"):
            declared.add(token)
            continue
        if following == ":":
            labels.add(token)
        if previous == ".":
            name = token
            if following == "(" and index + 3 < len(tokens) and tokens[index + 3] == ":" \
                    and re.match(r"[A-Za-z_]", tokens[index + 2]):
                name = f"{token}({tokens[index + 2]}:)"
            used.setdefault(("member", name, token), 0)
        elif token[0].isupper():
            used.setdefault(("type", token, token), 0)
            if following == "(" and index + 3 < len(tokens) and tokens[index + 3] == ":" \
                    and re.match(r"[A-Za-z_]", tokens[index + 2]):
                used.setdefault(("initializer", f"{token}({tokens[index + 2]}:)", token), 0)
        elif following == "(":
            used.setdefault(("function", token, token), 0)
    # Generic parameters: capitalized names between `<` and `>` right after a declared name or `init`.
    for match in re.finditer(r"(?:(?:struct|enum|class|func|actor)\s+\w+|\binit)\s*<([^>]*)>", code):
        for parameter in re.findall(r"\b([A-Z]\w*)\s*(?::|,|$)", match.group(1)):
            declared.add(parameter)
    result = set()
    for kind, name, bare in used:
        if (bare in declared and name not in known) or bare.startswith("TemplateValue"):
            continue
        if kind == "function" and (bare in labels):
            continue
        result.add(name)
    return result


def main(argv):
    listing = "--list" in argv
    args = [a for a in argv if a != "--list"]
    if len(args) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    templates_dir, table_path, manifests = args[0], args[1], args[2:]
    minimums, table = None, {}
    with open(table_path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#minimums"):
                minimums = dict(zip(PLATFORMS, line.split("\t")[1:]))
                continue
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 5:
                print(f"{table_path}:{number}: error: a row is symbol, iOS, macOS, tvOS, watchOS (tab-separated)")
                return 1
            table[fields[0]] = dict(zip(PLATFORMS, fields[1:5]))
    if not minimums:
        print(f"{table_path}:1: error: no '#minimums<TAB>iOS<TAB>macOS<TAB>tvOS<TAB>watchOS' line")
        return 1

    used = {}
    declared_everywhere = set()
    sources = {}
    for root, _, files in sorted(os.walk(templates_dir)):
        for name in sorted(files):
            if name.endswith(".mustache"):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                text = strip_mustache(text)
                first_line = text.lstrip("\n").split("\n", 1)[0]
                if not first_line.startswith("//") or first_line.startswith("// swift-tools-version"):
                    continue  # Markdown, and manifests: SwiftPM reads them on the developer's machine
                sources[path] = without_linux_only(code_of(text))
    # A name declared by one template is the SDK's in every other.
    for code in sources.values():
        for match in re.finditer(r"\b(?:struct|enum|class|protocol|actor|typealias|func|var|let|case)\s+`?(\w+)", code):
            declared_everywhere.add(match.group(1))
    for path, code in sources.items():
        for name in symbols(code, table):
            bare = name.split("(")[0]
            if bare not in declared_everywhere or name in table:
                used.setdefault(name, []).append(os.path.relpath(path, templates_dir))
    if listing:
        for name in sorted(used):
            print(name)
        return 0

    def version(text):
        return (0,) if text == "base" else tuple(int(part) for part in text.split("."))

    failures = []
    for name in sorted(used):
        where = ", ".join(sorted(set(used[name])))
        row = table.get(name)
        if row is None:
            failures.append(f"error: {name} (used in {where}) is not in {table_path}; add its availability")
            continue
        newer = [f"{p} {row[p]} > {minimums[p]}" for p in PLATFORMS if version(row[p]) > version(minimums[p])]
        if newer:
            failures.append(f"error: {name} (used in {where}) is newer than the declared minimums: {', '.join(newer)}")
    for manifest in manifests:
        with open(manifest, encoding="utf-8") as f:
            declared = {platform: ".".join(v for v in (major, minor) if v) for platform, major, minor
                        in re.findall(r"\.(iOS|macOS|tvOS|watchOS)\(\.v(\d+)(?:_(\d+))?\)", f.read())}
        exact = manifest.endswith(".mustache")
        for platform in PLATFORMS:
            have, need = declared.get(platform), minimums[platform]
            if have is None:
                failures.append(f"{manifest}: error: declares no {platform} version; the minimum is {need}")
            elif (version(have) != version(need)) if exact else (version(have) < version(need)):
                failures.append(f"{manifest}: error: declares {platform} {have}; the minimum is {need}")
    for failure in failures:
        print(failure)
    print(f"availability: {len(used)} symbols checked against {table_path}; minimums "
          + ", ".join(f"{p} {minimums[p]}" for p in PLATFORMS) + f"; {len(failures)} failing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
