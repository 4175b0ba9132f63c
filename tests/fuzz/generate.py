"""A seeded generator of bad inputs for every reader, format and encoding, and of good
documents to mix in among them.

Each maker takes a ``random.Random`` and returns ``(suffix, bytes)``; ``bad_inputs`` picks
makers by weight. Everything is reproducible from the seed: a failing case is found again
by its seed and index. Sizes stay small except in the few makers that are about size.
"""

from __future__ import annotations

import codecs
import json
import random
from collections.abc import Callable
from dataclasses import dataclass

Maker = Callable[[random.Random], tuple[str, bytes]]

WORDS = (
    "army talks border ceasefire troops officials minister said agreed shelling villages "
    "capital crossing statement week government forces rebels convoy aid mediators envoy "
    "the of and in on with after before during near against"
).split()
ACTORS = ("Arnor", "Gondor", "Rohan", "Armenia", "Azerbaijan", "Russia", "Moscow", "Brussels")
NASTY_CHARS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0\u2028\u2029\u200b\ufeff\ufffe\U0001f4a3"


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # file name (bytes when the name is deliberately not UTF-8)
    data: bytes
    kind: str  # the maker's name, for the report
    fname: bytes | None = None  # a raw file name that is not UTF-8


def sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = rng.choice(ACTORS)
    words[min(3, n - 1)] = rng.choice(ACTORS)
    return " ".join(words).capitalize() + "."


def prose(rng: random.Random, n_sentences: int = 6) -> str:
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(n_sentences))


def nasty(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(NASTY_CHARS + "ab1 .\n") for _ in range(n))


# --- plain text -------------------------------------------------------------------------

def digits(rng: random.Random) -> tuple[str, bytes]:
    n = rng.choice((100, 5000, 40_000))
    tail = rng.choice(("", " hours ago", " ago", "h", "\n\n" + prose(rng)))
    return ".txt", ("9" * n + tail).encode()


