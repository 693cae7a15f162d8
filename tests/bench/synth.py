#!/usr/bin/env python3
"""synth.py N DIR: a valid registry of N statuses in DIR/xml, for benchmarks.

The real entries of xml/ first, then copies of them in turn until there are
N.  Each copy keeps its original's class and facts, and takes a code of that
class that is not yet in use (the least used one once all are: past about
450 statuses a code has several meanings, as 499 has two), avoiding codes
with rules of their own (401 needs WWW-Authenticate, 204 no content, ...);
its phrase gets a suffix of letters and its slug follows.  The first copy on
a code answers for it, later ones are primary="false" and get a longer
phrase, so that a docset search for the code still lists its first meaning
first.  Aliases are
dropped: they would compete with the original's in the docset search.
Pages list a code's other meanings, so they only grow with the registry
where codes are shared.

synth.py --lean N DIR: the same, but every entry (the real ones too) keeps
only a line of each framework example and of the exchange on the wire, and
five words of each run of text in a paragraph or list item, so
that a registry of 1,000 builds quickly enough under callgrind for `make
check` (tests/complexity.sh); everything that links statuses to each other
is kept.
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


FRAMEWORKS = ("flask", "express", "php", "go", "spring", "sinatra")


def lean(text):
    """The entry with short examples: the same elements, a line each."""
    def one(m):
        return '<%s>\n          <p>A short example.</p>\n          <norun why="synthetic"/>\n        </%s>' % (m.group(1), m.group(1))
    for fw in FRAMEWORKS:
        text = re.sub(r"<(%s)>.*?</%s>" % (fw, fw), one, text, count=1, flags=re.S)
    text = re.sub(r"<wire>.*?</wire>", "<wire>HTTP/1.1 ...</wire>", text, count=1, flags=re.S)
    # Prose: each run of text in a paragraph or list item keeps five words.
    def words(m):
        return m.group(1) + " ".join(m.group(2).split()[:5]) + m.group(3)
    def block(m):
        return re.sub(r"(>)([^<>]{40,})(<)", words, m.group(0))
    return re.sub(r"<(p|li)>.*?</\1>", block, text, flags=re.S)


def main():
    args = sys.argv[1:]
    thin = args[:1] == ["--lean"]
    if thin:
        args = args[1:]
    n, dest = int(args[0]), args[1]
    src = os.path.join(TOP, "xml")
    out = os.path.join(dest, "xml")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "codes"))
    registry = open(os.path.join(src, "registry.xml"), encoding="utf-8").read()
    includes = re.findall(r'<xi:include href="codes/([^"]+)"/>', registry)
    originals = []
    for name in includes:
        text = open(os.path.join(src, "codes", name), encoding="utf-8").read()
        if thin:
            text = lean(text)
        with open(os.path.join(out, "codes", name), "w", encoding="utf-8") as f:
            f.write(text)
        originals.append(text)
    names = list(includes)
    if n < len(names):
        # Fewer would drop real statuses that others link to.
        sys.exit("synth.py: %d is fewer than the %d statuses of the real registry"
                 % (n, len(names)))
    # The numbers that are not statuses (xml/numbers/), as they are: the
    # statuses link to them, and they are not copied.
    shutil.copytree(os.path.join(src, "numbers"), os.path.join(out, "numbers"))
    uses = {}
    for text in originals:
        c = int(re.search(r'code="(\d{3})"', text).group(1))
        uses[c] = uses.get(c, 0) + 1
    special = {101, 103, 201, 204, 205, 301, 302, 303, 304, 307, 308, 401, 405, 407, 416, 426, 429, 503}
    i = 0
    while len(names) < n:
        text = originals[i % len(originals)]
        k = len(names) + 1
        phrase = re.search(r"<phrase>([^<]*)</phrase>", text).group(1)
        first = int(re.search(r'code="(\d)\d\d"', text).group(1))
        pool = [c for c in range(first * 100, first * 100 + 100) if c not in special]
        c = min(pool, key=lambda c: (uses.get(c, 0), c))
        primary = uses.get(c, 0) == 0
        uses[c] = uses.get(c, 0) + 1
        code = str(c)
        text = re.sub(r'code="\d{3}"', 'code="%s"' % code, text, count=1)
        suffix = letters(k)
        if not primary:
            # Longer than any first meaning, so that it never outranks the
            # code's own status in a docset search.
            suffix += " Other Meaning Of The Code"
        # The slug may not pass 64 characters (registry.xsd): a long phrase
        # loses words from its end, and the copy's phrase is what is kept.
        tokens = phrase.split()
        while True:
            kept = " ".join(tokens)
            words = re.findall(r"[a-z0-9]+", (kept + " " + suffix).lower())
            slug = "%s-%s" % (code, "-".join(words))
            if len(slug) <= 64 or len(tokens) == 1:
                break
            tokens.pop()
        copy = re.sub(r'slug="[^"]*"', 'slug="%s"' % slug, text, count=1)
        copy = re.sub(r'\s+primary="[^"]*"', "", copy, count=1)
        if not primary:
            copy = copy.replace('<status slug=', '<status primary="false" slug=', 1)
        copy = copy.replace("<phrase>%s</phrase>" % phrase, "<phrase>%s %s</phrase>" % (kept, suffix), 1)
        copy = re.sub(r"\s*<alias>[^<]*</alias>", "", copy)
        # 'empty' is 205's own rule (no content, but framed); a copy under
        # another code may carry content.
        copy = copy.replace("<body>empty</body>", "<body>allowed</body>", 1)
        # Likewise 101's retry (no final response follows it): any other 1xx
        # is interim.
        if first == 1:
            copy = re.sub(r'<retry when="[^"]*">', '<retry when="interim">', copy, count=1)
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
