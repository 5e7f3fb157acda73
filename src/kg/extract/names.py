"""Names the ontology does not know, typed by the words around them: candidate mentions.

English: runs of capitalised words (`Kestrel Silicon`, `Bureau of Industry and Security`,
`Commerce Secretary Howard Lutnick`). A run is an agency when it holds an agency word
(`Department`, `Committee`), a person after a title (`Secretary`, `CEO`) or when it opens with a
given name or a Chinese surname, a firm when it ends in an organisation word (`Corp`, `Labs`);
other runs are kept untyped, for a fact to type by the role it fills. Korean: a name before a
title (`러트닉 장관`, `하워드 러트닉 상무장관`) is a person; an unknown word ending in an agency
word after a country word (`중국 공업정보화부`) or ending in `위원회`/`청` is an agency; a
Latin-script name with a subject particle (`Megaspeed는`) is a firm. Every word list is data
(the `names` section of the language's lexicon).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kg.extract.gazetteer import Mention
from kg.extract.korean import common_noun_ends, is_proper_name, particle_ends
from kg.extract.lexicon import Lexicon, latin_codes, lexicon
from kg.extract.scan import Screened, guarded

_EN_RUN = guarded(
    re.compile(
        r"(?<![\w'’-])((?:[A-Z][\w&.'’-]*[\w&]|[A-Z])(?:\s+(?:(?:of|and|for|on|the|de|&)\s+)+"
        r"(?:[A-Z][\w&.'’-]*[\w&]|[A-Z])|\s+"  # after a joining word, a capital: no "on 512"
        r"(?:[A-Z]\.(?=\s+[A-Z][a-z])|[A-Z][\w&.'’-]*[\w&]|[A-Z]|[a-z]*\d[\w.-]*[A-Za-z][\w.-]*|[A-Za-z]+\d[\w.-]*|\d+(?:\.\d+)?(?!\d|,\d)|AI))*)"
    )
)  # a capital first: the engine skips other positions with one class test
_KO_LIST_REACH = 160  # characters a list before 등 is read back
_KO_NAME_WORDS = re.compile(r"(?<![\uac00-\ud7a3])(?:[\uac00-\ud7a3]{1,4}\s)?[\uac00-\ud7a3]{2,5}$")
_KO_NOT_NAME_PARTS = frozenset(
    "겸 및 전 현 신임 前 現 당시 이번 직전 초대 공동 수석 부 대표 측 소속 출신".split()
)
# a version or model number after a family's name; `{end}` is what may follow it (`{tier}`: or
# a tier word), `{particle}` a particle closing the word (`NameFinder._version_pattern`)
_MODEL_VERSION = r"[\s-][VRK]\d+(?:\.\d+)?(?:-[A-Z][a-z]+)?{end}"
_VARIANT_SUFFIX = re.compile(r"(?:-(?:[A-Z]{2,}|[A-Z][a-z]{2,}[A-Z]?)(?!\w|\.\w))+(?!-)")
_FAMILY_VERSION = (
    r"[\s-](?:[A-Z]?\d+(?:\.\d+)?[A-Z]?)(?:-(?:[A-Z][a-z]+|[A-Z]?\d+(?:\.\d+)?[A-Z]?))*{tier}"
    r"(?!\s(?:days?|weeks?|months?|years?|hours?|times|percent|%))"
)
_MODEL_NUMBER = (
    r"\s?(?:[A-Z]{0,2}\d{2,4}[A-Za-z]{0,3}|\d(?=\s+(?:chips?|accelerators?|cards?|GPUs?|processors?|"
    r"[A-Z(])|[,;:)]|\s*$|{particle}))(?:\s[A-Z]\d)?{end}"
)  # "Ascend 960", "Gaudi 3 chips", "쿤룬2는": one digit only before a chip noun, a name or a break
# a product's model code closing a name (`MTT X300`, `S4000`, `HL-328`, `910C`): no firm's name;
# not a parameter count (`72B`) or a one-digit version (`V3`, `R1`: a model's)
PRODUCT_CODE = re.compile(r"(?:^|\s)(?:[A-Z]{1,3}-)?[A-Z]{0,4}\d{2,5}[A-Z]{0,2}$(?<!\dB)")
# an English model code, letters then three or more digits (`BR100`, `MLU370`); a period code
# (`FY2025`) is no name at all (not_product_codes)
_EN_MODEL_CODE = re.compile(r"[A-Z]{1,4}\d{3,5}[A-Z]{0,2}")
# connecting words before a model code in a capitalised run (`Shipments of the GH100`,
# `BR100 and the BR104`): the code is a name of its own
_BEFORE_A_CODE = re.compile(r"\s+(?:(?:of|and|for|on|the|&)\s+)+(?=[A-Z]{1,4}\d{3,5}[A-Z]{0,2}\b)")
# a firm's hardware product code after its name (`Micron's HBM4`, `삼성전자 HBM4`,
# `Loongson 3A6000`, `Zhaoxin KX-6640MA`): letters and digits as part numbers run, not a model's
# one-letter version (`V3`, `T1`), a process or car (`SF2`, `SU7`), a half or a quarter (`1H25`,
# `2Q2025`) nor a year or a plain number
_FIRM_PRODUCT_CODE = re.compile(
    r"(?:['’]s|의)?\s(?P<code>[A-Z]{3,5}\d{1,4}[A-Z]{0,2}|[A-Z]{2}\d{2,4}[A-Z]{0,2}"
    r"|\d[A-GI-PR-Z]\d{3,4}[A-Z]?|[A-Z]{1,3}-\d{3,5}[A-Z]{0,3})"
    r"(?![A-Za-z0-9_.-])"
)
_HAS_DIGIT = re.compile(r"\d")
_CODE_LIST_SPLIT = re.compile(r"(?:[\s,/]|\b(?:and|or)\b|&|및|와|과)+")  # `DDR5 and LPDDR5`
_DECIMAL_VERSION = re.compile(r"[A-Za-z][-\s]?\d+\.\d+(?:-[A-Za-z]+)?$")  # a release number
# between two listed names, past a bracket after the first (`Acme (120,000 units), Beta …`)
_LIST_JOINER = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    surface: str
    label: str | None  # Person | Agency | Firm, or None: a name whose type the text does not say
    # a known family's member: the family's id and the code (`어니 4.5`: ernie-4-5)
    id: str | None = None


def slug(name: str) -> str:
    """A lowercase id; Korean names keep their Hangul (ids are unique per label, any script)."""
    return re.sub(r"[^a-z0-9\uac00-\ud7a3]+", "-", name.lower()).strip("-")


class NameFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        n = lex.data.names
        self.titles = sorted(n.person_titles, key=len, reverse=True)
        self.org_suffixes = frozenset(n.org_suffixes)
        self.agency_words = frozenset(n.agency_words)
        self.given = frozenset(n.given_names)
        self.surnames = frozenset(n.cn_surnames)
        self.not_names = frozenset(n.not_names)
        self.segment_nouns = frozenset(n.segment_nouns)

    @cached_property
    def _after_name(self) -> str:
        """What may follow a Korean name or title: a particle, a comma, a bracket (closing, or
        opening a gloss: `최고경영자(CEO)는`), a space or the end."""
        particles = self.lex.particles("subject", "possessive", "object", "oblique")
        return rf"(?:{particles}|측|,|\s|\(|\)|$)"

    @cached_property
    def _ko_latin(self) -> re.Pattern[str]:
        """A Latin-script name in Korean text carrying a subject, possessive or joining particle
        (`Megaspeed는`)."""
        marked = self.lex.particles("subject", "possessive")
        return re.compile(
            rf"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&.-]+(?:\s[A-Z0-9][A-Za-z0-9&.-]*)*)(?=(?:{marked}|와|과)\s)"
        )

    @cached_property
    def _ko_latin_before_noun(self) -> re.Pattern[str]:
        """A Latin-script name, then a chip noun or a model noun of the language."""
        chips = "|".join(self.lex.data.numbers.counted.get("GPU", [])) or "(?!)"
        models = "|".join(w for w in self.lex.data.names.model_words if not w.isascii()) or "(?!)"
        return re.compile(
            rf"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&.-]*(?:\s[A-Z0-9][A-Za-z0-9&.-]*)*)"
            rf"\s(?:(?P<model>{models})|(?:{chips}))(?![A-Za-z])"
        )

    @cached_property
    def _latin_units(self) -> re.Pattern[str]:
        """Unit words of every language's lexicon written in Latin letters (`TPP`, `TFLOPS`,
        `HBM`)."""
        words = [
            w
            for code in ("en", self.lex.code)
            for u in lexicon(code).data.numbers.units + lexicon(code).data.numbers.spec_before
            for w in u.words
            if w.isascii()
        ]
        return re.compile(rf"(?:{'|'.join(words)})", re.IGNORECASE) if words else re.compile("(?!)")

    @cached_property
    def _units(self) -> re.Pattern[str]:
        """Unit and currency words ("GB", "EFLOPS", "PB/s"): never a name, and they end one."""
        n = self.lex.data.numbers
        words = [w for u in n.units for w in u.words] + [w for c in n.currencies for w in c.after]
        return (
            re.compile(rf"(?:{'|'.join(words)})[.,;:]?", re.IGNORECASE)
            if words
            else re.compile("(?!)")
        )

    @cached_property
    def _chip_words(self) -> re.Pattern[str] | None:
        words = self.lex.data.names.chip_words
        return re.compile(rf"(?:{'|'.join(words)})") if words else None

    @cached_property
    def _chip_noun(self) -> re.Pattern[str]:
        """The language's nouns that count chips (`GPU`, `chips`, `accelerator`)."""
        nouns = self.lex.data.numbers.counted.get("GPU", [])
        return re.compile(rf"(?:{'|'.join(nouns)})" if nouns else "(?!)", re.IGNORECASE)

    @cached_property
    def _model_words(self) -> re.Pattern[str] | None:
        words = self.lex.data.names.model_words
        return re.compile(rf"(?:{'|'.join(words)})") if words else None

    @cached_property
    def _sum(self) -> re.Pattern[str]:
        """A currency written before its number (`CNY700`, `US$1.07bn`, `HK$5`)."""
        before = [w for c in self.lex.data.numbers.currencies for w in c.before]
        return re.compile(rf"(?:{'|'.join(before)})\d") if before else re.compile("(?!)")

    @cached_property
    def _title_before(self) -> Screened:
        return Screened(
            re.compile(rf"(?:{'|'.join(map(re.escape, self.titles))})\.?\s$")
            if self.titles
            else re.compile("(?!)")
        )

    @cached_property
    def _title_apposed(self) -> Screened:
        """A title set before a name by a comma (`its Vice President of Policy, Lee Mendel`)."""
        titles = "|".join(map(re.escape, self.titles)) or "(?!)"
        return Screened(
            re.compile(
                rf"\b(?:{titles})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&-]*"
                rf"(?:\s+(?:[A-Z][\w&-]*|and|&))*)?,\s$"
            )
        )

    @cached_property
    def _cn_given(self) -> re.Pattern[str] | None:
        pattern = self.lex.data.names.cn_given_name
        return re.compile(pattern, re.IGNORECASE) if pattern else None

    @cached_property
    def _firm_after(self) -> re.Pattern[str] | None:
        words = self.lex.data.names.firm_after
        return re.compile("|".join(f"(?:{w})" for w in words)) if words else None

    @cached_property
    def _person_after(self) -> re.Pattern[str] | None:
        words = self.lex.data.names.person_after
        return re.compile("|".join(f"(?:{w})" for w in words)) if words else None

    @cached_property
    def _ko_title(self) -> Screened:
        """A title word, alone or closing a compound (`사무총장은`, `IT장관이`)."""
        titles = "|".join(map(re.escape, self.titles)) or "(?!)"
        glued = "|".join(map(re.escape, self.lex.data.names.glued_titles)) or "(?!)"
        return Screened(
            re.compile(
                rf"(?<=\s)(?:[\uac00-\ud7a3A-Za-z]{{1,4}}?(?:{glued})|(?:{titles})){self._after_name}"
            )
        )

    @cached_property
    def _ko_title_before(self) -> Screened:
        """A title right before a name, perhaps with a copula (`CEO인 `, `대표 `)."""
        titles = "|".join(map(re.escape, self.titles)) or "(?!)"
        return Screened(re.compile(rf"(?:{titles})(?:인|이자|겸)?\s$"))

    @cached_property
    def _ko_title_then_name(self) -> Screened:
        """A title (perhaps with a copula: `CEO인`) or an affiliation word, then one or two Hangul
        words marked as a name would be (`사장 존 리는`, `회장 겸 CEO인 주이밍은`, `총괄을 지낸
        장젠중이`, `출신 왕젠궈가`)."""
        words = sorted(
            [*self.titles, *self.lex.data.names.affiliation_words], key=len, reverse=True
        )
        titles = "|".join(map(re.escape, words)) or "(?!)"
        links = "|".join(self.lex.data.names.title_links) or "(?!)"
        ends = r"(?:은|는|이|가|의|과|와|도|,|\s?\()"
        return Screened(
            re.compile(
                rf"(?<![\uac00-\ud7a3])(?:{titles})(?:{links})?\s(?P<name>[\uac00-\ud7a3]\s[\uac00-\ud7a3]{{2,3}}(?={ends})"
                # one marked word before two (`옌룽은 신주공모(IPO)`, `하은 킴은`)
                rf"|[\uac00-\ud7a3]{{2,4}}(?={ends})|[\uac00-\ud7a3]{{2,4}}\s[\uac00-\ud7a3]{{1,4}}(?={ends}))"
            )
        )

    @cached_property
    def _ko_given_then_name(self) -> re.Pattern[str]:
        """A Western given name as Korean writes it, then one or two Hangul words marked as a
        name would be (`크리스 맥과이어는`, `앨런 하오 쉬가`)."""
        given = "|".join(sorted(self.given, key=len, reverse=True)) or "(?!)"
        titles = "|".join(sorted(map(re.escape, self.titles), key=len, reverse=True)) or "(?!)"
        return re.compile(  # ... or followed by a title (`찰스 숄 애널리스트는`)
            rf"(?<![\uac00-\ud7a3\d])(?P<name>(?:{given})\s[\uac00-\ud7a3]{{1,5}}(?:\s[\uac00-\ud7a3]{{1,4}})?)"
            rf"(?=(?:(?:은|는|이|가|의|과|와|도|에게|을|를)(?![\uac00-\ud7a3])|,|\s?\(|\s(?:{titles})))"
        )

    @cached_property
    def _ko_firm_after_noun(self) -> Screened:
        """A firm noun, then one Hangul word marked as a name would be (`업체 시게이트가`,
        `투자은행인 중신증권이`)."""
        nouns = (
            "|".join(
                map(re.escape, sorted(self.lex.data.names.firm_appositives, key=len, reverse=True))
            )
            or "(?!)"
        )
        countries = "|".join(
            map(re.escape, sorted(self.lex.data.names.country_prefixes, key=len, reverse=True))
        )
        return Screened(
            re.compile(  # the noun may end a compound (`경제매체 제일재경`) and take a copula; the
                # name may open with its country (`합작법인인 베트남 데이터젠을`)
                rf"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{{0,6}}?(?:{nouns})(?:인)?\s"
                rf"(?P<name>(?:(?P<country>{countries or '(?!)'})\s)?[\uac00-\ud7a3]{{2,8}})"
                rf"(?=(?:은|는|이|가|의|과|와|도|에서|에게|에|을|를|로|,|\s?\(|\s등))"
            )
        )

    @cached_property
    def _ko_person_aged(self) -> Screened:
        """`아론 운(41)`: a name with an age in brackets, as Korean reports write people."""
        return Screened(
            re.compile(
                r"(?<!\S)((?:[\uac00-\ud7a3]{1,5}\s){0,2}[\uac00-\ud7a3]{1,4})\s?\((?:\d{2}|\d{2}세)\)"
            )
        )

    @cached_property
    def _ko_agency(self) -> re.Pattern[str]:
        prefixes = (
            "|".join(
                map(re.escape, sorted(self.lex.data.names.country_prefixes, key=len, reverse=True))
            )
            or "(?!)"
        )
        words = "|".join(map(re.escape, sorted(self.agency_words, key=len, reverse=True))) or "(?!)"
        return re.compile(
            rf"(?<![\uac00-\ud7a3])(?:(?P<country>{prefixes})\s?)?(?P<name>[\uac00-\ud7a3]{{1,12}}(?:{words}))(?={self._after_name})"
        )

    @cached_property
    def _ko_withheld(self) -> re.Pattern[str]:
        """`A씨`, `B사`: one capital letter for a person or a firm a report does not name."""
        names = self.lex.data.names
        particles = self.lex.particles("subject", "possessive", "object", "oblique")
        person = "|".join(map(re.escape, names.withheld_person)) or "(?!)"
        firm = "|".join(map(re.escape, names.withheld_firm)) or "(?!)"
        return re.compile(
            rf"(?<![A-Za-z0-9\uac00-\ud7a3])[A-Z](?:(?P<person>{person})|(?P<firm>{firm}))"
            # a particle must end the word: not `G사이즈`
            rf"(?=(?:{particles})(?![\uac00-\ud7a3])|[·’'”\s,.)]|$)"
        )

    @cached_property
    def _ko_city(self) -> re.Pattern[str]:
        """`상하이시는`, `항저우시 차원에서`: a city acting, its government."""
        names = self.lex.data.names
        words = "|".join(map(re.escape, names.city_words)) or "(?!)"
        acting = "|".join(names.city_acting_after) or "(?!)"
        return re.compile(
            rf"(?<![\uac00-\ud7a3])(?P<name>(?P<stem>[\uac00-\ud7a3]{{2,8}}?)(?:{words}))(?={acting})"
        )

    @cached_property
    def _ko_org(self) -> Screened:
        """`상하이증권거래소`, `힌덴버그리서치`, `Kestrio그룹`: a proper noun (or a Latin name)
        with an organisation's suffix written onto it."""
        ordered = sorted(self.org_suffixes, key=len, reverse=True)
        words = "|".join(map(re.escape, ordered)) or "(?!)"
        # a suffix of three syllables or more, or in Latin letters, may stand as a word of its own
        # (`키밍 캐피털`, `사르밤 AI`); not a person's title (`X 연구원은`: a researcher at X)
        spaced = (
            "|".join(
                re.escape(w)
                for w in ordered
                if (len(w) >= 3 or w.isascii()) and w not in self.titles
            )
            or "(?!)"
        )
        # a Latin name takes a Hangul suffix written onto it (`Kestrio그룹`), never a spaced one
        glued = "|".join(re.escape(w) for w in ordered if not w.isascii()) or "(?!)"
        return Screened(
            re.compile(
                rf"(?<![\uac00-\ud7a3A-Za-z0-9])(?P<name>(?P<stem>[\uac00-\ud7a3]{{2,10}}?)(?:{words}|\s(?:{spaced}))"
                rf"|(?P<latin>[A-Z][A-Za-z0-9]{{3,15}})(?:{glued}))(?={self._after_name})"
            )
        )

    def find(self, text: str, known: list[Mention]) -> list[Name]:
        taken = [(m.start, m.end) for m in known]
        found = (
            self._english(text, taken, known)
            if self.lex.code == "en"
            else self._korean(text, taken)
        )
        found = found + self._model_numbers(text, known, found)
        found = [n for n in found if not self._all_format_codes(n.surface)]  # "FY2025", "FP16"
        if self.lex.code == "en":
            found = self._typed_by_context(text, known, found)
        return sorted(found, key=lambda n: n.start)

    @cached_property
    def _format_code(self) -> re.Pattern[str]:
        """A period or a number format written as a code (`FY2025`, `Q3`, `FP16`): no name, in a
        text of any language (the codes are Latin; each language's file may list more)."""
        codes = latin_codes("not_product_codes")
        return re.compile(rf"(?:{codes})-?\d*[A-Za-z]?")

    def _all_format_codes(self, surface: str) -> bool:
        """`FY2025`, `DDR5 and LPDDR5`: periods, formats or standards alone, listed or not."""
        words = [w for w in _CODE_LIST_SPLIT.split(surface) if w]
        return bool(words) and all(self._format_code.fullmatch(w) for w in words)

    @cached_property
    def _maker_code(self) -> re.Pattern[str]:
        """A format code that names a product after its maker's name (`Micron HBM4`)."""
        codes = latin_codes("maker_product_codes")
        return re.compile(rf"(?:{codes})\d")

    def _typed_by_context(self, text: str, known: list[Mention], found: list[Name]) -> list[Name]:
        """A name the text does not type takes the type of the names it is listed with
        (`SenseTime, Megvii, and Yitu`), or a firm's when an apposition calls it one (`Bitworks, a
        Huntsville-based hardware distributor`)."""
        spans = sorted(
            [(m.start, m.end, m.label) for m in known if m.label and m.label != "Country"]
            + [(n.start, n.end, n.label or self._class_before(text, n.start)) for n in found],
            key=lambda x: x[0],
        )  # a type comes from a name the ontology knows or a typed new one (or the class a list
        # is introduced by: "providers such as Yotta, ..."), through names of no type
        labels = {(s, e): label for s, e, label in spans}
        ends = {e for _, e, _ in spans}
        listed = [  # joined pairs; a name glued to another (`Amazon Web Services`) is a fragment
            (a, b)
            for a, b in zip(spans, spans[1:], strict=False)
            if _LIST_JOINER.fullmatch(text, a[1], b[0]) and a[0] - 1 not in ends
        ]
        if not any(re.search(r"\b(?:and|or)\b", text[a[1] : b[0]]) for a, b in listed):
            listed = []  # no list without `and` or `or` (a comma alone may close a clause)
        for _ in range(2):  # a type passes along the list both ways
            for (s1, e1, _), (s2, e2, _) in listed:
                if s2 - 1 in ends:
                    continue
                a, b = labels[(s1, e1)], labels[(s2, e2)]
                if a and not b:
                    labels[(s2, e2)] = a
                elif b and not a:
                    labels[(s1, e1)] = b
        out = []
        for n in found:
            label = labels.get((n.start, n.end), n.label)
            if label is None and self._firm_apposition.match(text, n.end):
                label = "Firm"
            elif label is None and self._product_apposition.match(text, n.end):
                label = "Chip"  # "The Orion Nano is a compact AI workstation", "Lingxi, a new NPU"
            elif label is None and self._model_apposition.match(text, n.end):
                label = "AIModel"  # "Velo-3 is a 70-billion-parameter model", "Orvex, an open LLM"
            elif label is None:  # "chipmaker Biren", "the vision chip “Tarnis”"
                label = self._class_noun_before(text, n.start)
            out.append(n if label == n.label else Name(n.start, n.end, n.surface, label))
        return out

    @cached_property
    def _class_openers(self) -> list[tuple[re.Pattern[str], str]]:
        """A plural class noun and a list opener right before a name (`providers such as`,
        `GPUs including`, `models like`), with the type the class gives the listed names."""
        openers = "|".join(self.lex.data.clause_words.get("list_openers", [])) or "(?!)"
        classes = [
            ("Firm", list(self.lex.data.names.firm_appositives)),
            ("Chip", list(self.lex.data.numbers.counted.get("GPU", []))),
            ("AIModel", [w for w in self.lex.data.names.model_words if w.islower()]),
        ]
        return [
            (
                re.compile(
                    rf"\b(?:{'|'.join(words)})(?:e?s)?(?:\s+\([^)]{{1,20}}\))?,?\s+(?:{openers})\s+(?:the\s+)?$",
                    re.IGNORECASE,
                ),
                label,
            )
            for label, words in classes
            if words
        ]

    def _class_before(self, text: str, at: int) -> str | None:
        before = text[max(0, at - 60) : at]
        return next((label for p, label in self._class_openers if p.search(before)), None)

    @cached_property
    def _firm_apposition(self) -> re.Pattern[str]:
        nouns = "|".join(self.lex.data.names.firm_appositives) or "(?!)"
        return re.compile(
            rf"(?:,\s+(?:a|an|the)|\s+(?:is|was)\s+(?:a|an))\s+(?:[\w.'’-]+,?\s+){{0,6}}?"
            rf"(?:{nouns})\b(?!['’]s)"
        )  # "Bitworks, a hardware distributor"; "Kestrel is a Shenzhen-based chipmaker"

    @cached_property
    def _product_apposition(self) -> re.Pattern[str]:
        """`, a new NPU`, ` is a compact AI workstation`: a product noun heads the description."""
        nouns = "|".join(self.lex.data.clause_words.get("product_appositives", [])) or "(?!)"
        return re.compile(
            rf"(?:,|\s+is)\s+(?:a|an)\s+(?:[\w.'’-]+,?\s+){{0,5}}?(?:{nouns})s?\b(?!-|['’]s)"
        )

    @cached_property
    def _model_apposition(self) -> re.Pattern[str]:
        """`, an open LLM`, ` is a 70-billion-parameter model`: a model noun heads it."""
        nouns = "|".join(w for w in self.lex.data.names.model_words if w.islower()) or "(?!)"
        evidence = "|".join(self.lex.data.clause_words.get("ai_model_modifiers", [])) or "(?!)"
        word = r"(?!(?:with|of|for|and|or|that|which)\b)[\w.'’-]+,?\s+"
        return re.compile(
            rf"(?:,|\s+(?:is|was))\s+(?:a|an)\s+(?:{word}){{0,3}}?(?:{evidence})[\w-]*,?\s+"
            rf"(?:{word}){{0,2}}?(?:{nouns})(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|with|trained|released|built)\b)"
        )  # an AI model's words in the description, the model noun at its end (not `a model
        # service platform`, `a business model`, `a role model for`)

    def _class_noun_before(self, text: str, at: int) -> str | None:
        """`startup Xiwang`, `the vision chip “Tarnis”`, `the new model Orvex-2`: a class noun,
        in the singular and lower case, right before the name types it."""
        before = text[max(0, at - 24) : at]
        return next((label for p, label in self._class_nouns_before if p.search(before)), None)

    @cached_property
    def _class_nouns_before(self) -> list[tuple[re.Pattern[str], str]]:
        words = self.lex.data.clause_words.get("product_appositives", [])
        chips = [w for w in words if w.islower()]
        acronyms = [w for w in words if w.isupper()]  # `GPU “Lingxi”`, not `GPU Architecture:`
        models = [w for w in self.lex.data.names.model_words if w.islower()]
        firms = list(self.lex.data.names.firm_appositives)
        return [
            (re.compile(rf"\b(?:{'|'.join(ws)})\s+{quote}$"), label)
            for ws, quote, label in (
                (firms, "", "Firm"),
                (chips, "[\"“'‘]?", "Chip"),
                (acronyms, "[\"“'‘]", "Chip"),
                (models, "[\"“'‘]?", "AIModel"),
            )
            if ws
        ]

    def _version_pattern(self, template: str, stops: str = "") -> re.Pattern[str]:
        """A version pattern closed as this language closes a word: by no letter, digit, point
        (or `stops`), or by a particle (`어니 4.5는`, `어센드 970에서`)."""
        tiers = self.lex.data.names.model_tiers
        cases = self.lex.particles("subject", "object", "possessive", "oblique")
        particle = rf"{cases}(?![\uac00-\ud7a3])"  # a case particle closing the word, not `2만`
        end = rf"(?:(?![\w.{stops}])|(?<=\d)(?={particle}))"  # after digits: `84GB는` is no code
        words = "|".join(map(re.escape, tiers)) or "(?!)"
        # `제미나이 3.1 프로는`, `제미나이 2.5 플래시 라이트`, `Gemini 3.1 Pro`
        tier = rf"(?:(?:\s(?:{words})){{1,2}}(?={particle}|(?![\w.]))|{end})"
        pattern = template.replace("{tier}", tier).replace("{end}", end)
        return re.compile(pattern.replace("{particle}", particle))

    def _english_tiers(self, code: str) -> str:
        """A version's tier words in English, for the model's id (`3.1 프로`: `3.1 Pro`)."""
        tiers = self.lex.data.names.model_tiers
        return " ".join(tiers.get(word, word) for word in code.split(" "))

    @cached_property
    def _model_version(self) -> re.Pattern[str]:
        return self._version_pattern(_MODEL_VERSION)

    @cached_property
    def _family_version(self) -> re.Pattern[str]:
        return self._version_pattern(_FAMILY_VERSION)

    @cached_property
    def _model_number(self) -> re.Pattern[str]:
        return self._version_pattern(_MODEL_NUMBER, ",")

    def _model_numbers(self, text: str, known: list[Mention], found: list[Name]) -> list[Name]:
        """A known chip family followed by a model number it does not know (`Ascend 960`,
        `어센드 970`, `Atlas 900 A3`): a new chip, the family's member."""
        out = []
        for m in known:
            if m.label == "Chip":
                number, label = self._model_number.match(text, m.end), "Chip"
            elif m.label in (
                "Firm",
                "AIModel",
            ):  # "DeepSeek V4-Pro", "Kimi K3", "Qwen 3": a new model
                pattern = self._model_version if m.label == "Firm" else self._family_version
                number, label = pattern.match(text, m.end), "AIModel"
                if number is None:  # "DeepSeek-OCR", "Kimi-K2-Thinking": a variant's own name
                    number = _VARIANT_SUFFIX.match(text, m.end)
                    if number is not None and (
                        any(k.start <= m.end + 1 < k.end for k in known)
                        or number.group(0).rsplit("-", 1)[-1] in self.org_suffixes
                    ):  # "Huawei-SMIC": two names joined; "DeepSeek-AI": the firm itself
                        number = None
            else:
                continue
            surface = None
            if number is None and m.label == "Firm":  # "Micron's HBM4": the firm's new chip
                number, label = _FIRM_PRODUCT_CODE.match(text, m.end), "Chip"
                if number is not None:
                    if any(
                        k.start < number.end() and number.start("code") < k.end for k in known
                    ) or (
                        self._format_code.fullmatch(number["code"])
                        and not self._maker_code.match(number["code"])
                    ):
                        continue  # a chip the ontology knows ("Nvidia H20"), a period ("FY2025")
                    surface = f"{m.surface} {number['code']}"
            if number is None:
                continue
            end = number.end()
            if any(
                n.start < end
                and m.start < n.end
                and n.label
                and not (surface and number.start("code") <= n.start)  # "HBM5는": a guess
                and not (  # "V5는": a code Korean Latin words type as a firm by default
                    m.end <= n.start and n.label == "Firm" and _HAS_DIGIT.search(n.surface)
                )
                for n in found
            ):
                continue
            found[:] = [
                n for n in found if not (n.start < end and m.start < n.end)
            ]  # an untyped "V4-Pro" joins it
            code = number["code"] if surface else self._english_tiers(number.group(0))
            out.append(
                Name(m.start, end, surface or text[m.start : end], label, f"{m.id}-{slug(code)}")
            )  # one id in every script: `어센드 970` and `Ascend 970` are one chip
        return out

    def _name_before_title(
        self,
        text: str,
        at: int,
        taken: list[tuple[int, int]],
        free: Callable[[int, int], bool] = lambda s, e: True,
    ) -> tuple[int, int] | None:
        """`러트닉 장관`, `하워드 러트닉 상무장관`, `쉬즈진 화웨이 부회장`: the one or two words
        before a title, past a known organisation's name between them."""
        end = at
        while end > 0 and text[end - 1] == " ":
            end -= 1
        org = next((s for s, e in taken if e == end), None)
        if org is not None:  # "쉬즈진 [화웨이] 부회장"
            end = org
            while end > 0 and text[end - 1] == " ":
                end -= 1
        found = self._name_ending_at(text, end, taken, free)
        if org is not None:
            return found
        # "야마다 다로 [모라비스] 사장", "박지훈 [해양수산부] 장관": past one word the
        # gazetteer does not know that ends in a common noun, an organisation's, to the name
        last = _LAST_WORD.search(text, 0, end) if end else None
        if (
            last is None
            or last.start() < 2
            or text[last.start() - 1] != " "
            or not common_noun_ends(text, last.start(), end)
            or found is not None
            and found[0] >= last.start()  # the name is that word alone
        ):
            return found
        return self._name_ending_at(text, last.start() - 1, taken, free) or found

    def _name_ending_at(
        self, text: str, end: int, taken: list[tuple[int, int]], free: Callable[[int, int], bool]
    ) -> tuple[int, int] | None:
        """The one or two words of a person's name that end at `end`."""
        words = _KO_NAME_WORDS.search(text, max(0, end - 12), end)
        if not words:
            return None
        parts = words.group(0).split()
        while parts and (parts[0] in self.not_names or parts[0] in _KO_NOT_NAME_PARTS):
            parts.pop(0)
        if (
            not parts
            or len("".join(parts)) < 2
            or any(p in _KO_NOT_NAME_PARTS for p in parts)
            or any(p.endswith(tuple(self.lex.data.names.modifier_endings)) for p in parts)
        ):
            # "연루된 싱가포르인 용의자": a verb's modifier and a nationality describe, not name
            return None
        start = end - len(" ".join(parts))
        if start > 0 and text[start - 1].isalnum():
            return None  # "AWS코리아 전무": the end of a longer word names no one
        if any(s < end and start < e for s, e in taken) or not free(start, end):
            return None  # a name already stands there (Kiwi is not asked then)
        if not is_proper_name(text, start, end, unknown_ok=True):
            return None  # "법무 차관보": a common noun before a title names no one
        return start, end

    def _describes_a_person(self, word: str) -> bool:
        """A title (`용의자`) or a nationality (`중국인`, `싱가포르인`) before a person's name."""
        return (
            word in self.titles
            or (len(word) >= 3 and word.endswith(tuple(self.lex.data.names.nationality_endings)))
            or word in self.not_names
        )

    def _typed_as_product(self, name: str) -> bool:
        words = [w for w in (self._chip_words, self._model_words) if w is not None]
        return any(p.search(name) for p in words)

    # -- English ------------------------------------------------------------------------
    def _english(self, text: str, taken: list[tuple[int, int]], known: list[Mention]) -> list[Name]:
        found = []
        for match in _EN_RUN.finditer(text):
            whole = self._led_by_a_place(text, match.start(1), match.end(1), known)
            if (
                whole is not None
            ):  # "China Securities Regulatory Commission": the place is part of the name
                found.append(whole)
                continue
            spans = [
                part
                for start, end in self._cut_at_modifiers(text, match.start(1), match.end(1))
                for owned in _cut_at_possessives(text, start, end)
                for outside in _outside(*owned, taken)
                for part in _cut_before_codes(text, *outside)
            ]
            for start, end in spans:
                name = self._typed_run(text, start, end, taken)
                if name is not None and name.label is None and " and " in text[start:end]:
                    # "Chuan Geng and Shiwei Yang": two people, not one name
                    cut = text.index(" and ", start)
                    parts = [
                        self._typed_run(text, start, cut, taken),
                        self._typed_run(text, cut + 5, end, taken),
                    ]
                    people = [p for p in parts if p is not None and p.label == "Person"]
                    if len(people) == 1 and all(
                        p is not None and 2 <= len(p.surface.split()) <= 3 for p in parts
                    ):  # "Sens. Rob Tarrant and Ana Vell": the title serves both names
                        people = [
                            Name(p.start, p.end, p.surface, "Person")
                            for p in parts
                            if p is not None and all(map(_PLAIN_WORD.fullmatch, p.surface.split()))
                        ]
                    if len(people) == 2:
                        found.extend(people)
                        continue
                    first = parts[0]
                    if first is not None and (
                        first.label == "Firm"
                        and " " in first.surface
                        or self._class_before(text, start)
                        or text[max(0, start - 2) : start] == ", "
                    ):  # "Zentro Networks and NextWave": a firm's suffix closes the first name;
                        # "chips such as the Lumex 9 and Dravo X2", "A, B and C": a list
                        found.extend(p for p in parts if p is not None)
                        continue
                if (
                    name is not None
                    and name.label is None
                    and (
                        self._backs.match(text, name.end)
                        or self._officer_of.search(text, max(0, name.start - 40), name.start)
                    )
                ):  # "Velmora-backed", "chief executive of Velmora": an organisation
                    name = Name(name.start, name.end, name.surface, "Firm")
                if name is not None:
                    found.append(name)
        return self._owners_and_owned(text, found, known)

    def _owners_and_owned(self, text: str, found: list[Name], known: list[Mention]) -> list[Name]:
        """`Velmora’s Journey 6`: an untyped owner of a product is its maker, a firm; `Velmora
        Telecom's Network Department`: a firm's department is no government agency."""
        owners = {m.end: m.label for m in known} | {n.end: n.label for n in found}
        out = []
        for n in found:
            owner_end = n.start - 3 if text[n.start - 3 : n.start - 1] in ("'s", "’s") else -1
            label = n.label
            if label == "Agency" and owners.get(owner_end) == "Firm":
                label = None
            elif (
                label is None
                and any(o.start - 3 == n.end and o.label in ("Chip", "AIModel") for o in found)
                and text[n.end : n.end + 2] in ("'s", "’s")
            ):
                label = "Firm"
            out.append(n if label == n.label else Name(n.start, n.end, n.surface, label))
        return out

    @cached_property
    def _officer_of(self) -> re.Pattern[str]:
        titles = "|".join(map(re.escape, self.lex.data.names.officer_titles)) or "(?!)"
        return re.compile(rf"\b(?:{titles})\s+(?:of|at)\s+(?:the\s+)?$", re.IGNORECASE)

    @cached_property
    def _backs(self) -> re.Pattern[str]:
        words = self.lex.data.clause_words.get("investor_modifiers", [])
        return re.compile(rf"(?:{'|'.join(words) or '(?!)'})\b", re.IGNORECASE)

    @cached_property
    def _calendar_words(self) -> frozenset[str]:
        dates = self.lex.data.dates
        return frozenset([*dates.months, *dates.weekdays])

    @cached_property
    def _modifier_tail(self) -> re.Pattern[str]:
        """`-based `, `-backed `: a name used as a modifier ends there (`Singapore-based Acme`,
        `Warburg Pincus-backed firm`)."""
        words = self.lex.data.clause_words.get("maker_modifiers", [])
        return re.compile(rf"(?:{'|'.join(words) or '(?!)'})\b\s*", re.IGNORECASE)

    def _cut_at_modifiers(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """A capitalised run split where a name modifies the next one (`Warburg Pincus-backed
        Acme` is `Warburg Pincus` and `Acme`); a place before `-based` is dropped (`Singapore-based
        Princeton Digital Group` is `Princeton Digital Group`)."""
        parts, at = [], start
        places = self.lex.data.clause_words.get("place_modifiers", [])
        for m in self._modifier_tail.finditer(text, start, end):
            place = any(re.fullmatch(p, m[0].strip(), re.IGNORECASE) for p in places)
            if m.start() > at and not place:  # `Hangzhou-based`: a place, no name
                parts.append((at, m.start()))
            at = m.end()
        if at < end:
            parts.append((at, end))
        return parts

    def _typed_run(
        self, text: str, start: int, end: int, taken: list[tuple[int, int]]
    ) -> Name | None:
        words = [m.span() for m in _NON_SPACE.finditer(text, start, end)]
        while words and not _ALNUM.search(_word(text, words[0])):
            words.pop(0)  # what a known name leaves: "'s", "’s"
        if words and _word(text, words[0]) in ("'s", "’s", "s"):
            words.pop(0)
        title = bool(
            self._title_before.search(text, max(0, start - 30), start)
            or self._title_apposed.search(text, max(0, start - 80), start)
        )
        cut = self._after_last_title(text, words)
        if cut:
            if len(words) - cut == 2 and _word(text, words[cut]) in ("of", "for"):
                return None  # "Vice President of Policy": the title's complement, no name
            words, title = words[cut:], True
        while words and (
            _word(text, words[0]) in self.not_names
            or _word(text, words[0]) in ("of", "and", "the")
            or _word(text, words[0]).lower() in self.lex.data.numbers.words  # "Two DGX Spark units"
        ):
            words.pop(0)
        dated = next(
            (
                i
                for i in range(1, len(words) - 1)
                if _word(text, words[i]) in ("on", "of", "and", "for")
                and _word(text, words[i + 1]).rstrip(".,") in self._calendar_words
            ),
            None,
        )
        if dated is not None:
            words = words[:dated]  # "Dr. Mara Quell on March 3": a date ends the name
        unit = next(
            (i for i, span in enumerate(words) if self._units.fullmatch(_word(text, span))), None
        )
        if unit is not None:
            words = words[:unit]  # "Ascend 910C 780 TFLOPS" ends before its unit
        while words and (
            _word(text, words[-1]) in ("of", "and", "for", "on", "the", "de", "&")
            or unit is not None
            and _FIGURE.fullmatch(_word(text, words[-1]))
        ):
            words.pop()  # a figure before a unit is no part of the name
        if (
            not words
            or not _word(text, words[0])[:1].isupper()
            or self._sum.match(_word(text, words[0]))
        ):
            return None  # "CNY700 million", "US$1.07bn": a sum, not a name
        s, e = words[0][0], words[-1][1]
        surface = _HANGUL_ON.split(text[s:e], 1)[0].rstrip(
            ".,"
        )  # "DGX Spark의": a particle ends it
        e = s + len(surface)
        if surface.endswith(("'s", "’s")):
            e -= 2
            surface = surface[:-2]
        if (
            any(a < e and s < b for a, b in taken)
            or surface in self.titles  # "Sens.": a title whose name follows
            or len(surface) < 2
            or not any(ch.islower() for ch in surface[1:])
            and len(surface) <= 3
            and not title
        ):
            return (
                None  # acronyms of three letters or fewer are units and tickers as often as names
            )
        tokens = surface.split()
        following = _NEXT_LOWER_WORD.match(text[e : e + 20])
        if following and following.group(1) in self.segment_nouns:
            return None  # "Consumer Electronics business": a segment of a firm, not a firm
        if any(_YEAR.fullmatch(tok) for tok in tokens):
            return None  # "First-half 2025", "Q3 2024": a period, not a name
        if all(tok.rstrip(".") in self.org_suffixes or tok in ("of", "and", "&") for tok in tokens):
            return None  # "Corp" after a known name, "Global" alone: no name of its own
        label = self._english_label(text, s, e, tokens, title)
        if (
            label == "Chip" and len(words) > 1 and self._chip_noun.fullmatch(tokens[-1])
        ):  # "MTT S5000 GPU": the chip is the MTT S5000; the noun says what it is (not so a
            # system's word: "Atlas 900 SuperPoD")
            e = words[-2][1]
            surface = text[s:e].rstrip(".,")
            e = s + len(surface)
            tokens = surface.split()
        if (
            label == "Chip"
            and len(tokens) > 1
            and tokens[-1] == "AI"
            and self._chip_noun.match(text[e:].lstrip())
        ):  # "Tarvo 9 AI chip": `AI` describes the chip noun
            e = words[-2][1]
            surface = text[s:e]
            tokens = surface.split()
        lead = _LINE_STAMP.sub("", text[:s])
        at_sentence_start = not lead.strip(" \"“'([-–—•*") or lead.rstrip().endswith(":")
        # ("Cost Control: Operating costs fell": a label's colon opens a sentence too)
        typed_by_next_word = (
            label in ("Chip", "AIModel")
            and not self._typed_as_product(tokens[0])
            and not _DIGIT_OR_INNER_CAPITAL.search(tokens[0])
        )
        if (
            at_sentence_start
            and len(tokens) == 1
            and (label is None or typed_by_next_word)
            and not _CAMEL_CASE.fullmatch(tokens[0])  # "GlobalFoundries": no common word
            and not _HAS_DIGIT.search(tokens[0])  # "Zephyr-V3.1": nor is a word with digits
            and not _SIZED_MODEL.fullmatch(tokens[0])
            and not self._firm_apposition.match(text, e)  # "Kestrel, a Suzhou-based chipmaker"
        ):
            # a capitalised first word is as likely a common word ("Advanced chips
            # need …")
            return None
        return Name(s, e, surface, label)

    def _led_by_a_place(self, text: str, start: int, end: int, known: list[Mention]) -> Name | None:
        lead = next(
            (m for m in known if m.label == "Country" and m.start == start and m.end < end), None
        )
        if lead is None or any(m.start >= lead.end and m.start < end for m in known):
            return None
        if text[lead.end : lead.end + 1] != " ":
            return None  # "China's AI ...": a possessive, not a name that begins with a place
        rest = text[lead.end : end].strip().split()
        tokens = text[start:end].split()
        if rest and rest[-1] == "AI":
            return None
        if rest and (rest[-1] in self.org_suffixes or any(w in self.agency_words for w in rest)):
            label = "Agency" if any(w in self.agency_words for w in rest) else "Firm"
            return Name(start, end, text[start:end], label) if len(tokens) >= 2 else None
        return None

    def _after_last_title(self, text: str, words: list[tuple[int, int]]) -> int:
        """How many leading words are a title (`Commerce Secretary`, `CEO`, `Rep.`), if a name
        follows."""
        cut = 0
        for i, span in enumerate(words[:-1]):
            if _word(text, span).rstrip(".,") in self.titles:
                cut = i + 1
        return cut

    def _english_label(
        self, text: str, start: int, end: int, tokens: list[str], title: bool
    ) -> str | None:
        if any(t in self.agency_words for t in tokens):
            return "Agency"
        following = _NEXT_WORD.match(text[end : end + 24])
        typed = tokens + ([following.group(1)] if following else [])
        if any(_SIZED_MODEL.fullmatch(t) for t in tokens):
            return "AIModel"  # "Qwen2-72B", "GLM-4-9B", "QwQ-32B-Preview": a model and its size
        if (
            len(tokens) > 1
            and self._chip_words
            and tokens[0][:1].isupper()
            and self._chip_words.fullmatch(tokens[0])
        ):
            return "Chip"  # "DGX Spark", "Blackwell Ultra": a product line's new member
        if any(ch.isdigit() for ch in "".join(tokens)) or len(tokens) == 1:
            pairs = [f"{a} {b}" for a, b in zip(typed, typed[1:], strict=False)]  # "Super Node"
            # a family's name before a hyphened version (`GLM-9.2`, `Kunlun-P900`)
            typed = typed + [t.split("-")[0] for t in tokens if "-" in t and _HAS_DIGIT.search(t)]
            if self._chip_words and any(self._chip_words.fullmatch(t) for t in typed + pairs):
                return "Chip"
            if self._model_words and any(self._model_words.fullmatch(t) for t in typed):
                return "AIModel"
        # "CPU and AI", "Asset and Debt Management": the suffix may govern the last conjunct only
        joined = len(tokens) > 1 and (
            tokens[-2] in ("and", "or", "for", "&") or any(t in ("and", "or") for t in tokens[1:-1])
        )
        if not joined and (
            tokens[-1].rstrip(".") in self.org_suffixes or (len(tokens) > 1 and tokens[-1] == "AI")
        ):
            return "Firm"
        # a surname in capitals, as some Chinese and Korean reports write it (`ZHANG Jianzhong`)
        tokens = [t.title() if t.isupper() and t.title() in self.surnames else t for t in tokens]
        plain = all(_PLAIN_WORD.fullmatch(t) for t in tokens)
        if plain and 2 <= len(tokens) <= 3:
            if title or tokens[0] in self.given or tokens[0] in self.surnames:
                return "Person"
            if (
                len(tokens) == 2
                and tokens[1] in self.surnames
                and self._cn_given is not None
                and self._cn_given.fullmatch(tokens[0])
            ):
                return "Person"  # "Shiwei Yang": a Chinese given name, then the surname
        if self._firm_after is not None and self._firm_after.match(text, end):
            return "Firm"  # "Kestrel Silicon reported record revenue": what a firm does
        if plain and 2 <= len(tokens) <= 3:
            if self._person_after and self._person_after.match(text, end):
                return "Person"
        if title and plain and len(tokens) == 1:
            return "Person"
        if len(tokens) == 1 and _EN_MODEL_CODE.fullmatch(tokens[0]):
            return "Chip"  # "BR100", "GH100", "S4000": a product's model code
        return None

    # -- Korean -------------------------------------------------------------------------
    def _korean(self, text: str, taken: list[tuple[int, int]]) -> list[Name]:
        found: list[Name] = []

        def free(s: int, e: int) -> bool:  # no known or found name there (Kiwi not asked else)
            return not any(a < e and s < b for a, b in taken) and not any(
                n.start < e and s < n.end for n in found
            )

        def add(s: int, e: int, label: str) -> None:
            if free(s, e):
                found.append(Name(s, e, text[s:e], label))

        named_after: set[int] = (
            set()
        )  # titles a name follows: "용의자 아론 운과" names no one before it
        for m in self._ko_title_then_name.finditer(text):
            span = m.start("name"), m.end("name")
            if m.group("name").split()[0] not in self.not_names and is_proper_name(
                text, *span, unknown_ok=True
            ):
                add(*span, "Person")  # "바이두 사장 존 리는", "창업자 왕웨이는", "변호사 웬델 웡은"
                named_after.add(m.start())
        for m in self._ko_given_then_name.finditer(text):
            words = m.group("name").split()
            end = m.end("name")
            if (
                len(words) == 3
                and len(words[-1]) >= 3
                and not is_proper_name(text, end - len(words[-1]), end, unknown_ok=True)
            ):
                end -= len(words[-1]) + 1  # "리바 구존 지정학 전략가는": the field is no name
            if not any(w in self.not_names or w in self.titles for w in words[1:]):
                add(m.start("name"), end, "Person")  # "크리스 맥과이어는"
        for m in self._ko_firm_after_noun.finditer(text):
            span = m.start("name"), m.end("name")
            own = (m.end("country") + 1, span[1]) if m.group("country") else span
            if (
                m.group("name") not in self.not_names
                and free(*own)
                and is_proper_name(text, *own, unknown_ok=True)
            ):  # "제조 업체 시게이트가", "상장사 화얼타이가" (a word Kiwi does not know); the
                # country word opening it (`베트남 데이터젠`) is part of the name
                found.append(Name(*span, text[span[0] : span[1]], "Firm"))
        for m in self._ko_title.finditer(text):
            titled_span = (
                None
                if m.start() in named_after
                else self._name_before_title(text, m.start(), taken, free)
            )
            if titled_span is not None:
                add(*titled_span, "Person")
        bracket = "(" in text  # an age and a gloss are in brackets: no scan for them without one
        for m in self._ko_person_aged.finditer(text) if bracket else ():
            words = m.group(1).split()
            while words and self._describes_a_person(words[0]):
                words.pop(0)  # "중국인 참 리(38)": a nationality or a title, then the name
            if words and len("".join(words)) >= 2 and words[0] not in self.not_names:
                add(m.end(1) - len(" ".join(words)), m.end(1), "Person")
        for m in self._ko_agency.finditer(text):
            name = m.group("name")
            if name in self.not_names or (
                not m.group("country")
                and not name.endswith(tuple(self.lex.data.names.agency_endings_alone))
            ):
                continue
            if free(m.start(), m.end("name")):
                add(m.start(), m.end("name"), "Agency")
            elif name.endswith(tuple(self.lex.data.names.agency_endings_alone)):
                # "중국 상하이시 정부가" with the country already known: the body that can stand
                # alone (not "미국 행정부": a country's government)
                add(m.start("name"), m.end("name"), "Agency")
        for m in self._ko_withheld.finditer(text):  # "A씨는", "B사에": a withheld name
            add(m.start(), m.end(), "Person" if m.group("person") else "Firm")
        for m in self._ko_city.finditer(text):
            if m.group("stem") not in self.not_names and is_proper_name(
                text, m.start("stem"), m.end("stem")
            ):  # `상하이` + `시`: a proper noun Kiwi knows; not `도시`, `당시`, nor a given name it
                # lacks (`사토시`)
                add(m.start("name"), m.end("name"), "Agency")
        for m in self._ko_org.finditer(text):
            if (
                m.group("name") not in self.not_names
                and free(m.start("name"), m.end("name"))  # add() would drop it: Kiwi not asked
                and (
                    m.group("latin")  # "Kestrio그룹은"
                    or is_proper_name(text, m.start("stem"), m.end("stem"), unknown_ok=True)
                    or is_proper_name(text, m.start("name"), m.end("name"))  # Kiwi knows it whole
                )
            ):
                add(m.start("name"), m.end("name"), "Firm")  # "상하이증권거래소는"
        for m in self._ko_latin.finditer(text):
            if self.lex.after_facility_word.search(text, max(0, m.start(1) - 12), m.start(1)):
                continue  # "칩 공장 SN1은": a site's name
            if m.group(1) not in self.not_names and not self._latin_units.fullmatch(
                m.group(1)
            ):  # "TPP가": a unit
                titled = self._ko_title_before.search(text, max(0, m.start(1) - 16), m.start(1))
                label = (
                    "Chip"
                    if self._typed_as_product(m.group(1)) or PRODUCT_CODE.search(m.group(1))
                    else "AIModel"
                    if _DECIMAL_VERSION.search(m.group(1))  # `GPT-3.5`, `Qwen2.5`: a model's
                    else "Person"
                    if titled
                    else "Firm"
                )
                add(
                    m.start(1), m.end(1), label
                )  # "Anthropic의 CEO인 Dario는": a title names a person
        for m in self._ko_latin_before_noun.finditer(text):
            # "Zentra X9 칩은", "KaiXian KX-6640MA 프로세서는", "Solar Pro 모델": a Latin name the
            # chip or model noun after it types
            if m.group(1) not in self.not_names and not self._latin_units.fullmatch(m.group(1)):
                add(m.start(1), m.end(1), "AIModel" if m.group("model") else "Chip")
        for m in _KO_GLOSSED.finditer(text) if bracket else ():
            glossed = self._glossed_name(text, m, free)
            if glossed is not None:
                add(*glossed)
        for m in _KO_HANJA_GLOSSED.finditer(text) if bracket else ():
            hangul, hanja = m.group("hangul"), m.group("hanja")
            if hangul in self.not_names:
                continue
            if (
                3 <= len(hanja) <= len(hangul) <= len(hanja) + 1
                and hanja[0] in self.surnames
                and not common_noun_ends(text, m.start("hangul"), m.end("hangul"))  # 고성능(高性能)
            ):
                # "런훙빈(任鴻斌)", "왕샤오둥(王曉東)": a Chinese person's name glossed in its
                # characters (a syllable each, `샤오` two), the first a surname (Kiwi may split
                # one it lacks)
                add(m.start("hangul"), m.end("hangul"), "Person")
                continue
            proper = is_proper_name(text, m.start("hangul"), m.end("hangul"), unknown_ok=True)
            if not proper:
                continue  # "백서(白書)", "금융(金融)": a common noun glossed, no name
            if len(hanja) <= len(hangul) <= len(hanja) + 1 and hanja[0] in self.surnames:
                add(m.start("hangul"), m.end("hangul"), "Person")  # "왕이(王毅)": two syllables
            elif free(
                m.start("hangul"), m.end("hangul")
            ):  # "증권시보(證券時報)": a proper noun glossed in characters names an organisation
                add(m.start("hangul"), m.end("hangul"), "Firm")
        for s, e, label in self._ko_listed(text):
            add(s, e, label)
        return found

    def _ko_listed(self, text: str) -> list[tuple[int, int, str]]:
        """`벨모라, 퀠란트, NTT 등 해외 대기업`: the names a list gives before 등 and
        a class noun take the class's type (a word Kiwi lacks, or a Latin one, is a name)."""
        out = []
        items_pattern, class_pattern = self._ko_list_then_class
        for c in class_pattern.finditer(text):  # the class first: the list is read back from it
            label = next(label for label, words in self._ko_classes if c.group("cls") in words)
            window = max(0, c.start() - _KO_LIST_REACH)
            m = items_pattern.search(text, window, c.start())
            if m is None:
                continue
            at = m.start("items")
            for item in self.lex.list_separator.split(m.group("items")):
                s = text.index(item, at)
                e, at = s + len(item), s + len(item)
                words = item.split()
                suffixed = (  # "벨로 캐피털": a name and its suffix
                    len(words) == 2
                    and words[-1] in self.org_suffixes
                    and not particle_ends(text, s + len(words[0]))
                )
                if len(words) > 1 and not suffixed and not is_proper_name(text, s, e, True):
                    s = e - len(words[-1])  # "벨모라는 퀠란트": the list's first name only
                if (
                    text[s:e] not in self.not_names
                    and len(text[s:e]) >= 2
                    and (
                        suffixed
                        or re.fullmatch(r"[A-Za-z][A-Za-z0-9.&-]*", text[s:e])
                        or is_proper_name(text, s, e, unknown_ok=True)
                    )
                ):
                    out.append((s, e, label))
        return out

    @cached_property
    def _ko_classes(self) -> list[tuple[str, frozenset[str]]]:
        n = self.lex.data.names
        return [
            ("Firm", frozenset(n.firm_appositives) | frozenset(n.firm_class_nouns)),
            ("AIModel", frozenset(w for w in n.model_words if re.fullmatch(r"[가-힣]+", w))),
        ]

    @cached_property
    def _ko_list_then_class(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The list before `등` (read in a bounded window ending there) and the class after it."""
        nouns = "|".join(
            sorted({w for _, ws in self._ko_classes for w in ws}, key=len, reverse=True)
        )
        item = r"[가-힣A-Za-z][가-힣A-Za-z0-9.&-]*(?: [가-힣A-Za-z][가-힣A-Za-z0-9.&-]*)?"
        joiner = self.lex.list_separator.pattern
        items = re.compile(rf"(?<![가-힣A-Za-z0-9.&-])(?P<items>{item}(?:{joiner}{item}){{1,12}})$")
        cls = re.compile(
            rf" (?:{self.lex.list_closer})(?:의)? (?:[가-힣A-Za-z]+ ){{0,3}}?"
            rf"(?P<cls>{nouns or '(?!)'}){self.lex.particles('attached')}?(?![가-힣])"
        )
        return items, cls

    def _glossed_name(
        self, text: str, m: re.Match[str], free: Callable[[int, int], bool]
    ) -> tuple[int, int, str] | None:
        """`휴메인(Humain)`, `알렉스솔루션즈(ALX Solutions)`: Korean writes a foreign name it
        introduces with its Latin spelling in brackets; as many Hangul words as the spelling has
        words. None where `free` says a name already stands (Kiwi is not asked then)."""
        latin = m.group("latin").strip()
        if re.fullmatch(r"[A-Z]{1,4}", latin) or latin in self.not_names:
            return None  # "그래픽처리장치(GPU)": an acronym glosses a term, not a name
        words = m.group("hangul").split()[-len(latin.split()) :]
        start = m.end("hangul") - len(" ".join(words))
        if (
            words[0] in self.not_names
            or not free(start, m.end("hangul"))
            or not is_proper_name(text, start, m.end("hangul"))
        ):
            # "자본 지출(CapEx)", "슈퍼팟(SuperPod)": a term glossed, not a name (Kiwi: no
            # proper noun)
            return None
        if self._typed_as_product(latin):
            return start, m.end("hangul"), "Chip"
        parts = latin.split()
        if (
            not any(p in _LATIN_ORG_WORDS for p in parts)
            and 2 <= len(parts) <= 3
            and all(re.fullmatch(r"[A-Z][a-z]+", p) for p in parts)
        ):
            if common_noun_ends(text, start, m.end("hangul")):
                return None  # "합스부르크 질병(Habsburg Disease)": a term
            return (
                start,
                m.end("hangul"),
                "Person",
            )  # "개빈 베이커(Gavin Baker)": a given name and a surname
        return start, m.end("hangul"), "Firm"


_LATIN_ORG_WORDS = frozenset(lexicon("en").data.names.org_suffixes)
_KO_HANJA_GLOSSED = re.compile(
    r"(?<![\uac00-\ud7a3])(?P<hangul>[\uac00-\ud7a3]{2,4})\((?P<hanja>[\u4e00-\u9fff]{2,4})\)"
)
_KO_GLOSSED = re.compile(
    r"(?<![\uac00-\ud7a3A-Za-z0-9])(?P<hangul>[\uac00-\ud7a3]{2,12}(?:\s[\uac00-\ud7a3]{1,12}){0,2})"
    r"\((?P<latin>[A-Z][A-Za-z0-9&.,' -]{1,40})\)"
)


# compiled once: the English name finder runs these on every capitalised run
_NON_SPACE = re.compile(r"\S+")
_HANGUL_ON = re.compile(r"\s?[\uac00-\ud7a3]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_FIGURE = re.compile(r"[\d.,]+")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# a model named with its parameter count (`Yi-34B`, `Llama-3-70B-Instruct`)
_SIZED_MODEL = re.compile(r"[A-Za-z][\w.]*(?:-[\w.]+)*-\d+(?:\.\d+)?[BMT](?:-[\w.]+)*")
_LINE_STAMP = re.compile(
    r"^\s*\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,4})?\s[-–—]\s"
)  # a live blog's time stamp before its line ("09:14AM PDT - Scheduler sits above …")
_LAST_WORD = re.compile(r"(?<![^\s])[\uac00-\ud7a3A-Za-z0-9·]{2,}$")
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_DIGIT_OR_INNER_CAPITAL = re.compile(r"\d|.[A-Z]")
_NEXT_WORD = re.compile(r"[”\"’']?[\s-]+([A-Za-z]+)")  # past a closing quote: `“Falcon 2” GPU`
# a capitalised word of lowercase letters (any Latin ones: `Münnighoff`), with capitalised parts
# after a hyphen (`Kai-Fu`, `Lee-Anne`), or a middle initial (`Matthew S. Axelrod`)
_PLAIN_WORD = re.compile(
    r"[A-Z][a-z'’\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+(?:-[A-Z]?[a-z\u00df-\u00f6\u00f8-\u00ff]+)*|[A-Z]\."
)


_POSSESSIVE_INSIDE = re.compile(r"(?<=\w)['’]s\s+(?=[A-Z0-9])")


def _cut_at_possessives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`Velmora’s Journey 6`: the owner and what it owns are two names."""
    return [(a, b) for a, b in _cut_at(_POSSESSIVE_INSIDE, text, start, end) if a < b]


def _cut_at(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in the parts between the matches of `pattern`."""
    parts, at = [], start
    for m in pattern.finditer(text, start, end):
        parts.append((at, m.start()))
        at = m.end()
    parts.append((at, end))
    return parts


def _outside(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) that no known name covers ("South Korea's SK Hynix" -> "SK
    Hynix")."""
    parts, cursor = [], start
    for a, b in sorted(taken):
        if b <= cursor or a >= end:
            continue
        if a > cursor:
            parts.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        parts.append((cursor, end))
    return parts


def _word(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


@lru_cache(maxsize=8)
def finder(lang: str) -> NameFinder:
    return NameFinder(lexicon(lang))


def _cut_before_codes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A capitalised run cut where connecting words lead to a model code (`BR100 and the BR104`)."""
    return _cut_at(_BEFORE_A_CODE, text, start, end)
