"""The house's value types: ``@value_class`` declares a class from its annotated fields, as
``dataclasses.dataclass`` does, without its start-up price.

``import dataclasses`` brings ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``): about
10 ms, a third of the import floor a command is measured against; and each dataclass then
``exec``\\ s five generated methods (about 1 ms a class). Here the methods are shared
functions reading the class's field table, so declaring a class costs what a plain class
costs. The declaration is the same (``@value_class(frozen=True, slots=True)``, ``field(default=…,
default_factory=…, metadata=…)``), ``typing.dataclass_transform`` tells mypy the constructor,
and ``fields``, ``replace`` and ``asdict`` read and rebuild values as their ``dataclasses``
namesakes do. The Textual app's own classes (messages, widgets) stay dataclasses: Textual
imports ``dataclasses`` anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Generic, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "MISSING"})()
_EMPTY: Mapping[str, Any] = MappingProxyType({})


class FrozenInstanceError(AttributeError):
    """Raised on assigning to a field of a frozen value."""


class Field(Generic[T]):
    """One field of a value: its name, default or default factory, and metadata."""

    __slots__ = (
        "name",
        "default",
        "default_factory",
        "init",
        "repr",
        "hash",
        "compare",
        "metadata",
    )

    def __init__(
        self,
        default: Any,
        default_factory: Any,
        init: bool,
        repr: bool,
        hash: bool | None,
        compare: bool,
        metadata: Mapping[str, Any] | None,
    ) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = compare if hash is None else hash
        self.compare = compare
        self.metadata: Mapping[str, Any] = MappingProxyType(dict(metadata)) if metadata else _EMPTY

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


@overload
def field(
    *,
    default: T,
    init: bool = ...,
    repr: bool = ...,
    hash: bool | None = ...,
    compare: bool = ...,
    metadata: Mapping[str, Any] | None = ...,
) -> T: ...
@overload
def field(
    *,
    default_factory: Callable[[], T],
    init: bool = ...,
    repr: bool = ...,
    hash: bool | None = ...,
    compare: bool = ...,
    metadata: Mapping[str, Any] | None = ...,
) -> T: ...
@overload
def field(
    *,
    init: bool = ...,
    repr: bool = ...,
    hash: bool | None = ...,
    compare: bool = ...,
    metadata: Mapping[str, Any] | None = ...,
) -> Any: ...
def field(
    *,
    default: Any = _MISSING,
    default_factory: Any = _MISSING,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
    metadata: Mapping[str, Any] | None = None,
) -> Any:
    """A field with a default, a default factory or metadata, as ``dataclasses.field``
    (``hash`` follows ``compare``: a field left out of ``==`` is left out of the hash)."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata)


def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return isinstance(text, str) and text.split("[", 1)[0].rsplit(".", 1)[-1] == "ClassVar"


