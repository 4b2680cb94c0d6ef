"""Field-by-field checks of a parsed plan file, each error naming its field and line."""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Hashable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from participants.validators import validate_no_national_id

# libyaml's parser where PyYAML was built with it: the same documents, read about ten times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

if TYPE_CHECKING:
    from django.db import models

# A mapping as YAML parses it: the keys are meant to be text, but the file may write anything.
YamlMapping: TypeAlias = dict[Any, Any]

_H = TypeVar("_H", bound=Hashable)

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class PlanFileError(Exception):
    """The file is refused; `errors` lists every problem found, each naming its place."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def max_length(model: type[models.Model], field: str) -> int | None:
    """The column's own limit, so the file is refused where the database would refuse it."""
    # A column of the model: get_field's other results (a reverse relation, a generic key) have no limit.
    return cast("models.Field[Any, Any]", model._meta.get_field(field)).max_length


def line_index(node: yaml.Node, path: str = "", index: dict[str, int] | None = None) -> dict[str, int]:
    """Map each path in the document ("measures[3].status") to its line number."""
    index = {} if index is None else index
    index[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = f"{path}.{key_node.value}" if path else str(key_node.value)
            line_index(value_node, child, index)
            index.setdefault(child, key_node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            line_index(item, f"{path}[{position}]", index)
    return index


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, datetime.date):
        return _("a date")
    return type(value).__name__


class FieldChecker:
    """Checks a parsed document field by field, collecting errors with their place."""

    def __init__(self, lines: dict[str, int]) -> None:
        self.lines = lines
        self.errors: list[str] = []

    def error(self, path: str, message: str) -> None:
        line = self.lines.get(path)
        if line is None:
            parent = path.rsplit(".", 1)[0] if "." in path else ""
            line = self.lines.get(parent)
        where = _("line %(line)s") % {"line": line} if line else _("top level")
        place = path or _("file")
        self.errors.append(f"{place} ({where}): {message}")

    def mapping(self, data: object, path: str, allowed: Sequence[str] | None = None) -> YamlMapping:
        if not isinstance(data, dict):
            self.error(path, _("must be a mapping of fields"))
            return {}
        for field in data:
            if allowed is not None and field not in allowed:
                where = f"{path}.{field}" if path else str(field)
                self.error(where, _("unknown field; allowed: %(allowed)s") % {"allowed": ", ".join(allowed)})
        return data

    def items(self, data: YamlMapping, field: str, path: str, required: bool = False) -> list[tuple[str, Any]]:
        value = data.get(field)
        where = f"{path}.{field}" if path else field
        if value is None:
            if required:
                self.error(where, _("is missing"))
            return []
        if not isinstance(value, list):
            self.error(where, _("must be a list"))
            return []
        return [(f"{where}[{position}]", item) for position, item in enumerate(value)]

    def text(
        self, data: YamlMapping, field: str, path: str, required: bool = False, max_length: int | None = None
    ) -> str:
        where = f"{path}.{field}" if path else field
        value = data.get(field)
        if value is None or value == "":
            if required:
                self.error(where, _("is missing"))
            return ""
        if not isinstance(value, str):
            self.error(where, _("must be text, not %(type)s") % {"type": type_name(value)})
            return ""
        value = value.strip()
        if required and not value:
            self.error(where, _("is missing"))
        self.length(value, where, max_length)
        return value

    def list_text(self, path: str, value: object, max_length: int | None = None) -> str:
        """One text of a list (goals, standing agenda items): required, stripped."""
        if not isinstance(value, str) or not value.strip():
            self.error(path, _("must be text"))
            return ""
        value = value.strip()
        self.length(value, path, max_length)
        return value

    def length(self, value: str, path: str, limit: int | None) -> None:
        """The column's limit, and the rule every free text in the portal follows: no national ids."""
        if limit and len(value) > limit:
            self.error(path, _("is longer than %(max)s characters") % {"max": limit})
        try:
            validate_no_national_id(value)
        except ValidationError as refused:
            self.error(path, refused.messages[0])

    def key(self, data: YamlMapping, field: str, path: str, limit: int | None) -> str:
        value = self.text(data, field, path, required=True, max_length=limit)
        if value and not KEY_RE.match(value):
            self.error(f"{path}.{field}", _("«%(value)s» is not a key (a-z, 0-9 and -)") % {"value": value})
        return value

    def boolean(self, data: YamlMapping, field: str, path: str, default: bool = False) -> bool:
        value = data.get(field, default)
        if not isinstance(value, bool):
            self.error(f"{path}.{field}" if path else field, _("must be true or false"))
            return default
        return value

    def integer(
        self, data: YamlMapping, field: str, path: str, default: int | None = None, minimum: int = 1
    ) -> int | None:
        value = data.get(field, default)
        where = f"{path}.{field}" if path else field
        if value is None:
            self.error(where, _("is missing"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, _("must be a whole number, not %(type)s") % {"type": type_name(value)})
            return None
        if value < minimum or value > 32767:
            self.error(where, _("must be between %(min)s and 32767") % {"min": minimum})
            return None
        return value

    def choice(
        self, data: YamlMapping, field: str, path: str, choices: type[models.TextChoices], default: str | None = None
    ) -> str | None:
        value = data.get(field, default)
        where = f"{path}.{field}" if path else field
        if value is None:
            self.error(where, _("is missing"))
            return None
        if value not in choices.values:
            self.error(
                where,
                _("unknown value «%(value)s»; allowed: %(allowed)s")
                % {"value": value, "allowed": ", ".join(choices.values)},
            )
            return None
        return value

    def reference(self, value: object, path: str, known: Collection[str], what: str) -> str | None:
        if not isinstance(value, (str, int)) or isinstance(value, bool) or value not in known:
            self.error(path, _("unknown %(what)s «%(value)s»") % {"what": what, "value": value})
            return None
        return cast(str, value)  # it is in `known`, and the keys there are all text

    def references(self, data: YamlMapping, field: str, path: str, known: Collection[str], what: str) -> list[str]:
        found: list[str] = []
        for item_path, value in self.items(data, field, path):
            if self.reference(value, item_path, known, what) is not None:
                found.append(value)
        return found

    def unique(self, value: _H, path: str, seen: set[_H], what: str) -> None:
        if value in seen:
            self.error(path, _("%(what)s «%(value)s» appears more than once") % {"what": what, "value": value})
        seen.add(value)
