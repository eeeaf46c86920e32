"""`annotate --dask`: the batch on a real two-worker LocalCluster gives the local results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.batch import annotate_files

pytest.importorskip("distributed", reason="Dask is the optional extra entity-reader[cluster]")

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _outputs(folder: Path) -> list[dict]:
    outputs = []
    for path in sorted(folder.glob("*.json"), key=lambda p: int(p.stem)):
        data = json.loads(path.read_text("utf-8"))
        data.pop("created", None)
        outputs.append(data)
    return outputs


@pytest.mark.model
@pytest.mark.slow
def test_a_local_cluster_gives_the_local_results_in_input_order(tmp_path: Path) -> None:
    from reader.core.cluster import annotate_on_dask

    inputs = [*sorted(ARTICLES.glob("*.txt"))[:3], tmp_path / "missing.txt"]
    runs = {}
    for name in ("here", "dask"):
        out = tmp_path / name
        out.mkdir()
        jobs = [(path, out / f"{i}.json") for i, path in enumerate(inputs)]
        heard: list = []
        if name == "dask":
            results = list(annotate_on_dask(jobs, "json", "local", 2, heard.append))
        else:
            results = list(annotate_files(jobs, "json", 1, heard.append))
        assert len(heard) == len(inputs)
        runs[name] = (results, _outputs(out))
    (here, here_files), (dask, dask_files) = runs["here"], runs["dask"]
    assert [r.source for r in dask] == inputs
    assert [(r.source, r.chars, r.failed) for r in dask] == [
        (r.source, r.chars, r.failed) for r in here
    ]
    assert dask[-1].failed and "does not exist" in dask[-1].messages[0]
    assert len(dask_files) == 3 and dask_files == here_files
