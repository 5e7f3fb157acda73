"""`guarded`: a regex behind a look-ahead for its first characters finds exactly what it found."""

import re

import pytest

from kg.extract.scan import Screened, guarded

TEXT = (
    "In May, more than 10,000 GPUs were bought; OVER 5 were not. Reportedly half of them, "
    "Seventeen or so, came via Singapore. 엔비디아는 지난해 H20을 수천 개 팔았다. ſtop \u212aelvin"
)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"(?<![\w])(?:seventeen|half|more than)(?![\w])", re.IGNORECASE),
        (r"(?:(?P<a0>more than\s)|(?P<a1>over\s))", re.IGNORECASE),
        (r"(?:\breportedly\b)|(?:\bwere not\b)", 0),
        (r"지난\s?해|수천\s?개|엔비디아[은는]", 0),
        (r"[a-c]?d|e", 0),
        (r"st|k", re.IGNORECASE),  # Unicode case folding: ſ is s, K (Kelvin) is k
    ],
)
def test_guarded_finds_the_same_matches(source: str, flags: int) -> None:
    plain, fast = re.compile(source, flags), guarded(re.compile(source, flags))
    assert fast.pattern != plain.pattern  # a guard was added
    assert [(m.span(), m.lastgroup, m.groups()) for m in fast.finditer(TEXT)] == [
        (m.span(), m.lastgroup, m.groups()) for m in plain.finditer(TEXT)
    ]
    for pos in range(len(TEXT)):
        assert bool(fast.match(TEXT, pos)) == bool(plain.match(TEXT, pos))


@pytest.mark.parametrize("source", [r"\w+", r"x?", r"(?i)abc", r"(?i:abc)", r".b"])
def test_unknown_first_characters_leave_the_regex_as_it_was(source: str) -> None:
    pattern = re.compile(source)
    assert guarded(pattern) is pattern


SCREENED = [
    (r"(?<![\w])(?:seventeen|half(?=\s+of\b)|(?:a|one)[- ]third|doubl(?:e|ed)\b)", re.IGNORECASE),
    (r"(?:\bhave yet to\b)|(?:\bnot\b)|(?:\bn't\b)", re.IGNORECASE),
    (r"지난\s?해|수천\s?개|(?:않|없)", 0),
    (r"(?<![\w])(?:last year|this year|in the past month)(?![\w])", re.IGNORECASE),
]
ODD = "ſeventeen STOP; Half of it; İN the past month; \u212aelvin; ıs; LAST YEAR; We have yet to. 않았다"


@pytest.mark.parametrize(("source", "flags"), SCREENED)
def test_screened_finds_what_the_regex_finds(source: str, flags: int) -> None:
    plain, screened = re.compile(source, flags), Screened(re.compile(source, flags))
    assert screened.keys  # a screen was found
    for text in (TEXT, ODD, ODD.lower(), "nothing here at all"):
        assert [m.span() for m in screened.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        for pos in range(0, len(text), 7):
            for end in (pos + 5, pos + 20, len(text)):
                a, b = screened.search(text, pos, end), plain.search(text, pos, end)
                assert (a and a.span()) == (b and b.span())


def test_no_screen_where_a_match_needs_no_fixed_words() -> None:
    assert Screened(re.compile(r"\d+|[A-Z]\w*")).keys is None
    assert Screened(re.compile(r"if|or", re.IGNORECASE)).keys is None  # too short to screen
