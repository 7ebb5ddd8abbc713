"""The closing zone's TEI: one ``<closer>`` with signatures, datelines, salutes, lists and footnote texts.

Consecutive signature lines (office, signature gap, name) make one
``<signed>`` with ``<roleName>`` and ``<persName>``; a blank line between two
signers separates their signatures. A distribution or attachment heading
takes the lines after it as a ``<list>``; a footnote's text becomes a
``<note type="footnote" place="bottom" xml:id>`` that markers point at.
"""

from __future__ import annotations

import re

from .opener import mark_address_blocks
from .encode_lines import ends_with_block, is_block, label_first, encode_line
from .dates import DATE
from .lineclasses import LIST_ENTRY
from .model import Node, merge, text_of
from .zones import Line

_SIGNED_KINDS = frozenset({"signed", "name", "role"})


def _person(items: list) -> list:
    """The name in a signature line as ``<persName>`` (after a signature gap, in parentheses, or the whole line)."""
    for index, item in enumerate(items):
        if isinstance(item, Node) and item.tag == "gap":
            rest = merge(items[index + 1:])
            before = merge(items[:index])
            if before and any(isinstance(i, str) and i.strip() for i in before):
                before = [Node("roleName", {}, _strip_items(before)), _trailing_space(before)]
            return merge(before + [item] + _person(rest)) if rest else items
    if len(items) == 1 and isinstance(items[0], str) and _PAREN_NAME.search(items[0]) and " " in items[0].strip()[:-1] \
            and not items[0].lstrip().startswith("("):
        text = items[0]
        found = _PAREN_NAME.search(text)
        return [Node("roleName", {}, [text[:found.start()].rstrip()]), text[len(text[:found.start()].rstrip()):found.start()],
                "(", Node("persName", {}, [found.group().strip("().")]), text[found.start() + 1 + len(found.group().strip("().")):]]
    if len(items) == 1 and isinstance(items[0], str):
        text = items[0]
        # A signature mark before the name ("Signed:", "(Sd.)", "(–)") stays outside the <persName>.
        match = re.match(r"^(\s*(?:(?:Signed|Sgd\.?|Signature)\s*[:.]?\s*|\((?:–|-|—|s|sd\.?|sgd\.?)\)\s*)?\(?)(.*?)(\)?\.?\s*)$",
                         text, re.IGNORECASE)
        if match and match.group(2):
            return merge([match.group(1), Node("persName", {}, [match.group(2)]), match.group(3)])
    content = _strip_items(items)
    if content and any(isinstance(i, Node) and i.tag in ("supplied",) for i in content) and len(text_of(content).split()) <= 4:
        return [Node("persName", {}, items)]
    return items


def _strip_items(items: list) -> list:
    out = list(items)
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return merge(out)


def _trailing_space(items: list) -> str:
    last = items[-1] if items and isinstance(items[-1], str) else ""
    return last[len(last.rstrip()):]


def _dated_person(items: list) -> list:
    """"25.X.62 A. DOBRYNIN": the name after the date as ``<persName>``."""
    if len(items) == 1 and isinstance(items[0], str):
        match = re.match(r"^(.*\S)(\s+)((?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+)$", items[0])
        if match and DATE.fullmatch(match.group(1).strip(" ,")):
            return [match.group(1), match.group(2), Node("persName", {}, [match.group(3)])]
    return _person(items)


def _signed(lines: list[Line]) -> Node:
    children: list = []
    # Above a signature that names its signer ("[signature] (A. Verin)"), a short line is an office, not a name.
    named = next((i for i, line in enumerate(lines) if line.kind == "signed" and _PAREN_NAME.search(line.text)), None)
    for line in lines[:named] if named is not None else []:
        if line.kind == "name":
            line.kind = "role"
    for index, line in enumerate(lines):
        continues_role = index and line.kind == "sender" and lines[index - 1].kind in ("role", "sender") \
            and children and isinstance(children[-1], Node) and children[-1].tag == "roleName"
        if continues_role:
            children[-1].children = merge(children[-1].children + [Node("lb")] + line.items)
            continue
        if children:
            children.append(Node("lb"))
        if line.kind == "role":
            children.append(Node("roleName", {}, line.items))
        elif line.kind in ("name", "unknown"):
            children.extend(_person(line.items))
        else:
            children.extend(_dated_person(line.items))
    return Node("signed", {}, merge(children))