def _collect(cls: type) -> tuple[Field[Any], ...]:
    inherited: dict[str, Field[Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__value_fields__", ()):
            inherited[f.name] = f
    own: dict[str, Field[Any]] = {}
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        given = cls.__dict__.get(name, _MISSING)
        f = (
            given
            if isinstance(given, Field)
            else Field(given, _MISSING, True, True, None, True, None)
        )
        f.name = name
        own[name] = f
    merged = inherited | own
    seen_default = False
    for f in merged.values():
        if not f.init:
            continue
        if f.default is _MISSING and f.default_factory is _MISSING:
            if seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            seen_default = True
    return tuple(merged.values())


def _make_init(cls_fields: tuple[Field[Any], ...], post_init: bool) -> Callable[..., None]:
    slots = tuple(
        (f.name, f.default, f.default_factory, f.init)
        for f in cls_fields
        if f.init or f.default is not _MISSING or f.default_factory is not _MISSING
    )
    positional = tuple(f.name for f in cls_fields if f.init)
    count = len(positional)
    setter = object.__setattr__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        given = len(args)
        if given > count:
            raise TypeError(
                f"{type(self).__name__}() takes {count} positional arguments but {given} were given"
            )
        taken = 0
        for name, default, factory, init in slots:
            if init and taken < given:
                setter(self, name, args[taken])
                taken += 1
            elif init and name in kwargs:
                setter(self, name, kwargs.pop(name))
            elif default is not _MISSING:
                setter(self, name, default)
            elif factory is not _MISSING:
                setter(self, name, factory())
            else:
                raise TypeError(f"{type(self).__name__}() missing required argument: {name!r}")
        for name in kwargs:
            said = "multiple values for" if name in positional else "an unexpected keyword argument"
            raise TypeError(f"{type(self).__name__}() got {said} {name!r}")
        if post_init:
            self.__post_init__()

    return __init__


def _build(cls: type, frozen: bool, slots: bool, eq: bool) -> type:
    cls_fields = _collect(cls)
    names = tuple(f.name for f in cls_fields)
    shown = tuple(f.name for f in cls_fields if f.repr)
    compared = tuple(f.name for f in cls_fields if f.compare)
    hashed = tuple(f.name for f in cls_fields if f.hash)
    body = dict(cls.__dict__)

    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inner})"

    def key(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in compared])

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(tuple([getattr(self, name) for name in hashed]))

    def __setattr__(self: Any, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: Any, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, item in zip(names, state, strict=True):
            object.__setattr__(self, name, item)

    explicit_hash = body.get("__hash__", _MISSING)
    has_explicit_hash = not (
        explicit_hash is _MISSING or (explicit_hash is None and "__eq__" in body)
    )
    methods: dict[str, Any] = {
        "__init__": _make_init(cls_fields, hasattr(cls, "__post_init__")),
        "__repr__": __repr__,
        "__match_args__": tuple(f.name for f in cls_fields if f.init),
    }
    if eq:
        methods["__eq__"] = __eq__
    if frozen:
        methods["__setattr__"] = __setattr__
        methods["__delattr__"] = __delattr__
    for name, method in methods.items():
        if name not in body:
            body[name] = method
    if not has_explicit_hash and eq:
        body["__hash__"] = __hash__ if frozen else None
    body["__value_fields__"] = cls_fields
    for f in cls_fields:  # a class attribute keeps a plain default, as in a dataclass
        if isinstance(body.get(f.name), Field):
            if f.default is _MISSING:
                del body[f.name]
            else:
                body[f.name] = f.default
    if not slots:
        for name, item in body.items():
            if name not in cls.__dict__ or cls.__dict__[name] is not item:
                setattr(cls, name, item)
        for f in cls_fields:
            if f.name in cls.__dict__ and f.name not in body:
                delattr(cls, f.name)
        return cls
    inherited = {s for base in cls.__mro__[1:] for s in getattr(base, "__slots__", ())}
    body["__slots__"] = tuple(name for name in names if name not in inherited)
    for name in names:
        body.pop(name, None)
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    if frozen:
        body["__getstate__"] = __getstate__
        body["__setstate__"] = __setstate__
    made = type(cls)(cls.__name__, cls.__bases__, body)
    made.__qualname__ = cls.__qualname__
    return made


@overload
def value_class(cls: type[T], /) -> type[T]: ...
@overload
def value_class(
    *, frozen: bool = ..., slots: bool = ..., eq: bool = ...
) -> Callable[[type[T]], type[T]]: ...
@dataclass_transform(field_specifiers=(field, Field))
def value_class(
    cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False, eq: bool = True
) -> type[T] | Callable[[type[T]], type[T]]:
    """Declare a value class from its annotated fields, as ``@dataclass`` does: ``__init__``
    (positional or by name, defaults, ``__post_init__``), ``__repr__``, ``__eq__``, a hash when
    frozen, ``__match_args__``; ``frozen`` refuses assignment, ``slots`` gives ``__slots__``."""

    def wrap(c: type[T]) -> type[T]:
        return _build(c, frozen, slots, eq)

    return wrap if cls is None else wrap(cls)


def _fields_of(obj: object) -> tuple[Field[Any], ...]:
    found: tuple[Field[Any], ...] | None = getattr(obj, "__value_fields__", None)
    if found is None:
        raise TypeError(f"{obj!r} is not a value type")
    return found


def fields(class_or_instance: object) -> tuple[Field[Any], ...]:
    """The fields of a value class or value, in declaration order."""
    return _fields_of(class_or_instance)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of ``obj`` with the named fields changed (``__post_init__`` runs again)."""
    for f in _fields_of(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
        elif not f.init and f.name in changes:
            raise ValueError(f"field {f.name!r} is not set by the constructor")
    return type(obj)(**changes)


def asdict(obj: object) -> dict[str, Any]:
    """The value's fields as a dict, values inside it, lists, tuples and dicts turned into
    dicts and copied on the way down; other leaves are returned as they are."""
    return {f.name: _plain(getattr(obj, f.name)) for f in _fields_of(obj)}


def _plain(item: Any) -> Any:
    if hasattr(type(item), "__value_fields__"):
        return asdict(item)
    if isinstance(item, tuple) and hasattr(item, "_fields"):
        return type(item)(*[_plain(v) for v in item])
    if isinstance(item, list | tuple):
        return type(item)(_plain(v) for v in item)
    if isinstance(item, dict):
        return type(item)((_plain(k), _plain(v)) for k, v in item.items())
    return item
