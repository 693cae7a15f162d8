#!/usr/bin/env python3
"""synth.py N DIR: a valid registry of N statuses in DIR/xml, for benchmarks.

The real entries of xml/ first, then copies of them in turn until there are
N: each copy keeps its original's code, class and facts (so every semantic
check still holds), takes the phrase "PHRASE" plus a suffix of letters and the slug that goes with
it, answers primary="false" (the original answers for the code), and drops
its aliases (which would compete with the original's in the docset search).
"""
import os
import re
import shutil
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def letters(k):
    """1 -> "a", 27 -> "ab": a suffix with no digits, so no copy's name holds
    another status's code (the docset ranking check would refuse it)."""
    out = ""
    while True:
        out += "abcdefghijklmnopqrstuvwxyz"[k % 26]
        k //= 26
        if k == 0:
            return out


def main():
    n, dest = int(sys.argv[1]), sys.argv[2]
    src = os.path.join(TOP, "xml")
    out = os.path.join(dest, "xml")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "codes"))
    registry = open(os.path.join(src, "registry.xml"), encoding="utf-8").read()
    includes = re.findall(r'<xi:include href="codes/([^"]+)"/>', registry)
    originals = []
    for name in includes:
        text = open(os.path.join(src, "codes", name), encoding="utf-8").read()
        shutil.copy(os.path.join(src, "codes", name), os.path.join(out, "codes", name))
        originals.append(text)
    names = list(includes)
    i = 0
    while len(names) < n:
        text = originals[i % len(originals)]
        k = len(names) + 1
        phrase = re.search(r"<phrase>([^<]*)</phrase>", text).group(1)
        code = re.search(r'code="(\d{3})"', text).group(1)
        suffix = letters(k)
        words = re.findall(r"[a-z0-9]+", (phrase + " " + suffix).lower())
        slug = "%s-%s" % (code, "-".join(words))
        copy = re.sub(r'slug="[^"]*"', 'slug="%s"' % slug, text, count=1)
        copy = re.sub(r'\s+primary="[^"]*"', "", copy, count=1)
        copy = copy.replace('<status slug=', '<status primary="false" slug=', 1)
        copy = copy.replace("<phrase>%s</phrase>" % phrase, "<phrase>%s %s</phrase>" % (phrase, suffix), 1)
        copy = re.sub(r"\s*<alias>[^<]*</alias>", "", copy)
        name = slug + ".xml"
        with open(os.path.join(out, "codes", name), "w", encoding="utf-8") as f:
            f.write(copy)
        names.append(name)
        i += 1
    lines = "".join('  <xi:include href="codes/%s"/>\n' % name for name in names[:n])
    registry = re.sub(r'(  <xi:include href="codes/[^"]+"/>\n)+', lambda m: lines, registry, count=1)
    with open(os.path.join(out, "registry.xml"), "w", encoding="utf-8") as f:
        f.write(registry)


if __name__ == "__main__":
    main()
