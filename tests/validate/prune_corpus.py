"""The soundness corpus for schema pruning: real TEI, and the same documents with faults planted in them.

Imported by name (pytest puts this folder on sys.path). Every document is
written to a folder so that every validator, Jing included, reads the same bytes.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.xmlparse import parse_file
from validate_support import CONTRACT, FOREIGN_DIR, INVALID_DIR, P5SUBSET, ROOT, SHARED, VALID_DIR

TEI = "http://www.tei-c.org/ns/1.0"
XML = "http://www.w3.org/XML/1998/namespace"
T = "{%s}" % TEI


def _tei_file(path: Path) -> etree._ElementTree | None:
    """The parsed file if it is well-formed TEI (the pruner only ever sees those), else None."""
    try:
        tree = parse_file(path)
    except TeikitError:
        return None
    return tree if etree.QName(tree.getroot()).namespace == TEI else None


def real_documents() -> list[Path]:
    """TEI files of this repository (fixtures, hostile corpus, the bundled edition) and TEI's own p5subset.xml."""
    candidates = [CONTRACT, *sorted(FOREIGN_DIR.glob("*.xml")), *sorted(VALID_DIR.glob("*.xml"))]
    candidates += sorted(INVALID_DIR.rglob("*.xml"))
    candidates += sorted((ROOT / "tests" / "hostile" / "corpus").glob("*.xml"))
    candidates += sorted((ROOT / "tei").glob("*.xml"))
    if P5SUBSET.is_file():
        candidates.append(P5SUBSET)
    return [path for path in candidates if _tei_file(path) is not None]


def corpus_sources() -> list[Path]:
    """The plain-text translations that ``teikit convert`` turns into TEI: the shared corpus and the converter's fixtures."""
    sources = sorted((SHARED / "corpus").rglob("*.txt")) if (SHARED / "corpus").is_dir() else []
    return sources + sorted((ROOT / "tests" / "convert" / "fixtures").glob("*.txt"))


def converted_documents(folder: Path) -> list[Path]:
    """Each corpus source converted (as ``teikit convert`` does) and written into ``folder``."""
    from teikit.convert import convert_file

    written = []
    for source in corpus_sources():
        try:
            conversion = convert_file(source)
        except TeikitError:
            continue  # a source the converter refuses is the converter's tests' business
        target = folder / f"converted-{source.parent.name}-{source.stem}.xml"
        target.write_bytes(conversion.to_bytes())
        written.append(target)
    return written


# --- planted faults: each takes a tree and a random source, changes the tree, and says whether it applied ---

Fault = Callable[[etree._ElementTree, random.Random], bool]


def _pick(tree: etree._ElementTree, rng: random.Random, xpath: str) -> etree._Element | None:
    found = tree.getroot().xpath(xpath, namespaces={"t": TEI})
    return rng.choice(found) if found else None


def _mixed(tree, rng):
    # Paragraph-like elements of the body; the header's are less varied.
    found = _pick(tree, rng, "//t:text//t:p | //t:text//t:head | //t:text//t:note")
    return found if found is not None else _pick(tree, rng, "//t:p")


def unknown_element(tree, rng) -> bool:
    place = _mixed(tree, rng)
    if place is None:
        return False
    place.insert(rng.randrange(len(place) + 1), etree.Element(T + "frobnicate"))
    return True


def known_element_misplaced(tree, rng) -> bool:
    # A header element in running text: in the schema, but never allowed there.
    place = _mixed(tree, rng)
    if place is None:
        return False
    misplaced = etree.SubElement(place, T + "sourceDesc")
    etree.SubElement(misplaced, T + "p").text = "out of place"
    return True


def required_child_removed(tree, rng) -> bool:
    target = _pick(tree, rng, "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc | /t:TEI/t:teiHeader/t:fileDesc/t:titleStmt")
    if target is None:
        return False
    target.getparent().remove(target)
    return True


def unknown_attribute(tree, rng) -> bool:
    target = _pick(tree, rng, "//t:text//*")
    if target is None:
        return False
    target.set("frobnication", "yes")
    return True


