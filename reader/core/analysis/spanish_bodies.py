"""Spanish-language names of bodies in English text: "Fundación Lumbre", "Red por la Defensa
de los Ríos Libres", "Ministerio de Ambiente".

Spanish puts a body's head noun first and joins the rest of the name with lower-case
prepositions and articles ("de", "del", "de los", "por la", "en", "y"), which the small English
model reads as an end of the name: it cuts such a name at the first "de" or "en", or tags the
part after it as a person or a place. The head noun says the whole is an organization
(the Spanish counterpart of ``org_context``'s "Ministry of Health"). Heads that are also English
words ("Red", "Banco", "Junta") count only with a Spanish link after them, so "Red Cross" is
never read this way. The words after the name's last link are its short name in later
mentions ("Ríos Libres said"): an organization too, wherever the model typed it otherwise.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from reader.core.analysis.candidates import Candidate
from reader.core.analysis.doc_columns import span_texts
from reader.core.model import ORGANIZATION, PERSON, PLACE

# Head nouns of Spanish bodies that are no English word.
_SPANISH_HEADS = """
    Fundación Fundacion Asociación Asociacion Ministerio Instituto Comisión Comision Consejo
    Secretaría Secretaria Federación Federacion Confederación Confederacion Universidad
    Sociedad Movimiento Coordinadora Colectivo Observatorio Defensoría Defensoria Fiscalía
    Fiscalia Procuraduría Procuraduria Corporación Corporacion Agrupación Agrupacion Centro
    Cámara Camara Unión Organización Organizacion Dirección Direccion Superintendencia
    Policía Alianza Frente
    """
# Heads that English also writes ("Red Cross", "Banco" in a brand): only before a link.
_SHARED_HEADS = "Red Banco Partido Junta Liga Corte Tribunal Servicio Congreso Senado"
_LINK = r"(?:de|del|la|las|los|el|y|e|en|para|por|contra|sobre|a|al)"
_WORD = r"[A-ZÁÉÍÓÚÑÜ][\wáéíóúñü'-]*"
_SP = "[ \u00a0]"  # a space inside one line: a name never runs over a line break
_TAIL = rf"(?:{_SP}(?:{_LINK}{_SP})*{_WORD})"
_FIRST = "".join(sorted({head[0] for head in (_SPANISH_HEADS + _SHARED_HEADS).split()}))
# The lookahead of the heads' first letters lets ``re`` skip to where a head can start (a
# leading \b hides them from it: the whole pattern was tried at every character).
_BODY = re.compile(
    rf"(?=[{_FIRST}])\b(?:(?:{'|'.join(_SPANISH_HEADS.split())}){_TAIL}+"
    rf"|(?:{'|'.join(_SHARED_HEADS.split())})(?:{_SP}{_LINK})+{_SP}{_WORD}{_TAIL}*)"
)
_LINK_WORD = re.compile(rf"{_LINK}\Z")


def spanish_body_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of Spanish bodies' names in ``text``, head noun first."""
    return [m.span() for m in _BODY.finditer(text)]


def short_name(name: str) -> str | None:
    """The words after the name's last link ("Ríos Libres" of "Red por la Defensa de los Ríos
    Libres") when there are at least two, else None: a one-word tail ("Ambiente") is a common
    noun more often than a name."""
    words = name.split()
    links = [i for i, word in enumerate(words) if _LINK_WORD.match(word)]
    tail = words[links[-1] + 1 :] if links else []
    return " ".join(tail) if len(tail) >= 2 else None


def spanish_bodies(doc: Any, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Each Spanish body's name is one organization, replacing the model's pieces inside it
    (never a span that runs past it or that the rules fixed); its short name is one too."""
    spans = []
    for start, end in spanish_body_spans(text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span) >= 2:
            spans.append(span)
    if not spans:
        return cands
    dropped: set[int] = set()
    added = []
    # the candidates by start, to look only at those that can overlap a span, not at all
    order = sorted(range(len(cands)), key=lambda n: cands[n].start)
    starts = [cands[n].start for n in order]
    longest = max((c.end - c.start for c in cands), default=0)
    for span in spans:
        low = bisect.bisect_left(starts, span.start - longest + 1)  # ends after span.start
        high = bisect.bisect_left(starts, span.end)
        inside = [n for n in order[low:high] if span.start < cands[n].end]
        if any(
            cands[n].start < span.start or cands[n].end > span.end or cands[n].fixed for n in inside
        ):
            continue
        dropped.update(inside)
        added.append(Candidate(span.start, span.end, "ORG", ORGANIZATION))
    shorts = {name for span in spans if (name := short_name(span.text))}
    of = span_texts(doc)  # a candidate's text without a Span for it
    out = []
    for n, c in enumerate(cands):
        if n in dropped:
            continue
        if c.type in (PERSON, PLACE, ORGANIZATION) and not c.fixed and of(c.start, c.end) in shorts:
            c = replace(c, label="ORG", type=ORGANIZATION, key=None)
        out.append(c)
    return out + added
