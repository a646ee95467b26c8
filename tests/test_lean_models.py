"""Frozen.lean: models a run makes by the thousand share one set of field names (pydantic keeps
one per instance otherwise: 0.2-0.7 KB, a hundred thousand times over at a million units),
and are validated all the same."""

import pickle

import pytest
from pydantic import ValidationError

from tqa.models import Location, Span


def location(**changes) -> Location:
    values = dict(path="a.po", line=3, column=8, end_line=3, end_column=12, offset=40, end_offset=44,
                  segment_id="u2")
    return Location.lean(**{**values, **changes})


def test_lean_instances_and_their_copies_share_one_set_of_field_names():
    first, second = location(), location(line=4)
    moved = first.model_copy(update={"line": 9})
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__ is moved.__pydantic_fields_set__
    assert (moved.line, first.line) == (9, 3)
    assert first.model_fields_set == set(Location.model_fields)


def test_unpickled_instances_share_the_set_again_once_copied():
    # Workers send findings pickled; the main process copies each one (fingerprints).
    back = pickle.loads(pickle.dumps(location()))
    assert back == location()
    assert back.model_copy(update={"column": 1}).__pydantic_fields_set__ is location().__pydantic_fields_set__


def test_lean_still_validates():
    with pytest.raises(ValidationError):
        location(line="third")
    with pytest.raises(ValidationError):
        Span.lean(start=0, end=1, width=2)  # extra="forbid" holds too