def long_line(rng: random.Random) -> tuple[str, bytes]:
    n = rng.choice((3_000, 20_000, 60_000))
    return ".txt", " ".join(rng.choice(WORDS + list(ACTORS)) for _ in range(n // 6)).encode()


def runs(rng: random.Random) -> tuple[str, bytes]:
    unit = rng.choice((" ", ".", "-", "1 ", "a.", ", ", "\n", "*", "#", "> ", "[", "(", "!"))
    return rng.choice((".txt", ".md")), (unit * rng.randint(1000, 20_000) + prose(rng)).encode()


def controls(rng: random.Random) -> tuple[str, bytes]:
    text = prose(rng) + nasty(rng, rng.randint(1, 400)) + prose(rng)
    return ".txt", text.encode("utf-8", "surrogatepass")


def random_bytes(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice((".txt", ".jsonl", ".csv", ".html", ".rss", ".md", ".json", "")), rng.randbytes(
        rng.randint(0, 3000))


def encodings(rng: random.Random) -> tuple[str, bytes]:
    text = prose(rng) + " café naïve – “quotes” €"
    encoding = rng.choice(("utf-16", "utf-32", "utf-16-le", "utf-16-be", "cp1252", "latin-1",
                           "utf-8-sig", "utf-7", "shift_jis", "koi8-r"))
    data = text.encode(encoding, "replace")
    if rng.random() < 0.3:
        data = data[: rng.randint(0, len(data))]  # cut inside a code unit
    if rng.random() < 0.2:
        data = codecs.BOM_UTF16_LE + rng.randbytes(rng.randint(0, 200))
    return rng.choice((".txt", ".md", ".jsonl", ".csv")), data


def line_ends(rng: random.Random) -> tuple[str, bytes]:
    sep = rng.choice(("\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\n\r"))
    paragraphs = [prose(rng, 2) for _ in range(rng.randint(1, 5))]
    return rng.choice((".txt", ".md")), (sep * 2).join(paragraphs).encode()


def empties(rng: random.Random) -> tuple[str, bytes]:
    suffix = rng.choice((".txt", ".md", ".jsonl", ".json", ".csv", ".html", ".rss", ".xml"))
    return suffix, rng.choice((b"", b" ", b"\n\n\n", b"\xef\xbb\xbf", b"\t \r\n", b"---\n---\n"))


# --- markdown front matter --------------------------------------------------------------

FRONT_VALUES = (
    "1984", "true", "null", "~", "[A, B]", "[A, [B, C]]", "{a: 1}", "2020-02-30", "2020-13-45",
    "1600000000000", "1600000000", "-1", "1e400", ".nan", ".inf", "!!binary aGVsbG8=",
    "'unterminated", "[unclosed", "&a [1, 2]", "*undefined", "!!python/object:os.system ls",
    "2020-02-29T25:61:00", "0x10", "\"\\ud800\"", "|\n  multi\n  line", "'" + "x" * 3000 + "'",
)


def front_matter(rng: random.Random) -> tuple[str, bytes]:
    keys = rng.sample(("title", "date", "published", "author", "url", "tags"), rng.randint(1, 4))
    head = "\n".join(f"{key}: {rng.choice(FRONT_VALUES)}" for key in keys)
    if rng.random() < 0.1:  # aliases of aliases: a "billion laughs" in YAML
        head = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "\n".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")
        ) + "\ntitle: *i"
    return rng.choice((".md", ".txt")), f"---\n{head}\n---\n{prose(rng)}\n".encode(
        "utf-8", "surrogatepass")


# --- HTML --------------------------------------------------------------------------------

def html(rng: random.Random) -> tuple[str, bytes]:
    body = f"<article><h1>{sentence(rng, 6)}</h1><p>{prose(rng)}</p></article>"
    variant = rng.randrange(9)
    if variant == 0:
        page = '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">' \
               f"<body>{body}</body></html>"
    elif variant == 1:
        page = "<div>" * rng.choice((100, 3000, 20_000)) + body
    elif variant == 2:
        page = f"<html><body>{body}"[: rng.randint(0, 80)]
    elif variant == 3:
        page = f"<html><body><script>{'x' * 5000}</script><p>{nasty(rng, 300)}</p></body></html>"
    elif variant == 4:
        page = f"<html><body>{body * rng.randint(2, 4)}</body></html>"
    elif variant == 5:
        page = f'<html><body><p title="{"a" * 100_000}">{prose(rng)}</p></body></html>'
    elif variant == 6:
        page = f"<!DOCTYPE html><html><body>{'&amp;' * 20_000}{body}</body></html>"
    elif variant == 7:
        page = f"<html><head><meta charset='utf-16'></head><body>{body}</body></html>"
    else:
        page = f"<html><body><p>{'<b>' * 5000}{prose(rng)}</p></body></html>"
    return rng.choice((".html", ".htm", ".xhtml")), page.encode()


# --- JSON Lines and JSON ------------------------------------------------------------------

JSON_VALUES = (
    '"text"', "1984", "true", "null", "[]", "{}", '["A", "B"]', '["A", ["B"]]', '{"name": "A"}',
    '"\\ud800"', '"\\udfff x"', '"a\u2028b"', "1600000000000", "1600000000", "-1", "1e400",
    "NaN", "Infinity", '"2020-02-30"', '"Tue, 32 Feb 2020 99:99:99 +9999"', "99999999999999999999",
    '"' + "x" * 2000 + '"', '"0000-00-00"', '"9999-12-31T23:59:59+25:00"',
)


def jsonl(rng: random.Random) -> tuple[str, bytes]:
    lines = []
    for _ in range(rng.randint(1, 4)):
        variant = rng.randrange(6)
        if variant == 0:
            lines.append("[" * rng.choice((10, 5000, 100_000)))
        elif variant == 1:
            lines.append(json.dumps({"text": prose(rng)})[: rng.randint(0, 60)])
        elif variant == 2:
            lines.append(rng.choice(JSON_VALUES))
        else:
            fields = {k: rng.choice(JSON_VALUES) for k in
                      rng.sample(("text", "title", "published", "author", "url", "id"), 3)}
            fields.setdefault("text", json.dumps(prose(rng) + rng.choice(("", "\u2028", "\\ud800"))))
            lines.append("{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}")
    sep = rng.choice(("\n", "\r", "\r\n"))
    return rng.choice((".jsonl", ".ndjson", ".json")), sep.join(lines).encode("utf-8", "surrogatepass")


# --- CSV -----------------------------------------------------------------------------------

def csv_file(rng: random.Random) -> tuple[str, bytes]:
    header = rng.choice(("text,title,published,author", "title,body", "text", '"text', ""))
    rows = []
    for _ in range(rng.randint(1, 4)):
        variant = rng.randrange(6)
        if variant == 0:
            rows.append('"' + "word " * rng.choice((30_000, 60_000)) + '",big')
        elif variant == 1:
            rows.append('"unclosed ' + prose(rng))
        elif variant == 2:
            rows.append(f'"{prose(rng)}",{rng.choice(JSON_VALUES)},{rng.choice(JSON_VALUES)},x')
        elif variant == 3:
            rows.append(",".join(["x"] * rng.randint(0, 50)))
        elif variant == 4:
            rows.append(f'"{prose(rng)}\x00"')
        else:
            rows.append(f'"{prose(rng)}",T,1600000000000,"A, B"')
    sep = rng.choice(("\n", "\r", "\r\n"))
    return ".csv", sep.join([header, *rows]).encode()


# --- feeds and XML ---------------------------------------------------------------------------

def feed(rng: random.Random) -> tuple[str, bytes]:
    item = f"<item><title>{sentence(rng, 5)}</title><description>{prose(rng, 3)}</description></item>"
    variant = rng.randrange(8)
    if variant == 0:
        doc = ('<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
               '0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
               f'<rss version="0.91"><channel><title>t</title>{item}</channel></rss>')
    elif variant == 1:  # entity expansion
        ents = '<!ENTITY a "aaaaaaaaaa">' + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh"))
        doc = f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss><channel><item><title>&h;</title>' \
              f"<description>{prose(rng)}</description></item></channel></rss>"
    elif variant == 2:  # an external entity
        doc = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               f"<rss><channel><item><title>&x;</title><description>{prose(rng)}</description>"
               "</item></channel></rss>")
    elif variant == 3:
        doc = f"<rss><channel>{item * rng.randint(1, 3)}"[: rng.randint(0, 300)]
    elif variant == 4:
        doc = f"<rss><channel><item><author>{'A' * rng.choice((100, 3000))}</author>" \
              f"<description>{prose(rng)}</description></item></channel></rss>"
    elif variant == 5:
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>{nasty(rng, 40)}</title>' \
              f"<content type='html'>&lt;p&gt;{prose(rng)}&lt;/p&gt;</content></entry></feed>"
    elif variant == 6:
        doc = f"<rss><channel><item><pubDate>{rng.choice(JSON_VALUES)}</pubDate>" \
              f"<description>{prose(rng)}</description></item></channel></rss>"
    else:
        doc = f"<?xml version='1.0'?><notafeed><x>{prose(rng)}</x></notafeed>"
    return rng.choice((".rss", ".atom", ".xml", ".txt")), doc.encode("utf-8", "surrogatepass")


MAKERS: dict[str, tuple[Maker, int]] = {  # name: (maker, weight)
    "digits": (digits, 2), "long_line": (long_line, 1), "runs": (runs, 3),
    "controls": (controls, 4), "random_bytes": (random_bytes, 4), "encodings": (encodings, 5),
    "line_ends": (line_ends, 4), "empties": (empties, 3), "front_matter": (front_matter, 8),
    "html": (html, 6), "jsonl": (jsonl, 10), "csv": (csv_file, 6), "feed": (feed, 6),
}
ODD_NAMES = (b"caf\xe9", b"\xff\xfe", b"new\nline", b"-dash", b"sp ace", b"x" * 200, b"\x1b[31mred")


def bad_inputs(seed: int, n: int, *, kinds: tuple[str, ...] | None = None) -> list[Case]:
    """``n`` bad inputs from ``seed``: makers picked by weight, an odd file name now and then."""
    rng = random.Random(seed)
    names = [k for k in MAKERS if kinds is None or k in kinds]
    weights = [MAKERS[k][1] for k in names]
    cases = []
    for i in range(n):
        kind = rng.choices(names, weights)[0]
        suffix, data = MAKERS[kind][0](rng)
        stem = f"bad-{seed}-{i}-{kind}"
        raw = None
        if rng.random() < 0.05:
            raw = stem.encode() + rng.choice(ODD_NAMES) + suffix.encode()
        cases.append(Case(f"{stem}{suffix}", data, kind, raw))
    return cases


def good_inputs(seed: int, n: int) -> list[Case]:
    """``n`` good documents, each unique, in the formats a user has."""
    rng = random.Random(seed ^ 0x5EED)
    cases = []
    for i in range(n):
        title, text = f"Good {seed} {i} {sentence(rng, 5)}", prose(rng, rng.randint(3, 8))
        fmt = rng.choice(("txt", "md", "jsonl", "csv", "html", "json"))
        if fmt == "txt":
            data = f"{title}\n\n{text}\n"
        elif fmt == "md":
            data = f"---\ntitle: {json.dumps(title)}\ndate: 2021-03-04\n---\n# {title}\n\n{text}\n"
        elif fmt == "jsonl":
            data = json.dumps({"text": text, "title": title, "published": "2021-03-04"}) + "\n"
        elif fmt == "json":
            data = json.dumps([{"text": text, "title": title}])
        elif fmt == "csv":
            data = f'text,title\n"{text}","{title}"\n'
        else:
            data = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    + "".join(f"<p>{s}.</p>" for s in text.split(". ")) + "</article></body></html>")
        cases.append(Case(f"good-{seed}-{i}.{fmt}", data.encode(), "good"))
    return cases