def _list_entries(lines: list[Line], start: int) -> int:
    """How many lines after a distribution heading are its entries."""
    count = 0
    for line in lines[start:]:
        if LIST_ENTRY.match(line.text) and line.kind not in ("signed", "dateline", "year") \
                or line.kind in ("name", "unknown", "sender") and len(line.text.split()) <= 6:
            count += 1
        else:
            break
    return count


_PAREN_NAME = re.compile(r"\((?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){0,3}[A-ZÀ-Ý][\w’'-]+\)\.?$")


def _continues_signature(block: list[Line], line: Line, separated: bool) -> bool:
    """Whether ``line`` belongs to the signature block so far (a blank line starts the next signer)."""
    if separated and line.group != block[-1].group and any(l.kind == "signed" for l in block):
        return False
    if line.kind == "signed" and any(l.kind == "signed" for l in block):
        return False
    # An office line under a job title ("ATTACHE OF THE SOVIET / EMBASSY IN THE DPRK") is the title's.
    if line.kind == "sender" and block[-1].kind in ("role", "sender") and not any(l.kind == "signed" for l in block):
        return True
    return line.kind in _SIGNED_KINDS or line.kind == "unknown" and bool(_PAREN_NAME.search(line.text))


def build_closing(lines: list[Line], footnote_ids: dict[str, str], separated: bool = False) -> Node:
    """The closing zone as one ``<closer>``: signatures, datelines, salutes, apparatus lines, footnote texts."""
    mark_address_blocks(lines)
    children: list = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind in _SIGNED_KINDS:
            end = index + 1
            while end < len(lines) and _continues_signature(lines[index:end], lines[end], separated):
                end += 1
            block = lines[index:end]
            encoded = [_signed(block)]
            index = end
        elif line.kind in ("distribution", "attachment") and line.text.rstrip().endswith((":", "by")) \
                or line.kind == "distribution" and _list_entries(lines, index + 1) >= 2 and len(line.text.split()) <= 4:
            count = _list_entries(lines, index + 1)
            items = [Node("item", {}, entry.items) for entry in lines[index + 1:index + 1 + count]]
            seg = Node("seg", {"type": line.kind}, label_first(line.items) + ([Node("list", {}, items)] if items else []))
            encoded = [seg]
            for entry in lines[index + 1:index + 1 + count]:
                entry.kind, entry.strength = "distribution-entry", 1.0
            index += 1 + count
        elif line.kind == "footnote-text":
            marker = next((i for i in line.items if isinstance(i, Node) and i.tag == "note"), None)
            leading = re.match(r"\s*(\d{1,3})\.\s", line.text)
            # Unnumbered footnotes (a back-link ↩) are counted in their order: *1, *2 …
            number = marker.attrib.get("n", "") if marker is not None else leading.group(1) if leading \
                else f"*{sum(1 for key in footnote_ids if key.startswith('*')) + 1}"
            ident = f"fn-{_slug(number)}"
            footnote_ids[number] = ident
            encoded = [Node("note", {"type": "footnote", "place": "bottom", "resp": "#translator", "n": number,
                                     "xml:id": ident}, line.items)]
            index += 1
        else:
            encoded = encode_line(line)
            index += 1
        if children and not ends_with_block(children) and not is_block(encoded) and not _ends_with_list(children):
            children.append(Node("lb"))
        children.extend(encoded)
    return Node("closer", {}, merge(children))


def _ends_with_list(items: list) -> bool:
    last = items[-1] if items else None
    return isinstance(last, Node) and last.tag == "seg" and bool(last.children) and isinstance(last.children[-1], Node) \
        and last.children[-1].tag == "list"


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]", "-", text) or "x"
