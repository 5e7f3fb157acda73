"""Synthetic corpus: Korean and English articles from templates over a random universe.

Writes documents one by one (never the whole corpus in memory) plus `expected.jsonl`, the
facts each document states, so extraction accuracy can be measured at any scale.

    python -m bench.corpus OUT_DIR --docs 1000 [--seed 7] [--facts-per-doc 6]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import yaml

from kg import ontology

TEMPLATES = Path(__file__).with_name("templates.yaml")
INVENTED_PREFIX = ["Nova", "Kestrel", "Lumen", "Orbit", "Vertex", "Cobalt", "Helix", "Quanta", "Zenith", "Aster"]
INVENTED_SUFFIX = ["Compute", "Silicon", "Cloud", "Labs", "Systems", "Dynamics", "Networks", "AI"]
ANALYSTS = {"ko": ["SemiAnalysis"], "en": ["SemiAnalysis"]}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


@dataclass(frozen=True)
class Universe:
    firms: dict[str, list[tuple[str, str]]]  # lang -> [(id, surface)]
    chips: dict[str, list[tuple[str, str]]]
    models: dict[str, list[tuple[str, str]]]


def build_universe(onto: ontology.Ontology, rng: random.Random) -> Universe:
    def names(label: str, lang: str) -> list[tuple[str, str]]:
        out = []
        for ind in onto.individuals_of(label):
            surface = ind.names.get(lang, ind.names.get("en", (ind.name,)))[0]
            out.append((ind.id, surface))
        return sorted(out)

    skip = {"hopper", "ampere"}
    invented = sorted({f"{rng.choice(INVENTED_PREFIX)} {rng.choice(INVENTED_SUFFIX)}" for _ in range(30)})
    firms = {lang: names("Firm", lang) for lang in ("ko", "en")}
    firms["en"] += [(f"candidate:{n}", n) for n in invented]
    chips = {lang: [c for c in names("Chip", lang) if c[0] not in skip] for lang in ("ko", "en")}
    models = {lang: names("AIModel", lang) for lang in ("ko", "en")}
    return Universe(firms, chips, models)


PARTICLES = {"은는": ("은", "는"), "이가": ("이", "가"), "을를": ("을", "를"), "과와": ("과", "와")}
_PARTICLE_SLOT = re.compile(r"(.)\{(은는|이가|을를|과와)\}")


def _has_final_consonant(char: str) -> bool:
    if "가" <= char <= "힣":
        return (ord(char) - 0xAC00) % 28 != 0
    if char.isdigit():
        return char in "013678"
    return char in "lmnrLMNR"  # how Korean readers voice a final Latin letter, roughly


def fit_particles(text: str) -> str:
    """`문샷{은는}` -> `문샷은`, `엔비디아{은는}` -> `엔비디아는`."""
    def fit(m: re.Match[str]) -> str:
        with_final, without = PARTICLES[m.group(2)]
        return m.group(1) + (with_final if _has_final_consonant(m.group(1)) else without)
    return _PARTICLE_SLOT.sub(fit, text)


def format_count(n: int) -> str:
    return f"{n:,}"


def format_money(usd: int, lang: str) -> str:
    if lang == "ko":
        eok, man = divmod(usd // 10_000, 10_000)
        parts = ([f"{eok:,}억"] if eok else []) + ([f"{man:,}만"] if man else [])
        return " ".join(parts) + " 달러"
    if usd >= 1_000_000_000:
        return f"${usd / 1_000_000_000:g} billion"
    return f"${usd / 1_000_000:g} million"


def format_date(year: int, month: int, lang: str) -> tuple[str, str]:
    iso = f"{year:04d}-{month:02d}"
    return (f"{year}년 {month}월" if lang == "ko" else f"{MONTHS_EN[month - 1]} {year}"), iso


def _money(rng: random.Random) -> int:
    return rng.choice([rng.randint(1, 999) * 100_000, rng.randint(1, 99) * 10_000_000])


def article(rng: random.Random, uni: Universe, lang: str, templates: dict, n_facts: int) -> tuple[str, list[dict]]:
    sentences, facts = [], []
    for _ in range(n_facts):
        t = rng.choice(templates[lang]["facts"])
        firm = rng.choice(uni.firms[lang])
        chip = rng.choice(uni.chips[lang])
        model = rng.choice(uni.models[lang])
        qty = rng.choice([rng.randint(2, 99) * 100, rng.randint(1, 50) * 1000])
        money = _money(rng)
        date_text, date_iso = format_date(rng.randint(2019, 2025), rng.randint(1, 12), lang)
        text = t["text"].format(firm=firm[1], chip=chip[1], model=model[1], qty=format_count(qty),
                                money=format_money(money, lang), date=date_text,
                                analyst=rng.choice(ANALYSTS[lang]))
        text = fit_particles(text)
        spec = t["fact"]
        value = {"qty": qty, "money": money, None: None}[spec.get("value")]
        subject = {"firm": firm[0], "model": model[0]}[spec["subject"]]
        fact = {"kind": spec["kind"], "subject": subject, "object": chip[0] if spec.get("object") else None,
                "value": value, "unit": spec.get("unit"), "qualifier": spec.get("qualifier"),
                "date": date_iso if ("{date}" in t["text"]) else None, "quote": text}
        facts.append(fact)
        sentences.append(text)
        if rng.random() < 0.5:
            sentences.append(rng.choice(templates[lang]["filler"]))
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    title = "AI 반도체 동향" if lang == "ko" else "AI chip market notes"
    return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", facts


def generate(out: Path, docs: int, seed: int = 7, facts_per_doc: int = 6) -> Iterator[Path]:
    rng = random.Random(seed)
    templates = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    uni = build_universe(ontology.load(), rng)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "expected.jsonl").open("w", encoding="utf-8") as expected:
        for i in range(docs):
            lang = "ko" if i % 2 == 0 else "en"
            text, facts = article(rng, uni, lang, templates, facts_per_doc)
            path = out / f"synthetic-{i:06d}.md"
            path.write_text(f"---\ntitle: Synthetic {i}\nlang: {lang}\npublished: 2025-01-15\n---\n{text}", encoding="utf-8")
            for fact in facts:
                expected.write(json.dumps({"doc": path.stem, **fact}, ensure_ascii=False) + "\n")
            yield path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--facts-per-doc", type=int, default=6)
    args = parser.parse_args()
    count = sum(1 for _ in generate(args.out, args.docs, args.seed, args.facts_per_doc))
    print(f"wrote {count} documents to {args.out}")


if __name__ == "__main__":
    main()
