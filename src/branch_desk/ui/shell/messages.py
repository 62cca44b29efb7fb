"""English for the texts the services write: error messages and findings shown as they come.

The services and the domain write their messages in Indonesian (`DomainError` and the display
texts listed by ``scripts/extract_messages.py``). That script keeps
``resources/i18n/messages_en.json``: each Indonesian template, its values as numbered
placeholders (``"Berkas {0} tidak ditemukan."``), with its English template. Here each
template becomes a regular expression (literal text escaped, each placeholder a lazy group,
anchored at both ends); a message is matched against the templates with the most literal
text first, and its captured values go into the English template. A value that is itself a
message (one message carried inside another, e.g. a sync refusal around its reason) is
translated the same way, and so is a value that is a domain label (a status, a segment, a
role: `ui.widgets.i18n_domain`) or a month in words ("Januari 2025"); other values (names,
numbers, codes) stay as they are. A value may run over the end of a sentence only where the
sentence ends with it, so two messages joined with a space are not read as one template
swallowing the other. Text that matches no template as a whole is translated sentence by
sentence (messages joined with a space), then part by part at "; " and " + " (an account
put together from parts), at ", " (a list) and ": " (a rule and what it found) when every
part is known or only figures, a trailing "(…)" apart from what precedes it, and what still
matches nothing is shown in Indonesian.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from functools import cache

from branch_desk.domain.resources_path import resource_path
from branch_desk.ui.shell.i18n import current_language
from branch_desk.ui.widgets.i18n_domain import domain_label

# A sentence ends at . ! ? or ) before a capital, a digit or a quote; not after the
# abbreviations the messages use ("PP 44/2015 jo. PP 82/2019", "mis. 2025", "maks. 40").
_SENTENCES = re.compile(r"(?<=[.!?)])(?<!\bjo\.)(?<!\bmis\.)(?<!\bmaks\.)(?<!\bno\.)"
                        r"(?<!s\.d\.)\s+(?=[A-Z0-9'(])")
_TRAILING_NOTE = re.compile(r"(.+?) \(([^()]+)\)", re.DOTALL)
_MONTHS = dict(zip(
    ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
     "Oktober", "November", "Desember"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), strict=True))
_MONTH_DATE = re.compile(r"(\d{1,2} )?(" + "|".join(_MONTHS) + r") (\d{4})")
_WORDS = re.compile(r"[^\W\d_]{2,}")  # a part holding words (not only figures and signs)
_CITATION = re.compile(r"(?:PP|UU|Perpres|Permenaker|Permendagri|Keppres) \d+/\d{4}\b.*")
# The parts of a citation ("Pasal 34 ayat (1) huruf g", "Diktum KESATU angka 7").
_CITATION_WORDS = (("Pasal", "Article"), ("ayat", "paragraph"), ("huruf", "letter"),
                   ("angka", "number"), ("Lampiran", "Annex"))
_CITATION_WORD = re.compile(r"\b(" + "|".join(w for w, _ in _CITATION_WORDS) + r")\b")
_DEPTH = 4
# Lazy groups backtrack: a crafted value (a cell of an imported list, a typed name) repeating
# a template's literal parts could make matching slow. Messages are a few hundred characters;
# longer text is matched only sentence by sentence, and very long text is left as it is.
LONGEST_MATCHED = 1_000
LONGEST = 20_000


@dataclass(frozen=True)
class Template:
    """One catalogue entry: the Indonesian pattern, its placeholders in order, the English."""

    pattern: re.Pattern[str]
    fields: tuple[int, ...]
    english: str
    weight: int


def compile_template(indonesian: str, english: str) -> Template:
    """`indonesian` as an anchored pattern with one lazy group per placeholder."""
    pieces, fields, literal = [], [], 0
    for text, field, _, _ in string.Formatter().parse(indonesian):
        pieces.append(re.escape(text))
        literal += len(text)
        if field is not None:
            pieces.append("(.*?)")
            fields.append(int(field))
    return Template(re.compile("".join(pieces), re.DOTALL), tuple(fields), english, literal)


@cache
def _words() -> dict[str, str]:
    """The catalogue's entries without a placeholder: whole words and phrases ("Ya",
    "Perempuan", "pekerja rentan") with their English."""
    return {t.pattern.pattern: t.english for t in templates() if not t.fields}


@cache
def templates() -> tuple[Template, ...]:
    """The catalogue's templates with English, the most specific (most literal text) first."""
    path = resource_path("i18n", "messages_en.json")
    catalogue: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    compiled = [compile_template(source, english)
                for source, english in catalogue.items() if english.strip()]
    return tuple(sorted(compiled, key=lambda t: -t.weight))


def english_message(text: str) -> str:
    """`text` (a message a service wrote in Indonesian) in English; unknown text as is."""
    return text if len(text) > LONGEST else _translate(text, 0)


