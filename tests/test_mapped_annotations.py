"""The mapped classes type the Core tables they map (app/storage/*_table*.py): each
annotation must name one of the table's columns or a relationship, and each column
must be annotated.

SQLAlchemy says nothing when they drift: a misspelt ``nmae: Mapped[str]`` on a class
with ``__table__`` maps nothing, mypy believes ``Order.nmae`` exists, and the first
seller to reach that line sees an AttributeError.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, String, Table, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers

from app.storage.models import Base

CORE_MAPPED = sorted(
    (mapper.class_ for mapper in Base.registry.mappers if "__table__" in vars(mapper.class_)),
    key=lambda cls: cls.__name__,
)


def _drift(cls: type) -> tuple[set[str], set[str]]:
    """(annotations mapping nothing, columns without their annotation) of ``cls``."""
    configure_mappers()
    mapper = inspect(cls)
    columns = {prop.key for prop in mapper.column_attrs}
    relationships = {prop.key for prop in mapper.relationships}
    annotated = {
        name
        for name, annotation in vars(cls).get("__annotations__", {}).items()
        if "Mapped[" in str(annotation)
    }
    return annotated - columns - relationships, columns - annotated


def test_every_class_mapped_onto_a_core_table_is_checked() -> None:
    names = {cls.__name__ for cls in CORE_MAPPED}
    assert {"Order", "OrderItem", "Cancellation", "Setting", "SyncRun"} <= names


@pytest.mark.parametrize("cls", CORE_MAPPED, ids=lambda cls: cls.__name__)
def test_annotations_and_columns_name_the_same_attributes(cls: type) -> None:
    assert _drift(cls) == (set(), set())


def test_the_check_sees_a_misspelt_annotation_and_a_forgotten_column() -> None:
    class Other(DeclarativeBase):
        pass

    table = Table(
        "t", Other.metadata, Column("id", Integer, primary_key=True), Column("name", String)
    )

    class Misspelt(Other):
        __table__ = table

        id: Mapped[int]
        nmae: Mapped[str]

    assert _drift(Misspelt) == ({"nmae"}, {"name"})
