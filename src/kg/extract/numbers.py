"""Every quantity in a sentence, in digits or in words, normalised to base units.

`9억 4,400만 달러` -> 944,000,000 USD; `$5.5 billion` -> 5,500,000,000 USD; `1조 2천억 원` ->
1,200,000,000,000 KRW; `4.0 TB/s` -> 4,000 GB/s; `ten thousand GPUs` -> 10,000 GPU; `수천 개` ->
1,000 (at least). Years, dates, ordinals, section and line numbers and the digits inside names
(`H100`, `V3`, `4090D`) are not quantities; malformed numbers (`999조조`, `1,00`) yield nothing.
The words come from the language's lexicon (loaders/patterns/<lang>.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from kg.extract.korean import noun_phrase, particle_ends
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.scan import Alternatives, Screened, guarded
from kg.extract.tables import row_cells

DIGITS = (  # `10,000`, `100’000` (an apostrophe groups thousands too), `2.5`
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,?\d)|\d{1,3}(?:[’']\d{3})+(?:\.\d+)?(?![’']?\d)|\d+(?:\.\d+)?"
)
_COMMA_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# a model name (letters, then digits) and a separator right before a number: the number names a
# sibling model
_SIBLING_MODEL = re.compile(r"(?:[A-Za-z]|[\uac00-\ud7a3])\d{2,5}[A-Za-z]{0,2}\s?[·/]\s?$")
_RANGE_OPENS = re.compile(r"\s?[~∼～–-]\s?\d")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+|\S+@\S+\.\w+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAS_DIGIT = re.compile(r"\d")
# an exchange-rate note, in any currency's words: the rate ("$1 = 7.24 yuan", "(1달러=1,380원)",
# "US$1 = RMB7.2") and its base of one
_RATE_NOTE = re.compile(r"(?:^|[\s(])\D{0,4}1\s?[^\s\d=]{0,8}\s?=\s?[^\s\d]{0,4}\s?$")
_OPERAND_BEFORE_EQUALS = re.compile(r"\s?=\s?\d")
_RATE_BASE_AFTER = re.compile(r"\s?[^\s\d=]{0,8}\s?=\s?[^\s\d]{0,4}\s?\d")
_BARE_NUMBER_BEFORE = re.compile(
    r"(?<![A-Za-z\d.,])\d[\d.,]*$"
)  # "5" of "5-6", not "i3" of "i3-10100"
_NAME_BEFORE = guarded(
    re.compile(
        r"(?<=[\w,;:)] )[A-Z][a-z]*[A-Z][\w-]*\s$|(?<=[a-z,;:)] )(?!(?:In|On|At|By|Of|To|For|From|"
        r"About|Over|Under|Around|Nearly|Only|Some|Just|Almost|Up|All|Top|Page|Section|Line|Rule|Note|Tier|"
        r"Article|Item|Chapter|Figure|Table|Part|Step|Phase|Level|Round|Series|Class|Group|Stage|"
        r"Version|Gen|Generation|Model|Fig|No|Q|H)\s)[A-Z][a-z]{2,}\s$"
    )
)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str  # USD, KRW, CNY, GB, GB/s, TFLOPS, TPP, percent, GPU-hours, days, or `count`
    measure: str  # money, count, memory, bandwidth, compute, tpp, density, percent, gpu_hours, ...
    text: str
    counted: str | None = None  # for counts: GPU, server, people, parameters, ...
    value_max: float | None = None  # a range's upper end
    qualifier: str | None = None  # from the quantity's own words ("thousands of": at_least)
    negative: bool = False
    converted: bool = False  # a second currency in brackets after the first: the same figure
    vague: bool = False  # "billions of dollars", "수십억 달러": an order of magnitude, no figure


class QuantityFinder:
    """Compiled once per language; `find(sentence)` is the hot path."""

    def __init__(self, lex: Lexicon, latin: Lexicon | None = None) -> None:
        self.lex = lex
        self.n = lex.data.numbers
        self.latin = latin.data.numbers if latin is not None and latin is not lex else None
        self._taken: list[tuple[int, int]] = []  # the names of the sentence `find` reads

    # -- compiled pieces -------------------------------------------------------------------
    @cached_property
    def scales(self) -> dict[str, float]:
        merged = dict(self.latin.scales) if self.latin else {}
        merged.update(self.n.scales)
        return merged

    @cached_property
    def _core(self) -> re.Pattern[str]:
        """A number as written: digits, or (Korean) digits with unit characters in between (`1조
        2천억`, `1천600억`, `2천48`, `9억 4,400만`, `239만 236`, `5백만`); parse_korean checks the
        order."""
        units = "".join(k for k in self.n.scales if _HANGUL.match(k)) + "".join(self.n.small_scales)
        parts = []
        if units:
            counters = "|".join(w for c in self.n.counters for w in c.words) or "(?!)"
            money = "|".join(w for c in self.n.currencies for w in c.after) or "(?!)"
            tail = rf"(?:(?:{DIGITS})(?!\s?[{units}])|\s(?:{DIGITS})(?=\s?(?:{counters}|{money})))"
            parts.append(
                rf"(?=\d)(?:{DIGITS})\s?[{units}]+(?:\s?(?:{DIGITS})\s?[{units}]+)*(?:{tail})?"
            )
        parts.append(DIGITS)
        return re.compile("|".join(parts))

    @cached_property
    def _range_goes_on(self) -> re.Pattern[str]:
        """After a number word, the rest of a range: `to six`, `-6`."""
        words = "|".join(re.escape(w) for w in sorted(self.n.words, key=len, reverse=True))
        return re.compile(rf"\s?(?:to|-|–)\s?(?:\d|(?:{words or '(?!)'})\b)", re.IGNORECASE)

    @cached_property
    def _words(self) -> re.Pattern[str] | None:
        words = sorted(self.n.words, key=len, reverse=True)
        if not words:
            return None
        one = "|".join(re.escape(w) for w in words)
        if (
            self.lex.code == "ko"
        ):  # native numerals stand apart from their counter: "세 곳", "여섯 배", never "세대"
            units = "|".join(w for u in self.n.units for w in u.words)
            return re.compile(rf"(?<![\w])(?:{one})(?=\s(?:{self._counter_alternation}|{units}))")
        hundreds = "|".join(re.escape(w) for w, v in self.n.words.items() if v == 100)
        joined = "|".join(map(re.escape, self.n.words_and))
        glue = rf"[\s-]|(?<={hundreds})\s(?:{joined})\s" if hundreds and joined else r"[\s-]"
        return re.compile(rf"\b(?:{one})(?:(?:{glue})(?:{one}))*\b", re.IGNORECASE)

    @cached_property
    def _counter_alternation(self) -> str:
        return "|".join(w for c in self.n.counters for w in c.words) or "(?!)"

    @cached_property
    def _vague(self) -> tuple[Screened, list[tuple[re.Pattern[str], float, str]]]:
        """One regex for every vague amount (longest first), and each one's value and qualifier."""
        flags = re.IGNORECASE if self.lex.code == "en" else 0
        words = sorted(((w, v) for v in self.n.vague for w in v.words), key=lambda x: -len(x[0]))
        combined = Screened(
            re.compile(rf"(?<![\w])(?:{'|'.join(w for w, _ in words)})" if words else "(?!)", flags)
        )
        return combined, [(re.compile(w, flags), v.value, v.qualifier) for w, v in words]

    @cached_property
    def _fraction_patterns(self) -> list[tuple[re.Pattern[str], float | None, str]]:
        flags = re.IGNORECASE if self.lex.code == "en" else 0
        return [
            (re.compile(rf"(?<![\w])(?:{w})", flags), f.value, f.unit)
            for f in self.n.fractions
            for w in f.words
        ]

    @cached_property
    def _fraction_probe(self) -> Screened | None:
        """Any fraction word at all (one cheap pass before the patterns with their look-arounds)."""
        words = [w for f in self.n.fractions for w in f.words]
        flags = re.IGNORECASE if self.lex.code == "en" else 0
        return Screened(re.compile("|".join(f"(?:{w})" for w in words), flags)) if words else None

    def _fractions(self, text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
        """ "over half of its revenue", "절반", "3분의 1": a part of a whole, as a percentage;
        "doubled", "threefold": a multiple."""
        out: list[Quantity] = []
        if self._fraction_probe is None or not self._fraction_probe.search(text):
            return out
        for pattern, value, unit in self._fraction_patterns:
            for m in pattern.finditer(text):
                share = value if value is not None else _ratio(m)
                if share is not None and not _overlaps(
                    m.start(), m.end(), blocked + [(q.start, q.end) for q in out]
                ):
                    measure = "percent" if unit == "percent" else "multiple"
                    out.append(self._made(text, m.start(), m.end(), share, unit, measure))
        return out

    @cached_property
    def _scale_after(self) -> re.Pattern[str]:
        words = [w for w in self.scales if not _HANGUL.match(w)]
        long = sorted((w for w in words if len(w) > 1), key=len, reverse=True)
        short = [w for w in words if len(w) == 1]
        # single letters (m, bn-less `B`, `K`) only straight after the digits
        # a headline capitalises its words ("$800 Million Charge")
        return re.compile(
            rf"(?:[\s-]?(?P<long>(?i:{'|'.join(map(re.escape, long))}))"
            rf"|(?P<short>{'|'.join(map(re.escape, short))}))(?![A-Za-z0-9])"
            if long
            else r"(?!)"
        )

    @cached_property
    def _currency_before(self) -> Alternatives[str]:
        """Currency signs and codes written before a number, anchored where it starts."""
        items = [
            (rf"(?:{word})$", c.code)
            for c in self.n.currencies + (self.latin.currencies if self.latin else [])
            for word in c.before
        ]
        return Alternatives(items)

    @cached_property
    def _currency_after(self) -> Alternatives[str]:
        flags = re.IGNORECASE if self.lex.code == "en" else 0
        return Alternatives(
            [
                (rf"[\s-]?(?:{word})(?![A-Za-z])", c.code)
                for c in self.n.currencies
                for word in c.after
            ],
            flags,
        )

    @cached_property
    def _units_after(self) -> Alternatives[tuple[str, str, float]]:
        flags = re.IGNORECASE if self.lex.code == "en" else 0
        return Alternatives(
            [
                (
                    rf"[\s-]?(?:{word})(?![A-Za-z]|(?<=[A-Za-z])\d)",
                    (u.unit, u.measure, u.factor),
                )  # not "GB300"; "a 20-exaflop network", "a 10-GW campus"
                for u in self.n.units
                for word in u.words
            ],
            flags,
        )

    @cached_property
    def _spec_before(self) -> list[tuple[re.Pattern[str], str, str]]:
        # a qualifier may stand between the spec's name and its figure ("a TPP of about 2,400")
        words = [w for q in self.lex.data.qualifiers.values() for w in q.before]
        qualifier = rf"(?:{'|'.join(words)})?" if words else ""
        return [
            (re.compile(rf"(?:{word})\s?{qualifier}$", re.IGNORECASE), u.unit, u.measure)
            for u in self.n.spec_before
            for word in u.words
        ]

    @cached_property
    def _rate(self) -> re.Pattern[str]:
        words = self.n.rate_before
        return re.compile(rf"(?:{'|'.join(words)})\s?$") if words else re.compile("(?!)")

    @cached_property
    def _glued_qualifier(self) -> re.Pattern[str]:
        words = self.n.between_number_and_unit
        return re.compile("|".join(words)) if words else re.compile("(?!)")

    @cached_property
    def _fixed_counts(self) -> frozenset[str]:
        return frozenset(c.counted for c in self.n.counters if c.fixed and c.counted)

    @cached_property
    def _counters(self) -> Alternatives[str | None]:
        after = self.lex.particles("subject", "possessive", "object", "oblique")
        # and a copula
        after = (
            rf"(?:{after}|만|씩|\s|(?:이)?다(?![\uac00-\ud7a3])|였다|이며|이고|에\s?(?:달|이르|그))"
        )
        return Alternatives(
            [
                (rf"\s?(?:{word})(?![\uac00-\ud7a3])|\s?(?:{word})(?={after})", c.counted)
                for c in self.n.counters
                for word in c.words
            ]
        )

    @cached_property
    def _counted_after(self) -> Alternatives[str]:
        # up to five words between the number and the counted noun ("10,000 of Nvidia's fastest AI
        # GPUs", "1만 개 이상의 첨단 GPU"), but never across a verb, a conjunction or a preposition
        stop = (
            r"(?!(?:and|or|to|from|in|on|at|by|for|with|that|which|who|is|are|was|were|be|been|has|have|"
            r"had|will|would|per|than|as|into|over|under)\b)"
            # nor past a plural noun that names who, not what (`three major chipmakers producing
            # HBM chips`)
            r"(?![\w-]*(?:makers|companies|firms|vendors|suppliers|players|rivals|customers|buyers)\b)"
        )
        parts = "|".join(self.n.part_modifiers)
        if (
            parts
        ):  # nor past a word that makes the noun a firm's part (`two asset management units`)
            stop += rf"(?!(?:{parts})\s)"
        mods = rf"(?:{stop}\(?[\w.'’-]+\)?\s){{0,5}}?"  # a gloss in brackets too: `(CoWoS)`
        if self.lex.code == "ko":  # never past a word that closes the phrase (`이상을 … 기업`)
            particles = self.lex.particles("subject", "object", "oblique")
            # (`세 곳에 허가를`, `1만 개 이상으로 이뤄진 센터`: an oblique closes it too)
            closing = rf"(?![\uac00-\ud7a3]*{particles}\s)"
            mods = rf"(?:{closing}[\uac00-\ud7a3A-Za-z0-9.'-]+\s?){{0,2}}?"
        case = "(?i:" if self.lex.code == "en" else "(?:"
        return Alternatives(
            [(f"{case}{word})", unit) for unit, words in self.n.counted.items() for word in words],
            prefix=rf"\s?{mods}",
            suffix="(?![A-Za-z])",
        )

    @cached_property
    def _counted_before(self) -> list[tuple[re.Pattern[str], str]]:
        """Korean: the counted noun before the number (`GPU 1만 개`, `H20 칩 100만 개`); firms and
        countries only right before it (`제재기업 13곳`, not `기업은 올해 약 50만 개`)."""
        marked = self.lex.particles("subject", "object")
        loose = (
            rf"(?:\([^)]{{1,24}}\))?\s?(?:[A-Za-z0-9.-]+\s?)?(?:의\s?수|\s수)?{marked}?\s?"
            rf"(?:[\uac00-\ud7a3]{{1,3}}\s){{0,2}}$"
        )
        return [
            (
                re.compile(rf"(?:{word})" + (r"\s?$" if unit in ("entity", "country") else loose)),
                unit,
            )
            for unit, words in self.n.counted.items()
            for word in words
        ]

    @cached_property
    def _not_after_words(self) -> re.Pattern[str] | None:
        words = self.n.not_after_words
        return (
            re.compile(rf"(?<![\w])(?:{'|'.join(words)})[\s-]?#?$", re.IGNORECASE)  # `Tier-two`
            if words
            else None
        )

    @cached_property
    def _not_before_words(self) -> re.Pattern[str] | None:
        words = self.n.not_before_words
        return (
            re.compile(rf"(?:{'|'.join(words)})", re.IGNORECASE if self.lex.code == "en" else 0)
            if words
            else None
        )

    # -- finding ---------------------------------------------------------------------------
    def find(self, sentence: str, taken: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
        """Every quantity in `sentence`, skipping the spans in `taken` (dates, names)."""
        text = _masked(sentence)
        found: list[Quantity] = []
        blocked = list(taken)
        self._taken = list(taken)
        for q in self._fractions(text, blocked):
            found.append(q)
            blocked.append((q.start, q.end))
        combined, _ = self._vague
        vague = {m.start() for m in combined.finditer(text)}
        for start, end, value, qualifier in self._cores(text, blocked):
            made = self._quantity(text, start, end, value, qualifier)
            if made is not None:
                found.append(replace(made, vague=True) if start in vague else made)
                blocked.append((made.start, made.end))
        found = _coordinated(
            text, _ranges(text, sorted(found, key=lambda q: q.start), self.lex.code)
        )
        if self.lex.code == "ko":
            found = self._counted_earlier(text, self._from_ranges(text, found))
        else:
            found = self._counted_in_clause(text, found)
        found = self._row_unit(text, found)
        converted = _conversions(
            text,
            found,
            "|".join(self.n.conversion_words) or "(?!)",
            "|".join(self.n.restated_in_words) or "(?!)",
        )
        return [
            replace(q, text=sentence[q.start : q.end])
            for q in converted
            if not (q.measure == "count" and self._denominator(text, q))
        ]

    def _from_ranges(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """`2만 대에서 3만 대의 서버`: two figures of one measure joined by a `from` word are one
        range when what follows the second is what follows a range (`의`, `사이`), not where a
        change went (`5%에서 10%로 늘었다`, `10%까지 높아졌다`)."""
        joiners, after = self.n.range_from_joiners, self.n.range_after
        if not joiners or not after or len(found) < 2:
            return found
        joined = re.compile(rf"\s?(?:{'|'.join(joiners)})\s?")
        range_end = re.compile("|".join(after))
        out: list[Quantity] = []
        for q in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.value_max is None
                and q.value_max is None
                and (prev.unit, prev.measure) == (q.unit, q.measure)
                and q.value > prev.value
                and joined.fullmatch(text, prev.end, q.start)
                and range_end.match(text, q.end)
            ):
                out[-1] = replace(prev, end=q.end, text=text[prev.start : q.end], value_max=q.value)
                continue
            out.append(q)
        return out

    def _denominator(self, text: str, q: Quantity) -> bool:
        """`$2 per 1,000 tokens`, `100만 토큰당 0.06위안`: the count a rate is per is no figure."""
        before, after = self._denominator_marks
        reach = text[max(0, q.start - _DENOMINATOR_REACH) : q.start]
        return bool(before.search(reach) or after.match(text, q.end))

    @cached_property
    def _denominator_marks(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        before, after = self.n.denominator_before, self.n.denominator_after
        return (
            re.compile(rf"(?:{'|'.join(before)})$") if before else re.compile("(?!)"),
            re.compile("|".join(after)) if after else re.compile("(?!)"),
        )

    def _row_unit(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """`| FP32 TFLOPS | 128 | 256 |`: a table row whose label ends in a unit gives it to the
        bare numbers of its cells."""
        cells = row_cells(text)
        if cells is None:
            return found
        label = text[cells[0][0] : cells[0][1]]
        units = [
            u
            for m in re.finditer(r"(?:^|\s|\()(?=\S)", label)
            if (u := self._units_after.match(label, m.end()))
        ]
        if units:
            unit, measure, factor = units[-1][1]
        elif (spec := self._spec(label, len(label))) is not None:
            (unit, measure), factor = spec, 1.0  # `| GSM8K | 90.1 |`: a named score
        else:
            return found  # the label names no unit
        kept = [q for q in found if not (q.unit == "count" and q.counted is None)]
        for a, b in cells[1:]:  # "156/312*": dense and sparse; "1979": no year in a spec cell
            for part in re.finditer(r"[^/*\s][^/*]*", text[a:b]):
                number = part.group(0).strip()
                value = _plain(number) if re.fullmatch(DIGITS, number) else None
                if value is not None:
                    at = a + part.start()
                    kept.append(
                        self._made(text, at, at + len(number), value * factor, unit, measure)
                    )
        return sorted(kept, key=lambda q: q.start)

    def _counted_in_clause(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """ "its H20 card inventory was 20,000 before the ban", "shipments rose from 300,000 H800s
        to 450,000 in Q2": a count that ends its phrase (no noun after it) counts the noun its
        clause counted last before it."""
        out = []
        for q in found:
            labelled = self._label_counted(text, q)
            if labelled is not None:
                q = replace(q, unit=labelled, counted=labelled)
            elif (
                q.unit == "count"
                and q.counted is None
                and q.value >= 10
                and _PHRASE_END_EN.match(text, q.end)
            ):
                clause = max(
                    0,
                    q.start - _CLAUSE_REACH,
                    *(
                        at + len(c)
                        for c in _CLAUSE_MARKS_EN
                        if (at := text.rfind(c, max(0, q.start - _CLAUSE_REACH), q.start)) >= 0
                    ),
                )  # never past a list item's dash or a citation mark (`… filings [2] - …`)
                nouns = [
                    self._counted_units[_alternative(m)]
                    for m in self._any_counted.finditer(text, clause, q.start)
                ]
                never = self.lex.counter_never(text[q.start : q.end])
                nouns = [n for n in nouns if n not in _NOT_CARRIED and n not in never]
                if nouns:
                    q = replace(q, unit=nouns[-1], counted=nouns[-1])
            out.append(q)
        return out

    def _label_counted(self, text: str, q: Quantity) -> str | None:
        """ "- Tensor Cores: 680", "트랜지스터: 920억 개": a spec sheet's line whose label, before a
        colon, names what its bare count counts."""
        if q.unit != "count" or q.counted is not None:
            return None
        label = _SPEC_LABEL.match(text[: q.start])
        if label is None:
            return None
        last = None
        for m in self._any_counted.finditer(label.group(1)):
            last = m
        if last is None or last.end() != len(label.group(1)):
            return None
        unit = self._counted_units[_alternative(last)]
        return None if unit == OTHER_THING else unit  # "Employees: 2,078": the label counts people

    def _counted_later(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """`각각 5만 장, 네이버에는 6만 장의 GPU를`: a count with no noun at all shares the
        noun of the next count of the sentence with the same counter."""
        out = list(found)
        for i, q in enumerate(out):
            counter = _COUNTER_END.search(text, q.start, q.end)
            if q.unit != "count" or q.counted is not None or counter is None:
                continue
            later = [
                p
                for p in out[i + 1 :]
                if p.counted is not None
                and (c := _COUNTER_END.search(text, p.start, p.end)) is not None
                and c.group(0) == counter.group(0)
            ]
            if later:
                out[i] = replace(q, unit=later[0].unit, counted=later[0].counted)
        for i in range(len(out) - 2, -1, -1):  # right to left: a list passes its noun along
            q, nxt = out[i], out[i + 1]
            if (
                q.unit == "count"
                and q.counted is None
                and nxt.counted is not None
                and _COUNTER_END.search(text, q.start, q.end) is None
                and self.lex.joins_list(text, q.end, nxt.start)
            ):  # "각각 2,048, 4,096개", "1,000 and 4,000 cards": the list's last noun counts all
                out[i] = replace(q, unit=nxt.unit, counted=nxt.counted)
        return out

    def _counted_earlier(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """`H200 반도체를 200만 개 … 재고는 약 70만 개`, `(8인치 웨이퍼 기준) … 239만 236장`: a
        count with a counter and no noun of its own counts what the sentence counted last before it.
        """
        out = []
        for q in found:
            if (
                q.unit == "count"
                and q.counted is None
                and (labelled := self._label_counted(text, q)) is not None
            ):
                q = replace(q, unit=labelled, counted=labelled)
            elif (
                q.unit == "count"
                and q.counted is None
                and _COUNTER_END.search(text, q.start, q.end)
            ):
                nouns = [
                    self._counted_units[_alternative(m)]
                    for m in self._any_counted.finditer(text, 0, q.start)
                ]
                never = self.lex.counter_never(text[q.start : q.end])
                nouns = [n for n in nouns if n not in _NOT_CARRIED and n not in never]
                if nouns:
                    q = replace(q, unit=nouns[-1], counted=nouns[-1])
            out.append(q)
        return self._counted_later(text, out)

    @cached_property
    def _glued_to_product(self) -> re.Pattern[str]:
        chip_words = self.lex.data.names.chip_words
        glued = [w for w in chip_words if not w.isascii() and len(w) > 1]  # `쿤룬2`
        spaced = [w for w in chip_words if w[:1].isupper() and w.isalpha() and not w.isupper()]
        parts = [rf"(?:{'|'.join(glued)})"] if glued else []
        parts += [rf"\b(?:{'|'.join(spaced)})\s"] if spaced else []
        return re.compile(f"(?:{'|'.join(parts)})$") if parts else re.compile("(?!)")

    @cached_property
    def _phrase_closed(self) -> re.Pattern[str]:
        return re.compile(rf"{self.lex.particles('subject', 'object')}(?![\uac00-\ud7a3])")

    @cached_property
    def _phrase_or_oblique_closed(self) -> re.Pattern[str]:
        particles = self.lex.particles("subject", "object", "oblique")
        return re.compile(rf"{particles}(?![\uac00-\ud7a3])")

    @cached_property
    def _counted_units(self) -> list[str]:
        return [unit for unit, words in self.n.counted.items() for _ in words]

    @cached_property
    def _any_counted(self) -> re.Pattern[str]:
        words = [word for words in self.n.counted.values() for word in words]
        flags = re.IGNORECASE if self.lex.code == "en" else 0  # "Wafer sales volume was …"
        return re.compile("|".join(f"(?P<c{i}>{w})" for i, w in enumerate(words)) or "(?!)", flags)

    def _cores(
        self, text: str, blocked: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int, float, str | None]]:
        """(start, end, value, qualifier) of each number as written, before its units."""
        seen: list[tuple[int, int]] = []
        combined, each = self._vague
        for m in combined.finditer(text):
            value, qualifier = next((v, q) for p, v, q in each if p.fullmatch(m.group(0)))
            if not _overlaps(m.start(), m.end(), blocked + seen):
                seen.append((m.start(), m.end()))
                yield m.start(), m.end(), value, qualifier
        if not _HAS_DIGIT.search(text):
            blocked = blocked + seen
        else:
            yield from self._digit_cores(text, blocked, seen)
        if self._words is not None and self._word_probe.search(text):
            for m in self._words.finditer(text):
                if _overlaps(m.start(), m.end(), blocked + seen):
                    continue
                if self._not_before_words and self._not_before_words.match(text, m.end()):
                    continue  # "eight-way", "two-day": a modifier, not a figure
                if re.match(r"-[^\W\d_]", text[m.end() : m.end() + 2]):
                    continue  # hyphened to a word that is no number: "half-precision", "one-off"
                if self._not_after_words and self._not_after_words.search(
                    text, max(0, m.start() - 16), m.start()
                ):
                    continue  # "Tier-two", "Phase Three": a label
                number = self._parse_words(m.group(0))
                if number is not None:
                    yield m.start(), m.end(), number, None

    def _digit_cores(
        self, text: str, blocked: list[tuple[int, int]], seen: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int, float, str | None]]:
        for m in self._core.finditer(text):
            if _overlaps(m.start(), m.end(), blocked + seen) or not self._free_standing(
                text, m.start(), m.end()
            ):
                continue
            value = self._parse(m.group(0))
            if value is not None:
                seen.append((m.start(), m.end()))
                yield m.start(), m.end(), value, None

    @cached_property
    def _word_probe(self) -> Screened:
        """A number word worth reading: not "a" or "an" alone (they open a figure only before a
        scale)."""
        words = [w for w in self.n.words if w not in ("a", "an")]
        if not words:
            return Screened(re.compile("(?!)"))
        scales = [s for s in self.scales if len(s) > 2 and not _HANGUL.match(s)]
        after_article = "|".join(map(re.escape, scales + ["dozen", "hundred", "few"]))
        alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        return Screened(
            re.compile(
                rf"(?<![\w])(?:{alternatives}|an?\s+(?:{after_article}))(?![\w])",
                re.IGNORECASE if self.lex.code == "en" else 0,
            )
        )

    def _free_standing(self, text: str, start: int, end: int) -> bool:
        """Not the digits of a name (H100, GPT-4, 4090D), a label (section 3) or a year."""
        before = text[max(0, start - 1) : start]
        if before.isalpha() and self._before_currency(text, start)[0] is not None:
            before = ""  # "CNY114.28", "RMB10bn": a currency code, not a name
        if before and (
            before.isascii()
            and before.isalpha()
            or before in "-_/#.:"
            and _alnum_before(text, start - 1)
            and not (
                before == "-"
                and (
                    _BARE_NUMBER_BEFORE.search(text, max(0, start - 16), start - 1)
                    or self._units_after.match(text, end)
                )
            )
        ):  # "5-6 billion" is a range, "A100-80GB" a variant's memory; "i3-10100" a code
            return False
        if _falling_pair(text, start, end) and not (
            self._units_after.match(text, end) or self._scale_after.match(text, end)
        ):
            return False  # "720-200", "720-100": a product code, no range runs downwards
        if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
            return False  # "[5]": a footnote
        if text[start - 1 : start] == "%":
            return False  # "tsmc%E2%80%99s": an address's escaped bytes
        if (
            _RATE_NOTE.search(text, max(0, start - 16), start)
            or text[start:end] == "1"
            and _RATE_BASE_AFTER.match(text, end)
            or _OPERAND_BEFORE_EQUALS.match(text, end)
        ):
            return False  # "($1 = 7.24 yuan)": an exchange rate; "1,000 x 1,000 = …": arithmetic
        if self._glued_to_product.search(text, max(0, start - 12), start):
            return False  # "쿤룬2 칩", "어센드910": the digits of a product's name
        if _SIBLING_MODEL.search(text, max(0, start - 16), start):
            return False  # "시위안590·690", "MI308/309": a sibling model's number
        if re.match(r",\d", text[end : end + 2]) or re.search(
            r"\d,$", text[max(0, start - 2) : start]
        ):
            return False  # "1,2,3", "12,34": a malformed group
        if text[end : end + 1] and text[end : end + 1] in self._big_scales:
            return False  # "999조조": a unit group out of order
        after = text[end : end + 1]
        if (
            after.isascii()
            and after.isalpha()
            and not self._scale_after.match(text, end)
            and not self._units_after.match(text, end)
            and not self._currency_after.match(text, end)
        ):
            return False
        if (
            after == "-"
            and text[end + 1 : end + 2].isascii()
            and text[end + 1 : end + 2].isalpha()
            and not self._units_after.match(text, end + 1)
            and not self._counted_after.match(text, end + 1)
            and not self._scale_after.match(text, end)
        ):  # "671-billion-parameter" is a figure
            return False  # "16-core", but not "10-fold" or "72-GPU"
        if self._not_after_words and self._not_after_words.search(text, max(0, start - 16), start):
            return False
        if (
            self.lex.code == "en"
            and _NAME_BEFORE.search(text, max(0, start - 40), start)
            and "," not in text[start:end]
            and not self._scale_after.match(text, end)
            and not self._units_after.match(text, end)
        ):
            return (
                False  # "Atlas 950", "CloudMatrix 384", "Llama 3": a product's number, mid-sentence
            )
        if self._not_before_words and self._not_before_words.match(text, end):
            return False
        return True

    @cached_property
    def _big_scales(self) -> str:
        return "".join(k for k in self.n.scales if _HANGUL.match(k)) or "\0"

    def _parse(self, number: str) -> float | None:
        if not _HANGUL.search(number):
            return _plain(number)
        return parse_korean(number, self.n.scales, self.n.small_scales)

    def _parse_words(self, words: str) -> float | None:
        joined = " ".join(words.lower().split())
        if joined in self.n.words:
            return self.n.words[joined]
        tokens = re.split(r"[\s-]+", joined)
        if tokens[0] in ("a", "an"):
            if len(tokens) == 1:
                return None  # "a" alone is an article, not a figure
            tokens = tokens[1:]  # "a hundred", "a dozen"
        total, current = 0.0, 0.0
        for word in tokens:
            if word in self.n.words_and:
                continue  # the regex admits it only after a hundred
            value = self.n.words.get(word)
            if value is None:
                return None
            if word == "hundred":
                current = (current or 1) * 100
            else:
                current += value
        return total + current

    def _quantity(
        self, text: str, start: int, end: int, value: float, qualifier: str | None
    ) -> Quantity | None:
        number_text = text[start:end]
        is_word = not any(ch.isdigit() for ch in number_text)
        pos = end
        scale = self._scale_after.match(text, pos)
        if scale and (scale.group("long") or not is_word):
            if not (scale.group("short") and is_word):
                value *= (
                    self.scales[scale.group("long").lower()]
                    if scale.group("long")
                    else self.scales[scale.group("short")]
                )
                pos = scale.end()
        elif (
            is_word
            and self.lex.code == "en"
            and value < 2
            and not self._percent_after(text, pos)
            and not (
                (unit_after := self._units_after.match(text, pos)) is not None
                and unit_after[1][1] in _HARDWARE_MEASURES
            )
        ):
            return None  # "half", "one" alone: not a figure ("one percent", "one petaflop" are)
        sign = start - 1
        negative = (
            sign >= 0
            and text[sign:start] in ("-", "−")  # the sign touches the digit ("30 - 35%": a range)
            and (sign == 0 or text[sign - 1] in " \t|(:=[")  # no name's hyphen (GLM-4), no range's
            and not re.search(r"[\d%]\s*$", text[max(0, sign - 8) : sign])  # dash (40%-60%)
        )
        glued = self._glued_qualifier.match(text, pos)
        if glued:  # "10여 년간", "150여 명": a qualifier between the number and its unit
            said = self.lex.qualifier_words[1].match(glued.group(0).strip())
            qualifier = qualifier or (said[1] if said else None)
            if self._units_after.match(text, glued.end()):
                pos = glued.end()
        currency, cur_start = self._before_currency(text, start)
        if currency is None:
            found = self._currency_after.match(text, pos)
            if found:
                currency, pos = found[1], found[0].end()
        if currency is not None:
            if negative or text[max(0, cur_start - 1) : cur_start] in ("-", "−"):
                negative = True
            return self._made(
                text,
                cur_start,
                pos,
                value,
                currency,
                "money",
                qualifier=qualifier,
                negative=negative,
            )
        spec = self._spec(text, start)
        if spec is not None:
            unit, measure = spec
            percent = self._units_after.match(text, pos)
            if measure == "score" and percent is not None and percent[1][1] == "percent":
                # "SWE-bench Verified 71.4%": a score given in percent
                return self._made(text, start, percent[0].end(), value, "percent", measure)
            return self._made(text, start, pos, value, unit, measure, qualifier=qualifier)
        found_unit = self._units_after.match(text, pos)
        if found_unit:
            m, (unit, measure, factor) = found_unit
            if measure == "memory" and self._rate.search(text, max(0, start - 8), start):
                unit, measure = unit + "/s", "bandwidth"  # "초당 600GB": a rate
            scored = self._units_after.match(text, m.end()) if measure == "percent" else None
            if (
                scored is not None
                and scored[1][1] == "score"
                and not self.lex.word_before("score_change_before", text, start)
            ):  # "71.4% on SWE-bench": a score; not "improved 12% on MMLU": a change
                return self._made(text, start, scored[0].end(), value, unit, "score")
            if negative and measure == "percent":
                value = -value  # "| -12.4% |", "−2%": a fall, signed as written
            return self._made(
                text, start, m.end(), value * factor, unit, measure, qualifier=qualifier
            )
        if is_word and pos == end and re.match(r"\s[A-Z][A-Za-z]*\s[A-Z]", text[pos : pos + 40]):
            return None  # "Four GPU Dragons": a name
        counter = self._counters.match(text, pos)
        if counter:
            m, counted = counter[0], counter[1]
            if counted not in self._fixed_counts:  # "128단 낸드": a counter that says it all
                counted = (
                    self._counted_near(text, start, m.end()) or counted
                )  # "GPU를 72대": the noun over the counter
            if counted in self.lex.counter_never(text[start : m.end()]):
                counted = None  # 개, 장 and 대 count things, not people
            return self._made(
                text, start, m.end(), value, counted or "count", "count", counted, qualifier
            )
        counted_noun = self._counted_after.match(
            text, pos + (text[pos : pos + 1] in ("-", "+"))
        )  # "72-GPU", "20,000+ H20 GPUs"
        if (
            counted_noun
            and _YEAR.fullmatch(number_text)
            and len(counted_noun[0].group(0).split()) > 1
        ):
            counted_noun = None  # "In 2021 it bought chips": a year; "2048 GPUs" stays a count
        if counted_noun:
            counted = counted_noun[1]
            return self._made(text, start, pos, value, counted, "count", counted, qualifier)
        if _YEAR.fullmatch(number_text) and pos == end:
            if self._chip_name_counted(text, start, pos):
                return self._made(text, start, pos, value, "GPU", "count", "GPU", qualifier)
            return None  # a bare year is a date, never a count ("2048개", "2,048 GPUs" are counts)
        if is_word and pos == end and not self._range_goes_on.match(text, pos):
            return None  # "one of", "a" alone: not a figure; "three to six months" a range's low
        if (
            self.lex.code == "ko"
            and pos == end
            and not _COMMA_NUMBER.fullmatch(number_text)
            and value < 10
            and not _RANGE_OPENS.match(text, pos)  # "3~5배": the low end of a range
        ):
            return None
        thing = self._thing_after(text, pos) if value >= 2 and "." not in number_text else None
        if thing is not None:  # "12 rare earth elements", "1,536 experts": a count of a thing
            return self._made(text, start, pos, value, thing, "count", OTHER_THING, qualifier)
        return self._made(text, start, pos, value, "count", "count", None, qualifier)

    def _thing_after(self, text: str, pos: int) -> str | None:
        """The plural noun heading the phrase after an English count (`160 cabinets`, `15 funding
        rounds`, `150,000 valid patents`), in the singular, or None."""
        if self.lex.code != "en":
            return None
        words = self.lex.data.clause_words
        stops = set(words.get("thing_phrase_stops", []))
        at = pos
        for _ in range(4):
            m = _WORD_AFTER.match(text, at)
            if m is None or m.group(1).lower() in stops:
                return None
            word, at = m.group(1), m.end()
            if word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is")):
                if any(True for _ in self.lex.cue_scanner.finditer(word)):
                    return None  # "40,000 orders", "5,000 purchases": an act, not a thing
                return singular(word)
            if not _MODIFIER_WORD.fullmatch(word):
                return None
        return None

    def _made(
        self,
        text: str,
        start: int,
        end: int,
        value: float,
        unit: str,
        measure: str,
        counted: str | None = None,
        qualifier: str | None = None,
        negative: bool = False,
    ) -> Quantity:
        return Quantity(
            start, end, value, unit, measure, text[start:end], counted, None, qualifier, negative
        )

    def _before_currency(self, text: str, start: int) -> tuple[str | None, int]:
        head = text[max(0, start - 6) : start]
        found = self._currency_before.search(head)
        if found:
            return found[1], start - (len(head) - found[0].start())
        return None, start

    def _spec(self, text: str, start: int) -> tuple[str, str] | None:
        head = text[max(0, start - 50) : start]
        return next(
            (
                (unit, measure)
                for pattern, unit, measure in self._spec_before
                if pattern.search(head)
            ),
            None,
        )

    def _percent_after(self, text: str, pos: int) -> bool:
        found = self._units_after.match(text, pos)
        return found is not None and found[1][1] == "percent"

    def _chip_name_counted(self, text: str, start: int, end: int) -> bool:
        """`more than 2048 H800s`: a year-like number right before a name of the sentence, after
        no word that introduces a year (`in 2024 H20 sales` is a date), counts that name."""
        if not any(a == end + 1 for a, _ in self._taken) or text[end : end + 1] != " ":
            return False
        if int(text[start:end]) <= self.lex.data.dates.latest_year and (
            self._year_of_name_before.search(text, max(0, start - 12), start)
        ):
            return False  # "the 2020 X9": the name's year
        return not self._year_word_before.search(text, max(0, start - 12), start)

    @cached_property
    def _year_of_name_before(self) -> re.Pattern[str]:
        words = "|".join(self.lex.data.dates.year_of_name_before) or "(?!)"
        return re.compile(rf"(?i:(?:^|(?<=\W)|(?<=\w)(?=['’]))(?:{words}))\s+$")

    @cached_property
    def _year_word_before(self) -> re.Pattern[str]:
        words = "|".join(self.lex.data.dates.year_before) or "(?!)"
        return re.compile(rf"(?i:\b(?:{words}))\s+$|^\s*$")

    def _head_after_counter(self, text: str, end: int) -> str | None:
        """Korean puts a phrase's head last: the noun before the particle that closes the phrase
        after a counter is what it counts (`21개 우려국을`: countries; `12개 카테고리 장비가`:
        equipment), a thing the schema does not count unless it is a counted noun."""
        after = text[end : end + 40]
        if any(p.match(after) for q in self.lex.qualifiers.values() for p in q["after"]):
            return None  # "1만 개 이상의 첨단 GPU": a qualifier, not the phrase
        phrase = self._phrase_after_counter.match(after)
        if phrase is None or not noun_phrase(text, end + phrase.start(1), end + phrase.end(1)):
            return None
        head = _phrase_head(phrase[1])
        if any(True for _ in self.lex.cue_scanner.finditer(head)):
            return None  # "GPU 5만 장 확보를": an act (a cue), not a thing counted
        found = self._counted_after.match(f" {head}", 0)
        if found and found[0].end() == len(head) + 1:
            return found[1]
        first = phrase[1].split()[0] if phrase[1].split() else ""
        lead = self._counted_after.match(f" {first}", 0) if first != head else None
        if lead and lead[0].end() == len(first) + 1:
            return lead[1]  # "6,850억 개 매개변수 모델": parameters, of a model
        return OTHER_THING if re.fullmatch(r"[\uac00-\ud7a3]{2,}", head) else None

    @cached_property
    def _phrase_after_counter(self) -> re.Pattern[str]:
        particles = self.lex.particles("subject", "object", "possessive", "oblique")
        word = r"[\uac00-\ud7a3A-Za-z0-9·]+"
        return re.compile(rf"\s((?:{word}\s){{0,2}}?{word}?){particles}(?![\uac00-\ud7a3])")

    def _counted_near(self, text: str, start: int, end: int) -> str | None:
        """Korean `개`: the noun counted, just before the number or just after the counter (never
        past a particle that closes the phrase: `100개를 샀고 직원`)."""
        owner = self.lex.possessive.match(text, end)
        qualified = self.lex.qualifier_words[1].match(text, end)
        if owner is None and qualified is not None:  # "20만 대 이상의 H20 칩": past a qualifier
            after = qualified[0].end()
            # (the qualifier's word may carry the 의 itself: `이상의`)
            owner = self.lex.possessive.match(text, after) or self.lex.possessive.match(
                text, max(end, after - 1)
            )
        if (
            owner is not None
        ):  # "두 개의 추가 공장": the noun phrase 의 leads to is counted, and nothing else
            closed = next(
                (
                    m
                    for m in self._phrase_or_oblique_closed.finditer(
                        text, owner.end(), owner.end() + 48
                    )
                    if particle_ends(text, m.end())
                ),
                None,
            )  # "세 개의 추가 공장을": 가 ends 추가, 을 closes the phrase (`곳의 센터에`: 에)
            phrase_end = closed.start() if closed else min(len(text), owner.end() + 48)
            stop = _PHRASE_STOP.search(text, owner.end(), phrase_end)
            if stop and self._any_counted.search(text, owner.end(), stop.start()):
                phrase_end = (
                    stop.start()
                )  # "2T개의 매개변수, 학습 토큰 …"; not "1만 개의 고성능, 저전력 GPU"
            never = self.lex.counter_never(text[start:end])
            nouns = [
                unit
                for m in self._any_counted.finditer(text, owner.end(), phrase_end)
                if (unit := self._counted_units[_alternative(m)]) not in never
            ]  # "월 12만 장 규모의 공장": sheets (wafers) of a plant's size, no plants
            named = any(
                owner.end() <= a < phrase_end for a, _ in self._taken
            )  # "3만 개의 H20에": a chip's name
            groups = (
                g for _, _, g in self.lex.cue_scanner.finditer(text[owner.end() : phrase_end])
            )
            if not nouns and self.lex.counted_by_cue(text[start:end], groups):
                return None  # "12만 장의 생산량": the cue the counter reads decides, later
            return nouns[-1] if nouns else None if named else OTHER_THING
        noun = self._head_after_counter(text, end)
        if noun is not None:  # "21개 우려국을", "28개 반도체 관련 기업에": the phrase's last noun
            return noun
        found = (
            None if self._phrase_closed.match(text, end) else self._counted_after.match(text, end)
        )
        if found:
            return found[1]
        head = text[max(0, start - 24) : start]
        head = head[
            head.rfind(",") + 1 :
        ]  # never past a clause's comma: "… 칩 전용 시설이며, 두 개"
        before = [
            (m.start(), counted)
            for pattern, counted in self._counted_before
            if (m := pattern.search(head))
        ]
        # the noun nearest the figure (`GPU 웨이퍼 20만 개`)
        return max(before)[1] if before else None


_HARDWARE_MEASURES = frozenset({"compute", "memory", "bandwidth", "power", "frequency"})
_SPEC_LABEL = re.compile(r"^[\s\-–•*·]*([^\W\d][\w /&().-]{0,40}?)\s*:\s*$")


def _phrase_head(words: str) -> str:
    """The last word of a Korean noun phrase (its head), past a middle dot."""
    return re.split(r"[\s·]", words.strip())[-1]


def parse_korean(text: str, scales: dict[str, float], small: dict[str, float]) -> float | None:
    """`9억 4,400만` -> 944000000; `1조 2천억` -> 1.2e12; `5백만` -> 5e6; `28억8천` -> 2.88e9; None
    when malformed (big units must fall: `만 억` and `조조` are refused)."""
    total, section, current, last_big, last_small = 0.0, 0.0, None, None, None
    for token in re.findall(rf"{DIGITS}|[^\s\d,.]", text):
        if token[0].isdigit():
            if current is not None:
                return None
            current = _plain(token)
            if current is None:
                return None
        elif token in small:
            if last_small is not None and small[token] >= last_small:
                return None
            section += (current if current is not None else 1) * small[token]
            current, last_small = None, small[token]
        elif token in scales:
            if last_big is not None and scales[token] >= last_big:
                return None
            section += current or 0
            total += (section or 1) * scales[token]
            section, current, last_big, last_small = 0.0, None, scales[token], None
        else:
            return None
    rest = section + (current or 0)
    if (
        last_big is not None and last_small is not None
    ):  # `28억8천` is 28억 8천만: the next big unit elided
        rest *= max((v for v in scales.values() if v < last_big), default=1)
    return total + rest


def _plain(number: str) -> float | None:
    if "," in number and not _COMMA_NUMBER.fullmatch(number):
        return None
    try:
        return float(number.replace(",", "").replace("’", "").replace("'", ""))
    except ValueError:
        return None


def _masked(sentence: str) -> str:
    """Link targets, URLs and e-mail addresses blanked (offsets kept): their digits are no
    figures."""
    return (
        _URL.sub(lambda m: " " * len(m.group(0)), sentence)
        if ("/" in sentence or "@" in sentence)
        else sentence
    )


def _alnum_before(text: str, index: int) -> bool:
    return index > 0 and text[index - 1].isascii() and text[index - 1].isalnum()


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def _alternative(m: re.Match[str]) -> int:
    """Which alternative of `(?P<c0>…)|(?P<c1>…)|…` matched: the group that closes last is the
    alternative's own, so a match always has a `lastgroup`."""
    assert m.lastgroup is not None
    return int(m.lastgroup[1:])


_RANGE = {
    "en": re.compile(r"^\s?(?:-|–|~|∼|to|and)\s?$", re.IGNORECASE),
    "ko": re.compile(r"^\s?(?:-|~|–|∼|～)\s?$"),
}
# "from 256 to 384" and "2% and 17%" are two figures; "between 20 and 30" and "5,000 to 10,000"
# one range
_NOT_A_RANGE = {"en": re.compile(r"(?:\bfrom\s+(?:about\s+|around\s+)?\S*$)", re.IGNORECASE)}
# ... unless what goes from one to the other is a span, not a change ("to range from 9% to 11%",
# "expected to be from 2 billion yuan to 2.4 billion yuan")
_SPAN_FROM = {
    "en": re.compile(
        r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|be|is|are|was|were)\s+from\s+"
        r"(?:about\s+|around\s+)?\S*$",
        re.IGNORECASE,
    )
}


def _ranges(text: str, found: list[Quantity], lang: str) -> list[Quantity]:
    """`5,000-10,000 GPUs`, `$5 billion to $6 billion`, `between 2 and 3`: one quantity with a
    max."""
    joiner = _RANGE.get(lang, _RANGE["en"])
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        restated = _restated_in_brackets(text, out)
        if restated is not None and q.measure == out[-2].measure == out[-1].measure:
            # "between 30 billion euros ($32.67 billion) and 35 billion euros": the range runs
            # past the bracket that restates its low end
            first, close = out[-2], restated
            between = text[close : q.start].strip().lower() != "and" or re.search(
                r"\bbetween\s+\S*$", text[max(0, first.start - 40) : first.start], re.IGNORECASE
            )
            if joiner.match(text[close : q.start]) and between and q.value >= first.value:
                out[-2:] = [
                    replace(first, end=q.end, text=text[first.start : q.end], value_max=q.value),
                    replace(out[-1], converted=True),
                ]
                continue
        gap = text[prev.end : q.start].strip().lower() if prev else ""
        if (
            prev
            and gap == "and"
            and not re.search(
                r"\bbetween\s+\S*$", text[max(0, prev.start - 40) : prev.start], re.IGNORECASE
            )
        ):
            prev = None
        if (
            prev
            and gap == "to"
            and _NOT_A_RANGE.get(lang)
            and _NOT_A_RANGE[lang].search(text[max(0, prev.start - 40) : prev.start])
            and not _SPAN_FROM[lang].search(text[max(0, prev.start - 40) : prev.start])
        ):
            prev = None
        if (
            prev
            and joiner.match(text[prev.end : q.start])
            and q.value >= prev.value
            and (
                prev.measure == q.measure
                or prev.unit == "count"
                or q.unit == "count"
                and q.counted is None  # "$9.5–10.1 billion"
            )
        ):
            low, unit, measure, counted = prev.value, q.unit, q.measure, q.counted
            if q.unit == "count" and prev.measure != "count":
                unit, measure, counted = prev.unit, prev.measure, prev.counted
            if low < q.value / 100 and (
                (prev.unit == "count") != (q.unit == "count") or prev.text[-1:].isdigit()
            ):  # "5-6 billion", "between $40 and $60 billion", "7~8만 장", "7-8 million GPUs":
                # a bare low end shares the high end's scale
                low *= _scale_of(q.value, low)
            out[-1] = Quantity(
                prev.start,
                q.end,
                low,
                unit,
                measure,
                text[prev.start : q.end],
                counted,
                q.value,
                prev.qualifier or q.qualifier,
                prev.negative,
            )
            continue
        out.append(q)
    return out


def _restated_in_brackets(text: str, out: list[Quantity]) -> int | None:
    """Where the bracket closes when the last figure restates the one before it in brackets
    (`30 billion euros ($32.67 billion)`), else None."""
    if len(out) < 2 or not _BRACKET_OPENS.fullmatch(text, out[-2].end, out[-1].start):
        return None
    closes = _BRACKET_CLOSES.match(text, out[-1].end)
    return closes.end() if closes else None


_BRACKET_OPENS = re.compile(r"\s?[(（]\s?(?:about\s|around\s|approx\.?\s|약\s?|~)?")
_BRACKET_CLOSES = re.compile(r"\s?[)）]")


def _coordinated(text: str, found: list[Quantity]) -> list[Quantity]:
    """`1,000 and 4,000 cards`, `1,000개와 2,000개의 GPU`: a bare count takes the counted noun of
    the count it is coordinated with."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.unit != "count" or q.counted is not None:
            continue
        gap = text[q.end : nxt.start]
        if (
            nxt.measure == "count"
            and nxt.counted
            and (
                re.fullmatch(r"\s?(?:,|and|or|과|와|및|,\s?and)?\s?(?:개)?(?:과|와)?\s?", gap)
                or _OWNER_BETWEEN.fullmatch(gap)
            )
        ):
            out[i] = replace(q, unit=nxt.unit, counted=nxt.counted)
        elif (
            nxt.measure != "count"
            and re.fullmatch(r"\s(?:to|-|–)\s", gap)
            and re.search(r"\bfrom\s+$", text[max(0, q.start - 8) : q.start], re.IGNORECASE)
        ):
            out[i] = replace(q, unit=nxt.unit, measure=nxt.measure)  # "from 3352 to 2375 TOPS"
    for i in range(1, len(out)):
        q, prev = out[i], out[i - 1]
        if (
            q.unit == "count"
            and q.counted is None
            and prev.measure == "count"
            and prev.counted is not None
            and prev.counted not in _NOT_CARRIED
            and q.start - prev.end <= 80
            and _ELLIPSIS_BEFORE.search(text, max(prev.end, q.start - 30), q.start)
            and _NO_NOUN_AFTER.match(text, q.end)
        ):
            out[i] = replace(
                q, unit=prev.unit, counted=prev.counted
            )  # "50,000 chips, increasing to 100,000"
    return out


_DENOMINATOR_REACH = 16  # characters before a count in which a rate's `per` or price slash stands
_CLAUSE_MARKS_EN = (";", ":", " - ", " – ", " — ", "]", "•")
_CLAUSE_REACH = 160  # characters a bare count looks back for the noun its clause counted
_PHRASE_END_EN = re.compile(
    r"\s*(?:[,.;:)|\t]|$|\s(?:in|on|at|by|before|after|during|from|to|as|and|or|a|per|each|last|this|"
    r"since|until|compared|versus|vs|pieces)\b)"
)  # "was 20,000 before", "to 450,000 in Q2", "973,300 pieces" (a counter that names no noun)
# after a count: the words of the noun phrase it opens (`monthly active users`), one by one, past
# one space each; the head is the first plural
_WORD_AFTER = re.compile(r"\s([A-Za-z][\w-]*)(?![\w'’])")
_MODIFIER_WORD = re.compile(r"[a-z][a-z-]+|[A-Za-z]*\d[\w-]*|[A-Z][\w-]*")


def singular(word: str) -> str:
    """An English plural's singular (`categories` -> `category`, `machines` -> `machine`)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


OTHER_THING = "thing"  # a count of a noun no metric counts (`두 개의 공장`): never a figure's unit
# never lent to a later bare count (a site is counted where it is named: `공장의 생산량 … 5만 개`)
_NOT_CARRIED = {
    *("people", "share", OTHER_THING, "entity", "country"),
    *("fab", "data center", "building"),
}
_COUNTER_END = re.compile(r"[개장대](?:\s?)$")
_OWNER_BETWEEN = re.compile(
    r",?\s(?:and|or|versus|vs\.?|than)\s(?:[A-Z][\w-]*\s){0,3}[A-Z][\w-]*(?:'s|’s)\s"
)  # "90,000 and Meta's 70,000 GPUs"
_NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:)\]\[]|(?:with|in|by|at|for|per|over|under|after|before|a|each|this|next|last)\b|$)",
    re.IGNORECASE,
)
_ELLIPSIS_BEFORE = guarded(
    re.compile(
        r"\b(?:(?:increas|ris|rose|grow|grew|climb|rais|cut|reduc|fall|fell|drop|lower|expand|shr[ai]nk)\w*\s+)"
        r"(?:to|from)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|up to\s+)?$",
        re.IGNORECASE,
    )
)


