"""``@value_class`` behaves as ``@dataclass`` for every shape of class the house declares:
classes of generated shapes are declared both ways and used alike, and must answer alike."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core import value as v

# A field: (has a default, default is a factory, compared, hashed).
FIELD = st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans())
SHAPE = st.tuples(
    st.lists(FIELD, max_size=5),  # the fields, in order
    st.booleans(),  # frozen
    st.booleans(),  # slots
)
VALUES = st.one_of(st.integers(-3, 3), st.text(max_size=3), st.tuples(st.integers(0, 2)))


def _declare(decorator: Any, field: Any, shape: Any) -> type:
    specs, frozen, slots = shape
    # Fields without a default first, as both declarations require.
    ordered = sorted(enumerate(specs), key=lambda item: item[1][0])
    annotations, body = {}, {}
    for n, (has_default, factory, compare, hashed) in ordered:
        name = f"f{n}"
        annotations[name] = "Any"
        hash_ = None if hashed else False
        if has_default and factory:
            body[name] = field(default_factory=lambda n=n: [n], compare=compare, hash=hash_)
        elif has_default:
            body[name] = field(default=n * 10, compare=compare, hash=hash_)
        elif not compare or not hashed:
            body[name] = field(compare=compare, hash=hash_)
    body["__annotations__"] = annotations
    body["__qualname__"] = "Shape"
    return decorator(frozen=frozen, slots=slots)(type("Shape", (), body))


def _both(shape: Any) -> tuple[type, type]:
    return (
        _declare(dataclasses.dataclass, dataclasses.field, shape),
        _declare(v.value_class, v.field, shape),
    )


def _outcome(make: Any) -> tuple[str, Any]:
    try:
        return "ok", make()
    except TypeError:
        return "TypeError", None


@settings(max_examples=150, deadline=None)
@given(
    SHAPE,
    st.lists(VALUES, max_size=6),
    st.dictionaries(st.sampled_from(["f0", "f1", "f2", "x"]), VALUES, max_size=3),
    st.data(),
)
def test_a_value_class_answers_as_a_dataclass(
    shape: Any, args: list[Any], kwargs: dict[str, Any], data: st.DataObject
) -> None:
    dc, vc = _both(shape)
    frozen = shape[1]
    assert [f.name for f in dataclasses.fields(dc)] == [f.name for f in v.fields(vc)]
    assert dc.__match_args__ == vc.__match_args__  # type: ignore[attr-defined]
    kind_d, a = _outcome(lambda: dc(*args, **kwargs))
    kind_v, b = _outcome(lambda: vc(*args, **kwargs))
    assert kind_d == kind_v
    if a is None:
        return
    assert repr(a) == repr(b)
    assert dataclasses.asdict(a) == v.asdict(b)
    for f in dataclasses.fields(a):
        assert getattr(a, f.name) == getattr(b, f.name)
    # Equality and hashing between two values made from other arguments.
    other = data.draw(st.lists(VALUES, min_size=len(args), max_size=len(args)))
    kind_d2, a2 = _outcome(lambda: dc(*other, **kwargs))
    kind_v2, b2 = _outcome(lambda: vc(*other, **kwargs))
    assert kind_d2 == kind_v2
    if a2 is not None:
        assert (a == a2) == (b == b2)
        assert (a == a) and (b == b) and b != object()
        if frozen:
            try:
                same = hash(a) == hash(a2)
            except TypeError:
                with pytest.raises(TypeError):
                    hash(b)
            else:
                assert same == (hash(b) == hash(b2))
    assert (type(a).__hash__ is None) == (type(b).__hash__ is None)
    # replace() and assignment.
    names = [f.name for f in dataclasses.fields(a)]
    if names:
        name = data.draw(st.sampled_from(names))
        new = data.draw(VALUES)
        assert repr(dataclasses.replace(a, **{name: new})) == repr(v.replace(b, **{name: new}))
        if frozen:
            with pytest.raises(v.FrozenInstanceError):
                setattr(b, name, new)
        else:
            setattr(a, name, new)
            setattr(b, name, new)
            assert repr(a) == repr(b)
    if shape[2]:
        assert not hasattr(b, "__dict__")


@v.value_class(frozen=True, slots=True)
class _Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    box: int = v.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "box", self.x + self.y)


def test_post_init_init_false_metadata_and_copies() -> None:
    point = _Point(1, y=2)
    assert point.box == 3
    assert v.replace(point, y=5).box == 6  # __post_init__ runs again
    with pytest.raises(ValueError):
        v.replace(point, box=1)
    assert copy.deepcopy(point) == point
    assert pickle.loads(pickle.dumps(point)) == point
    match point:
        case _Point(1, 2):
            pass
        case _:
            pytest.fail("positional match")
    meta = v.field(default=1, metadata={"label": "L"})
    assert isinstance(meta, v.Field)
    assert meta.metadata["label"] == "L"
    with pytest.raises(TypeError):
        v.fields(object())