def _translate(text: str, depth: int, *, words: bool = False) -> str:
    """`text` in English; `words`: only what is wholly a word or phrase of the catalogue, a
    list of them, one with its code after it, a month or a domain label (never a template with
    values, never a sentence or an account taken apart)."""
    core = text.strip()
    if depth > _DEPTH or not core:
        return text
    if core != text:  # a value with the space that joined it to the text before or after
        start = text.index(core)
        return text[:start] + _translate(core, depth, words=words) + text[start + len(core):]
    if words:
        if (word := _words().get(re.escape(text))) is not None:
            return word
    else:
        for template in templates() if len(text) <= LONGEST_MATCHED else ():
            found = template.pattern.fullmatch(text)
            if found is None or not all(_whole_sentences(found, i)
                                        for i in range(1, len(template.fields) + 1)):
                continue
            values: dict[int, str] = {}
            for field, value in zip(template.fields, found.groups(), strict=True):
                values[field] = _translate(value, depth + 1)
            return template.english.format(*(values[i] for i in range(len(values))))
        sentences = _SENTENCES.split(text)
        if len(sentences) > 1:
            return " ".join(_translate(sentence, depth + 1) for sentence in sentences)
    for joint in (", ",) if words else ("; ", " + ", ", ", ": "):  # parts of an account
        parts = text.split(joint)
        if len(parts) > 1:
            shown = [_translate(part, depth + 1, words=words) for part in parts]
            # A list ("Jaminan Kematian (JKM), Jaminan Hari Tua (JHT)") or a rule and what it
            # found ("… (Permenaker 1/2025): Laporan tahap I diterima …") only when every part
            # is known or holds no words: a comma or a colon inside a name is not a joint.
            if shown != parts and (joint in ("; ", " + ") or all(
                    after != before or not _WORDS.search(before.replace("Rp", ""))
                    for before, after in zip(parts, shown, strict=True))):
                return joint.join(shown)
    note = _TRAILING_NOTE.fullmatch(text) if len(text) <= LONGEST_MATCHED else None
    if note is not None:
        head = _translate(note[1], depth + 1, words=words)
        # a word's code is kept; a value's note is translated only after a known head
        inner = note[2] if words else _translate(note[2], depth + 1)
        if head != note[1] or (not words and inner != note[2]):
            # "Jaminan Kematian (JKM)": the English label may carry the code already.
            return head if head.endswith(f"({inner})") else f"{head} ({inner})"
    if not words and _CITATION.fullmatch(text):  # "PP 46/2015 jo. PP 60/2015 Pasal 22"
        return _CITATION_WORD.sub(lambda m: dict(_CITATION_WORDS)[m[1]], text)
    month = _MONTH_DATE.fullmatch(text)
    if month is not None:  # "Januari 2025", "5 Juli 1985" (domain.dates, coverage.month_label)
        return f"{month[1] or ''}{_MONTHS[month[2]]} {month[3]}"
    return domain_label(text)


def service_value(text: str) -> str:
    """A recorded value (a field in a participant's history or the audit log) in the interface
    language. Only what is wholly a word of the program is translated: yes/no, a sex, a status,
    a programme (or a list of them), a date with its month in words, an amount's grouping;
    names, addresses and anything else typed stay exactly as recorded, even where they look
    like a message."""
    if current_language() != "en" or len(text) > LONGEST_MATCHED:
        return text
    return english_amounts(_translate(text, 0, words=True))


def _whole_sentences(found: re.Match[str], group: int) -> bool:
    """Whether the value of `group` ends where its sentence ends, if it holds a sentence end."""
    value = found[group]
    if not _SENTENCES.search(value):
        return True
    after = found.string[found.end(group):]
    return value.rstrip().endswith((".", "!", "?", ")")) and (not after or after[0].isspace())


# A percentage with a decimal comma as the services write it ("33,3%", "0,24%").
_PERCENT = re.compile(r"(?<![\d.,])(\d+),(\d+)%")
# An amount as the services write it ("Rp1.204.000.000", "Rp12.345,67").
_RUPIAH = re.compile(r"\bRp(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")


def english_amounts(text: str) -> str:
    """The rupiah amounts in `text` grouped the English way, as `fmt_money` shows them
    ("Rp1,204,000,000"), and its percentages with a decimal point ("33,3%" → "33.3%")."""
    text = _RUPIAH.sub(lambda m: "Rp" + m[1].replace(".", ",")
                       + (f".{m[2]}" if m[2] else ""), text)
    return _PERCENT.sub(r"\1.\2%", text)


def service_text(text: str) -> str:
    """`text` from a service in the interface language: English when English is installed."""
    return english_amounts(english_message(text)) if current_language() == "en" else text