def _scale_of(high: float, low: float) -> float:
    """`5-6 billion`: the low end takes the high end's scale."""
    factor = 1.0
    while low * factor * 10 <= high:
        factor *= 10
    return factor if factor >= 1000 else 1.0


def _conversions(
    text: str, found: list[Quantity], words: str, restated_in: str = "(?!)"
) -> list[Quantity]:
    """`170억달러(22조원)`, `55억달러(한화 약 7조5000억원)`, `497.9 exaflops (497,900,000
    teraflops)`: a figure in brackets right after one of the same measure restates it (another
    currency or unit, rounded: `20 acres (8.1 hectares)`); `words` may stand before it (the
    language's `conversion_words`), and
    `restated_in` words (`한화`) make a bracket a restatement even of a bare number."""
    opened = re.compile(rf"\s?[(（·/]\s?(?:(?:{words})\s?)*", re.I)
    restated = re.compile(rf"\s?[(（]\s?(?:{restated_in})\s?(?:(?:{words})\s?)*", re.I)
    further = re.compile(rf"[\s,·/]*(?:(?:{words})\s?)*", re.I)
    apposed = re.compile(rf"\s?,\s?(?:(?:{words})\s?)+", re.I)  # "1.6 trillion won, about $1.08bn"
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        gap = text[prev.end : q.start] if prev else ""
        if (
            prev
            and prev.measure == q.measure
            and (
                q.measure == "money"
                or q.value == prev.value
                or abs(q.value - prev.value) <= 0.02 * abs(prev.value)
                and _unit_word(text, prev) != _unit_word(text, q)  # "75% (74.6% adjusted)": two
            )  # figures in one unit; "20 acres (8.1 hectares)": one figure in two
            and opened.fullmatch(gap)
            and (gap.strip()[:1] in "(（" or _inside_brackets(text, q.start))
        ):
            q = replace(q, converted=True)
        elif (
            prev
            and prev.unit == "count"
            and prev.counted is None
            and q.measure == "money"
            and restated.fullmatch(gap)
        ):  # "115억(한화 약 15조2317억원)": a bare sum, then its value in won: the same figure
            q = replace(q, converted=True)
        elif (
            prev
            and prev.measure == q.measure == "money"
            and prev.unit != q.unit
            and apposed.fullmatch(gap)
        ):  # "invested 1.6 trillion won, about $1.08 billion": the sum again in dollars
            q = replace(q, converted=True)
        elif (
            prev
            and prev.converted
            and prev.measure == q.measure
            and further.fullmatch(gap)
            and _inside_brackets(text, q.start)
        ):
            q = replace(
                q, converted=True
            )  # "(7조8864억원 55억 달러)": a bracket of several conversions
        out.append(q)
    return out