def bad_date(tree, rng) -> bool:
    place = _mixed(tree, rng)
    if place is None:
        return False
    date = etree.SubElement(place, T + "date", when="the ninth of June")
    date.text = "9 June"
    return True


def bad_id(tree, rng) -> bool:
    target = _pick(tree, rng, "//t:text//*")
    if target is None:
        return False
    target.set("{%s}id" % XML, "9 not an id")
    return True


def bad_enumerated_value(tree, rng) -> bool:
    target = _pick(tree, rng, "//t:text//*")
    if target is None:
        return False
    target.set("{%s}space" % XML, "squeeze")  # only "default" and "preserve" are values
    return True


def wrong_namespace(tree, rng) -> bool:
    target = _pick(tree, rng, "//t:text//t:p")
    if target is None:
        return False
    # The namespace of TEI's examples: known to the schema, wrong here. (No namespace at all would not
    # survive serialization: lxml writes no xmlns="" for a renamed element.)
    target.tag = "{http://www.tei-c.org/ns/Examples}p"
    return True


def foreign_element(tree, rng) -> bool:
    place = _mixed(tree, rng)
    if place is None:
        return False
    etree.SubElement(place, "{urn:example:other}mark").text = "?"
    return True


def text_in_element_only(tree, rng) -> bool:
    target = _pick(tree, rng, "//t:fileDesc | //t:teiHeader")
    if target is None or len(target) == 0:
        return False
    target[0].tail = (target[0].tail or "") + " stray words "
    return True


def duplicated_once_only(tree, rng) -> bool:
    target = _pick(tree, rng, "/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt | /t:TEI/t:teiHeader")
    if target is None:
        return False
    target.addnext(_without_ids(copy.deepcopy(target)))
    return True


def order_swapped(tree, rng) -> bool:
    root = tree.getroot()
    header, text = root.find(T + "teiHeader"), root.find(T + "text")
    if header is None or text is None:
        return False
    root.remove(header)
    text.addnext(header)
    return True


def required_content_emptied(tree, rng) -> bool:
    target = _pick(tree, rng, "//t:body")
    if target is None:
        return False
    for child in list(target):
        target.remove(child)
    target.text = None
    return True


def valid_additions(tree, rng) -> bool:
    # Not a fault: names the document did not use yet, in places where they are allowed. Pruning
    # must not reject what is valid.
    place = _pick(tree, rng, "//t:text//t:p")
    if place is None:
        return False
    foreign = etree.SubElement(place, T + "foreign", {"{%s}lang" % XML: "la"})
    foreign.text = "sic"
    foreign.tail = " and "
    emph = etree.SubElement(place, T + "emph", rend="italic")
    emph.text = "so"
    place.set("{%s}lang" % XML, "en")
    return True


def _without_ids(element: etree._Element) -> etree._Element:
    for item in element.iter(etree.Element):
        item.attrib.pop("{%s}id" % XML, None)
    return element


FAULTS: dict[str, Fault] = {
    fault.__name__: fault
    for fault in (
        unknown_element, known_element_misplaced, required_child_removed, unknown_attribute, bad_date, bad_id,
        bad_enumerated_value, wrong_namespace, foreign_element, text_in_element_only, duplicated_once_only,
        order_swapped, required_content_emptied, valid_additions,
    )
}


def planted(bases: list[Path], folder: Path, seed: int = 13) -> Iterator[Path]:
    """Each base document with each fault (where it applies), written into ``folder``."""
    for base in bases:
        tree = _tei_file(base)
        if tree is None or base.stat().st_size > 1_000_000:
            continue  # p5subset.xml takes part as it is; 14 more copies of it add nothing but time
        for kind, fault in FAULTS.items():
            changed = copy.deepcopy(tree)
            if fault(changed, random.Random(f"{seed}:{base.name}:{kind}")):
                target = folder / f"{base.parent.name}-{base.stem}--{kind}.xml"
                changed.write(str(target), encoding="UTF-8", xml_declaration=True)
                yield target
