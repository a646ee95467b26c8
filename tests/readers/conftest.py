"""Fixtures for the reader tests: the data files, read and segmented."""

from pathlib import Path

import pytest

from tqa.errors import TqaError
from tqa.readers import read_document
from tqa.segment import segment_document

DATA = Path(__file__).parent / "data"


@pytest.fixture
def segmented():
    """Read and segment one file of tests/readers/data: (document, {segment id: segment})."""

    def run(name: str):
        doc = read_document(DATA / name, name)
        return doc, {s.id: s for s in segment_document(doc)}

    return run


@pytest.fixture
def refusal(tmp_path):
    """Write ``content`` to ``tmp_path / name``, read it: the TqaError it must raise."""

    def run(name: str, content: str, settings=None) -> TqaError:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(TqaError) as caught:
            read_document(path, name, settings)
        return caught.value

    return run