def _unit_word(text: str, q: Quantity) -> str:
    """The letters a figure is written with, its digits left out (`acres`, `%`)."""
    return re.sub(r"[\d.,\s]", "", text[q.start : q.end])


def _inside_brackets(text: str, at: int) -> bool:
    """`(6천300억 위안·약 132조원)`: the second figure of a bracket, after a middle dot, restates
    the first."""
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def finder(lang: str) -> QuantityFinder:
    cache = _FINDERS
    if lang not in cache:
        cache[lang] = QuantityFinder(lexicon(lang), lexicon("en") if lang != "en" else None)
    return cache[lang]


_FINDERS: dict[str, QuantityFinder] = {}


def quantities(
    sentence: str, lang: str = "en", taken: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    return finder(lang).find(sentence, list(taken))


def counted_from_before(text: str, found: list[Quantity], noun: str | None) -> list[Quantity]:
    """`GPU 10만 개를 공급한다. 삼성전자는 3만 개, …를 받는다`: a Korean count with a counter and no
    noun counts what was counted last before it, earlier in its sentence or in the sentence before.
    """
    out = []
    for q in found:
        if q.counted and q.counted not in _NOT_CARRIED:
            noun = q.counted
        elif (
            noun is not None
            and q.unit == "count"
            and q.counted is None
            and _COUNTER_END.search(text, q.start, q.end)
        ):
            q = replace(q, unit=noun, counted=noun)
        out.append(q)
    return out


def last_counted(found: list[Quantity]) -> str | None:
    """The thing the sentence counted last (not people or shares), for the next sentence's
    counts."""
    nouns = [q.counted for q in found if q.counted and q.counted not in _NOT_CARRIED]
    return nouns[-1] if nouns else None


def _ratio(m: re.Match[str]) -> float | None:
    """ "3분의 1": `num` of `den` as a percentage, when it is a proper part."""
    den, num = float(m.group("den")), float(m.group("num"))
    return round(100 * num / den, 1) if 0 < num <= den else None


_PHRASE_STOP = re.compile(r"[,;)(]")  # a comma or a bracket closes a noun phrase
_PAIR_AFTER = re.compile(r"-(\d+)(?![\d,]|\.\d)")
_PAIR_BEFORE = re.compile(r"(?<![\d.,])(\d+)-$")


def _falling_pair(text: str, start: int, end: int) -> bool:
    """Two whole numbers joined by a hyphen, the second smaller (`720-200`): a code's parts."""
    after = _PAIR_AFTER.match(text, end)
    if after is not None and text[start:end].isdigit():
        return int(text[start:end]) > int(after.group(1))
    before = _PAIR_BEFORE.search(text, max(0, start - 12), start)
    if before is not None and text[start:end].isdigit():
        return int(before.group(1)) > int(text[start:end])
    return False
