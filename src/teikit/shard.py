"""``--shard I/N``: one spelling and one split for ``teikit validate`` and ``teikit build``.

A CI matrix runs the same command on N machines, each with its own I. Items
are assigned by a stable hash of their key (a document id, a file path), not
by their position in a list, so every machine computes the same split and
adding an item never moves the others to another shard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple, TypeVar

from .errors import UsageError

T = TypeVar("T")


def shard_of(key: str, count: int) -> int:
    """The shard (1..count) that ``key`` belongs to (not Python's salted ``hash``)."""
    value = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    return value % count + 1


class Shard(NamedTuple):
    """Part ``index`` of ``count`` (1 <= index <= count)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"2/4"`` (spaces allowed) as given to ``--shard``; anything else is a usage error."""
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
        if not match:
            raise UsageError(f"--shard must look like I/N (for example 2/4), not {text!r}")
        index, count = int(match.group(1)), int(match.group(2))
        if count < 1 or not 1 <= index <= count:
            raise UsageError(f"--shard {text}: I must be between 1 and N")
        return cls(index, count)

    def select(self, items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
        """The items of this shard, in their order."""
        return [item for item in items if shard_of(key(item), self.count) == self.index]


#: ``--shard`` as the command lines parse it.
parse_shard = Shard.parse
