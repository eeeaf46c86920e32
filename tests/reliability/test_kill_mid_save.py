"""SIGKILL a real process in the middle of saving or correcting: nothing already saved is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import schema
from reader.core.corrections import journal
from reader.core.export.reopen import load_annotated
from reader.core.model import Annotations, Article, Block, Entity, Mention

pytestmark = pytest.mark.slow

ROUNDS = 4
PARAGRAPH = "Emmanuel Macron met Volodymyr Zelensky in Kyiv on Saturday, Reuters said."


def big_annotations(paragraphs: int) -> Annotations:
    """Long text with two mentions per paragraph: a save takes long enough to be interrupted."""
    text = "\n".join([PARAGRAPH] * paragraphs)
    step = len(PARAGRAPH) + 1
    blocks = [Block(n * step, n * step + len(PARAGRAPH)) for n in range(paragraphs)]
    macron = Entity(
        "e1",
        "person",
        "Emmanuel Macron",
        [Mention(n * step, n * step + 15, "Emmanuel Macron") for n in range(paragraphs)],
    )
    kyiv = Entity(
        "e2",
        "place",
        "Kyiv",
        [Mention(n * step + 42, n * step + 46, "Kyiv") for n in range(paragraphs)],
    )
    article = Article(text=text, title="version start", source="", blocks=blocks)
    return Annotations(article, entities=[macron, kyiv])


SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.core import schema
    from reader.core.export.formats import save

    ann = schema.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    target = Path(sys.argv[2])
    n = 0
    while True:
        ann.article.title = f"version {n}"
        print(f"start {n}", flush=True)
        save(ann, target)
        print(f"saved {n}", flush=True)
        n += 1
    """
)


def _run_until(args: list[str], stop_line: str, env: dict[str, str]) -> tuple[list[str], int]:
    """Start the child, SIGKILL it the moment it prints ``stop_line``; its lines and exit code."""
    child = subprocess.Popen(
        [sys.executable, "-c", *args], stdout=subprocess.PIPE, text=True, env=env
    )
    seen = []
    assert child.stdout is not None
    for line in child.stdout:
        seen.append(line.strip())
        if line.strip() == stop_line:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(60)
    return seen, child.returncode


@pytest.mark.parametrize(("suffix", "paragraphs"), [(".json", 20_000), (".html", 5_000)])
def test_sigkill_mid_save_keeps_the_previous_copy(
    suffix: str, paragraphs: int, tmp_path: Path, isolated_home: Path
) -> None:
    source = tmp_path / "source.json"
    source.write_text(schema.dumps(big_annotations(paragraphs)), encoding="utf-8")
    target = tmp_path / f"copy{suffix}"
    env = {**os.environ, "ENTITY_READER_HOME": str(isolated_home)}
    interrupted = 0
    for round_ in range(ROUNDS):
        stop = f"start {1 + round_ % 3}"  # version 0 (and maybe more) is saved first
        lines, code = _run_until([SAVER, str(source), str(target)], stop, env)
        assert code == -signal.SIGKILL, lines
        last_saved = max(int(x.split()[1]) for x in lines if x.startswith("saved"))
        copy = load_annotated(target)  # complete and valid, or this raises
        version = int(copy.article.title.split()[1])
        assert version in (last_saved, last_saved + 1)
        assert len(copy.entities[0].mentions) == paragraphs
        if version == last_saved:
            interrupted += 1
        for leftover in tmp_path.glob(f".{target.name}.*.tmp"):
            leftover.unlink()  # what a killed save leaves behind: never the copy itself
    assert interrupted > 0, "no kill landed mid-save: make the copy bigger"


JOURNALER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.core import schema
    from reader.core.corrections.undo import CorrectionStack
    from reader.core.corrections.operations import AddEntity, ChangeType
    from reader.core.corrections.journal import Journal

    ann = schema.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    stack = CorrectionStack(ann)
    stack.recorder = Journal(ann)
    text = ann.article.text
    start = 0
    n = 0
    while True:
        start = text.index("Zelensky", start) + 1
        stack.apply(AddEntity(start - 1, start + 7, "person"))
        n += 1
        print(f"recorded {n}", flush=True)
    """
)


def test_sigkill_while_correcting_offers_the_corrections_back(
    tmp_path: Path, isolated_home: Path
) -> None:
    ann = big_annotations(paragraphs=50)
    source = tmp_path / "source.json"
    source.write_text(schema.dumps(ann), encoding="utf-8")
    env = {**os.environ, "ENTITY_READER_HOME": str(isolated_home)}
    _lines, code = _run_until([JOURNALER, str(source)], "recorded 17", env)
    assert code == -signal.SIGKILL
    found = journal.find_journal(schema.loads(source.read_text(encoding="utf-8")))
    assert found is not None, "the journal of the killed session is not found"
    assert found.corrections >= 17
    replayed = journal.replay(schema.loads(source.read_text(encoding="utf-8")), found)
    assert replayed.skipped == []
    users = [e for e in replayed.stack.ann.entities if e.source == "user"]
    assert len(users) >= 17 and all(e.name == "Zelensky" for e in users)
