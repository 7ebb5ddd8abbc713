"""Cut a large RelaxNG schema down to the part that one document can reach.

Why: libxml2 spends nearly all of a large schema's compile time (tei_all: 9 to
16 s, in every process) checking that each element's content automaton is
deterministic, and TEI's mixed-content macros put 170 to 220 alternatives in
the automata of some 150 elements. A document names few of them. Compiling,
per document, a schema in which every element and attribute pattern that
cannot match anything in that document has been taken out costs milliseconds.

Why this cannot change the verdict (RELAX NG specification, sections 4 and 6):

* An ``element`` pattern matches an element only if the element's name is in
  the pattern's name class; an ``attribute`` pattern likewise. If no element
  (attribute) of the document has a name in that class, the pattern matches
  nothing anywhere in the document: on this document it is equivalent to
  ``notAllowed``, whatever its content. Names are read from the tree being
  validated, so this holds exactly; it also holds for any set of names that
  includes the document's, which is why a schema cut for a larger set may be
  reused for the next document.
* ``notAllowed`` then propagates by the specification's own simplification
  rules (4.20): ``choice`` drops a ``notAllowed`` branch; ``group``,
  ``interleave``, ``oneOrMore``, ``list``, ``attribute`` and ``mixed``
  (``interleave`` with ``text``) with a ``notAllowed`` child are
  ``notAllowed``; ``optional`` and ``zeroOrMore`` of ``notAllowed`` are
  ``empty``. A ``ref`` is what its definition is. Definitions no longer
  reachable from ``start`` are left out (4.19).
* Only the conclusion "this is ``notAllowed``" is ever drawn, and only from the
  rules above; where in doubt (a wildcard, ``data``, ``value``, a cycle) a
  pattern is kept. Keeping a pattern is always sound; only dropping needs proof.
* Where a pattern found ``notAllowed`` stands in a required place (a child of
  a ``group`` in a live element, say), it is not replaced by ``notAllowed`` but
  kept as a stub: the same name class with ``empty`` (or, for an attribute,
  ``text``) content. The stub matches nothing in the document either, so the
  verdict is the same, but libxml2 can still say "expecting element teiHeader"
  at the element where the full schema would.
* The rest only rewrites a pattern into one that matches the same sequences:
  ``empty`` in a ``group`` or ``interleave`` is dropped, a reference to a
  definition that came out ``empty`` is written as ``empty`` (4.21), a
  repeat of a repeat becomes one repeat (see :func:`_repeat`), and the members
  of an element's top-level ``group`` are written as the element's children
  (an element's patterns are a group anyway, 4.12).

Anything outside that reasoning raises :class:`Unsupported` and the caller
compiles the whole schema instead: ``include``, ``externalRef``, nested
``grammar`` and ``parentRef``, ``value`` of type QName or NOTATION (its
namespace context would not survive the copy), a ``define`` given twice
without ``combine``, a reference to an undefined pattern, and any element of
the RELAX NG namespace it does not know. (Elements of other namespaces are
annotations and carry no meaning for validation: they are left out.) Element
content is read only when a document first reaches it, so some of these are
found then; and a schema nested deeper than Python's recursion allows fails
the same way. The caller falls back to the whole schema in both cases.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_RNG = "{" + RNG_NS + "}"


def escape(text: str) -> str:
    """Text for element content (xml.sax.saxutils would do, but imports urllib: 40 ms of every run)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """Text as a double-quoted attribute value."""
    return '"%s"' % escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;")


#: Below this many element patterns libxml2 compiles a schema in milliseconds; compile it once, whole.
PRUNE_FROM_ELEMENTS = 200


class Unsupported(Exception):
    """The schema uses a construct the pruner does not reason about; compile it whole."""


class Node:
    """One pattern, with names and datatype libraries made explicit (no context is needed to write it out)."""

    __slots__ = ("kind", "children", "nc", "xml", "source")

    def __init__(self, kind: str, children: list[Node] | None = None, nc=None, xml: str = ""):
        self.kind = kind
        self.children = children or []
        self.nc = nc  # name class (element, attribute): nested tuples, see _name_class
        self.xml = xml  # written-out name class, value, or data's opening tag
        self.source = None  # an element's content, not read yet: (reader, schema elements, context)

    def body(self) -> Node:
        """The content of an element or attribute pattern.

        An element's content is read when first asked for: a document reaches a
        small part of tei_all, and reading all of it would cost more than the cut.
        """
        if self.source is not None:
            reader, elements, context = self.source
            content = [reader.pattern(child, context) for child in elements]
            self.children = [content[0] if len(content) == 1 else Node("group", content)]
            self.source = None
        return self.children[0]


class Grammar:
    """A RelaxNG schema (XML syntax) read into :class:`Node` trees: one start, definitions by name."""

    def __init__(self, root: etree._Element):
        _scan(root)
        if root.tag != _RNG + "grammar":
            # A schema that is one bare pattern: make it the start of a grammar.
            self.start = _Reader().pattern(root, _Context.of(root))
            self.defines: dict[str, Node] = {}
        else:
            reader = _Reader()
            reader.grammar(root, _Context.of(root))
            if reader.start is None:
                raise Unsupported("grammar without start")
            self.start, self.defines = reader.start, reader.defines
        for name in {ref.get("name", "").strip() for ref in root.iter(_RNG + "ref")}:
            if name not in self.defines:
                raise Unsupported(f"reference to undefined pattern {name}")
        self.element_count = sum(1 for _ in root.iter(_RNG + "element"))

    def prune(self, element_names: Iterable[str], attribute_names: Iterable[str]) -> str:
        """The schema as text, cut for documents whose names (Clark notation) are among those given."""
        return _Pruner(self, frozenset(element_names), frozenset(attribute_names)).write()


def document_names(tree: etree._ElementTree | etree._Element) -> tuple[frozenset[str], frozenset[str]]:
    """The element and attribute names (Clark notation) that occur in a tree."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    elements: set[str] = set()
    attributes: set[str] = set()
    for element in root.iter(etree.Element):
        elements.add(element.tag)
        attributes.update(element.attrib.keys())
    return frozenset(elements), frozenset(attributes)


# --- reading the schema -----------------------------------------------------------------


class _Context:
    """What a pattern inherits from its ancestors: the ns attribute, datatypeLibrary, prefixes."""

    __slots__ = ("ns", "library")

    def __init__(self, ns: str, library: str):
        self.ns, self.library = ns, library

    @classmethod
    def of(cls, element: etree._Element) -> _Context:
        ns, library = "", ""
        for ancestor in reversed(list(element.iterancestors())):
            ns = ancestor.get("ns", ns)
            library = ancestor.get("datatypeLibrary", library)
        return cls(ns, library)

    def under(self, element: etree._Element) -> _Context:
        ns, library = element.get("ns"), element.get("datatypeLibrary")
        if ns is None and library is None:
            return self
        return _Context(self.ns if ns is None else ns, self.library if library is None else library)


_UNARY = {"oneOrMore", "zeroOrMore", "optional", "mixed", "list"}
_UNSUPPORTED = {"include", "externalRef", "grammar", "parentRef"}
_KNOWN = {
    "grammar", "start", "define", "div", "element", "attribute", "group", "interleave", "choice", "optional",
    "zeroOrMore", "oneOrMore", "list", "mixed", "ref", "empty", "text", "value", "data", "notAllowed",
    "name", "anyName", "nsName", "except", "param",
}


def _scan(root: etree._Element) -> None:
    """Refuse, before anything is read, what the pruner does not handle (element content is read later)."""
    for element in root.iter(_RNG + "grammar"):
        if element is not root:
            raise Unsupported("<grammar> inside a pattern")
    for element in root.iter(_RNG + "*"):
        if element.tag not in _KNOWN_TAGS:
            raise Unsupported(f"<{_local(element)}>")
    for element in root.iter(_RNG + "value"):
        if (element.get("type") or "").strip() in ("QName", "NOTATION"):
            raise Unsupported(f"value of type {element.get('type').strip()}")


_KNOWN_TAGS = frozenset(_RNG + kind for kind in _KNOWN)


def _rng_children(element: etree._Element) -> list[etree._Element]:
    # Annotations (other namespaces) carry no meaning for validation (spec 4.1).
    return [child for child in element if isinstance(child.tag, str) and child.tag.startswith(_RNG)]


def _local(element: etree._Element) -> str:
    return element.tag[len(_RNG):]


def _qname(text: str, element: etree._Element, default_ns: str) -> str:
    """A name in a schema (``p``, ``xml:id``, ``tei:p``) in Clark notation."""
    text = text.strip()
    prefix, colon, local = text.partition(":")
    if not colon:
        return "{%s}%s" % (default_ns, text) if default_ns else text
    ns = XML_NS if prefix == "xml" else element.nsmap.get(prefix)
    if ns is None:
        raise Unsupported(f"undeclared prefix {prefix}")
    return "{%s}%s" % (ns, local)


class _Defines(dict):
    """Definitions by name, each read when first looked up (see :meth:`Node.body` for why)."""

    def __init__(self, reader: _Reader):
        super().__init__()
        self._reader = reader
        self._pending: dict[str, list[tuple[etree._Element, _Context]]] = {}
        self._combine: dict[str, str | None] = {}

    def add(self, element: etree._Element, context: _Context) -> None:
        name = element.get("name", "").strip()
        combine = element.get("combine")
        if name in self._pending:
            # Spec 4.17: at most one definition of a name without combine, and one way of combining.
            known = self._combine[name]
            if combine is None and known is None or combine and known and combine != known:
                raise Unsupported(f"define {name} given twice without combine")
        self._pending.setdefault(name, []).append((element, context))
        self._combine[name] = combine or self._combine.get(name)

    def __contains__(self, name) -> bool:
        return name in self._pending

    def __missing__(self, name: str) -> Node:
        body = None
        for element, context in self._pending[name]:
            body = self._reader.merge(body, self._reader.body(element, context), self._combine[name], name)
        self[name] = body
        return body


class _Reader:
    def __init__(self):
        self.start: Node | None = None
        self.defines = _Defines(self)

    def grammar(self, element: etree._Element, context: _Context) -> None:
        context = context.under(element)
        for child in _rng_children(element):
            kind = _local(child)
            if kind == "div":  # only groups definitions (spec 4.11)
                self.grammar(child, context)
            elif kind == "define":
                self.defines.add(child, context.under(child))
            elif kind == "start":
                body = self.body(child, context.under(child))
                self.start = self.merge(self.start, body, child.get("combine"), "start")
            else:
                raise Unsupported(f"<{kind}> in a grammar")

    @staticmethod
    def merge(old: Node | None, new: Node, combine: str | None, name: str) -> Node:
        # Definitions of one name combined (spec 4.17).
        if old is None:
            return new
        if combine not in ("choice", "interleave"):
            raise Unsupported(f"{name} given twice without combine")
        return Node(combine, [old, new])

    def body(self, element: etree._Element, context: _Context) -> Node:
        children = [self.pattern(child, context) for child in _rng_children(element)]
        if not children:
            raise Unsupported(f"<{_local(element)}> without a pattern")
        return children[0] if len(children) == 1 else Node("group", children)

    def pattern(self, element: etree._Element, context: _Context) -> Node:
        if not isinstance(element.tag, str) or not element.tag.startswith(_RNG):
            raise Unsupported(f"<{element.tag}> where a pattern is expected")
        kind = _local(element)
        context = context.under(element)
        if kind in _UNSUPPORTED:
            raise Unsupported(f"<{kind}>")
        if kind in ("element", "attribute"):
            return self._named(element, kind, context)
        if kind in ("choice", "group", "interleave"):
            children = [self.pattern(child, context) for child in _rng_children(element)]
            if not children:
                raise Unsupported(f"<{kind}> without a pattern")
            return children[0] if len(children) == 1 else Node(kind, children)
        if kind in _UNARY:
            return Node(kind, [self.body(element, context)])
        if kind in ("empty", "text", "notAllowed"):
            return Node(kind)
        if kind == "ref":
            return Node("ref", xml=element.get("name", "").strip())
        if kind == "value":
            return self._value(element, context)
        if kind == "data":
            return self._data(element, context)
        raise Unsupported(f"<{kind}> where a pattern is expected")

    def _named(self, element: etree._Element, kind: str, context: _Context) -> Node:
        children = _rng_children(element)
        if element.get("name") is not None:
            # An attribute's unprefixed name is in no namespace unless it says otherwise (spec 4.8).
            default_ns = context.ns if kind == "element" else element.get("ns", "")
            nc = ("name", _qname(element.get("name"), element, default_ns))
        else:
            if not children:
                raise Unsupported(f"<{kind}> without a name")
            nc = self._name_class(children[0], context)
            children = children[1:]
        if not children:
            if kind == "element":
                raise Unsupported("<element> without content")
            return Node(kind, [Node("text")], nc=nc, xml=_write_name_class(nc))
        node = Node(kind, nc=nc, xml=_write_name_class(nc))
        node.source = (self, children, context)
        return node

    def _name_class(self, element: etree._Element, context: _Context):
        kind = _local(element) if isinstance(element.tag, str) and element.tag.startswith(_RNG) else "?"
        context = context.under(element)
        if kind == "name":
            return ("name", _qname(element.text or "", element, context.ns))
        if kind == "choice":
            return ("choice", *(self._name_class(child, context) for child in _rng_children(element)))
        if kind in ("anyName", "nsName"):
            excepted = None
            for child in _rng_children(element):
                if _local(child) != "except":
                    raise Unsupported(f"<{_local(child)}> in <{kind}>")
                parts = [self._name_class(grand, context.under(child)) for grand in _rng_children(child)]
                excepted = parts[0] if len(parts) == 1 else ("choice", *parts)
            return ("any", excepted) if kind == "anyName" else ("ns", context.ns, excepted)
        raise Unsupported(f"<{kind}> as a name class")

    @staticmethod
    def _value(element: etree._Element, context: _Context) -> Node:
        if element.get("type") is None:
            type_, library = "token", ""  # spec 4.3
        else:
            type_, library = element.get("type").strip(), context.library
        if type_ in ("QName", "NOTATION"):
            raise Unsupported(f"value of type {type_}")
        xml = "<value type=%s datatypeLibrary=%s ns=%s>%s</value>" % (
            quoteattr(type_), quoteattr(library), quoteattr(context.ns), escape(element.text or "")
        )
        return Node("value", xml=xml)

    def _data(self, element: etree._Element, context: _Context) -> Node:
        head = ["<data type=%s datatypeLibrary=%s>" % (quoteattr(element.get("type", "").strip()), quoteattr(context.library))]
        excepted: list[Node] = []
        for child in _rng_children(element):
            kind = _local(child)
            if kind == "param":
                head.append("<param name=%s>%s</param>" % (quoteattr(child.get("name", "").strip()), escape(child.text or "")))
            elif kind == "except":
                excepted = [self.pattern(grand, context.under(child)) for grand in _rng_children(child)]
            else:
                raise Unsupported(f"<{kind}> in <data>")
        return Node("data", excepted, xml="".join(head))


def _write_name_class(nc) -> str:
    kind = nc[0]
    if kind == "name":
        clark = nc[1]
        ns, local = _split(clark)
        return "<name ns=%s>%s</name>" % (quoteattr(ns), escape(local))
    if kind == "choice":
        return "<choice>%s</choice>" % "".join(_write_name_class(part) for part in nc[1:])
    excepted = "" if nc[-1] is None else "<except>%s</except>" % _write_name_class(nc[-1])
    if kind == "any":
        return "<anyName>%s</anyName>" % excepted
    return "<nsName ns=%s>%s</nsName>" % (quoteattr(nc[1]), excepted)


def _split(clark: str) -> tuple[str, str]:
    if clark.startswith("{"):
        ns, _, local = clark[1:].partition("}")
        return ns, local
    return "", clark


def _contains(nc, clark: str) -> bool:
    """Whether a name class contains a name (spec, section 6)."""
    kind = nc[0]
    if kind == "name":
        return nc[1] == clark
    if kind == "choice":
        return any(_contains(part, clark) for part in nc[1:])
    if kind == "ns" and _split(clark)[0] != nc[1]:
        return False
    return nc[-1] is None or not _contains(nc[-1], clark)


# --- cutting it for one document ----------------------------------------------------------


class _Pruner:
    def __init__(self, grammar: Grammar, elements: frozenset[str], attributes: frozenset[str]):
        self.grammar = grammar
        self.elements, self.attributes = elements, attributes
        self._dead_define: dict[str, bool] = {}
        self._dead_node: dict[int, bool] = {}

    def _matches_some(self, nc, names: frozenset[str]) -> bool:
        if nc[0] == "name":
            return nc[1] in names
        return any(_contains(nc, name) for name in names)

    def dead(self, node: Node) -> bool:
        """True only if the pattern cannot match anything in the document (it is ``notAllowed`` there)."""
        kind = node.kind
        if kind == "element":
            return not self._matches_some(node.nc, self.elements)
        if kind == "attribute":
            return not self._matches_some(node.nc, self.attributes)
        if kind == "ref":
            name = node.xml
            known = self._dead_define.get(name)
            if known is None:
                # A reference loop passes through an element (spec 4.19 forbids others); while the
                # definition is being looked at, say "alive", which is always safe.
                self._dead_define[name] = False
                known = self._dead_define[name] = self.dead(self.grammar.defines[name])
            return known
        if kind in ("empty", "text", "value", "data", "optional", "zeroOrMore"):
            return False
        if kind == "notAllowed":
            return True
        key = id(node)
        known = self._dead_node.get(key)
        if known is None:
            if kind == "choice":
                known = all(self.dead(child) for child in node.children)
            else:  # group, interleave, oneOrMore, mixed, list: notAllowed if any child is
                known = any(self.dead(child) for child in node.children)
            self._dead_node[key] = known
        return known

    def write(self) -> str:
        self._bodies: dict[str, str | None] = {}
        self._queue: list[str] = []
        start = self._emit(self.grammar.start)
        while self._queue:
            name = self._queue.pop()
            self._bodies[name] = self._emit(self.grammar.defines[name])
        defines = "".join(
            "<define name=%s>%s</define>" % (quoteattr(name), body) for name, body in self._bodies.items() if body != _EMPTY
        )
        return '<grammar xmlns="%s"><start>%s</start>%s</grammar>' % (RNG_NS, start, defines)

    def _ref(self, name: str) -> str:
        if name not in self._bodies:
            self._bodies[name] = None  # being written: a reference back to it stays a reference
            if self.grammar.defines[name].kind == "element":
                # Written later, from write()'s loop: a chain of elements would otherwise nest calls
                # as deep as the chain. (An element's text is never empty.)
                self._queue.append(name)
            else:
                self._bodies[name] = self._emit(self.grammar.defines[name])
        # Written out rather than referred to, so that the group it stands in can drop it.
        return _EMPTY if self._bodies[name] == _EMPTY else "<ref name=%s/>" % quoteattr(name)

    def _emit(self, node: Node) -> str:
        """The pattern as RelaxNG text, equivalent on the document; ``empty`` folded away (spec 4.21)."""
        kind = node.kind
        if kind == "ref":
            return self._ref(node.xml)
        if kind in ("element", "attribute"):
            if self.dead(node):
                content = _EMPTY if kind == "element" else "<text/>"  # a stub: see the module's docstring
            elif node.body().kind == "group":
                # The group's members as the element's own children, as the schema had them: libxml2
                # moves only those that give attributes alone out of the content model, and an element
                # whose model keeps attributes is not compiled to an automaton (poorer messages).
                parts = [part for part in (self._emit(child) for child in node.body().children) if part != _EMPTY]
                content = "".join(parts) or _EMPTY
            else:
                content = self._emit(node.body())
            return "<%s>%s%s</%s>" % (kind, node.xml, content, kind)
        if kind == "choice":
            alive = [child for child in node.children if not self.dead(child)]
            # All dead: the whole choice stands as its own stub.
            parts = list(dict.fromkeys(self._emit(child) for child in alive or node.children))
            return parts[0] if len(parts) == 1 else "<choice>%s</choice>" % "".join(parts)
        if kind in ("group", "interleave"):
            parts = [part for part in (self._emit(child) for child in node.children) if part != _EMPTY]
            if not parts:
                return _EMPTY
            return parts[0] if len(parts) == 1 else "<%s>%s</%s>" % (kind, "".join(parts), kind)
        if kind in ("optional", "zeroOrMore", "oneOrMore", "mixed", "list"):
            child = node.children[0]
            if kind in ("optional", "zeroOrMore") and self.dead(child):
                return _EMPTY
            inner = self._emit(child)
            if inner == _EMPTY and kind != "list":
                return "<text/>" if kind == "mixed" else _EMPTY
            if kind in _REPEATS:
                return _repeat(kind, inner)
            return "<%s>%s</%s>" % (kind, inner, kind)
        if kind in ("empty", "text", "notAllowed"):
            return "<%s/>" % kind
        if kind == "value":
            return node.xml
        # data
        excepted = "".join(self._emit(child) for child in node.children)
        return node.xml + ("<except>%s</except>" % excepted if excepted else "") + "</data>"


_EMPTY = "<empty/>"
_REPEATS = ("optional", "zeroOrMore", "oneOrMore")


def _repeat(kind: str, inner: str) -> str:
    """``kind`` of ``inner``, with a repeat of a repeat made one.

    Cutting can leave ``oneOrMore(oneOrMore(p))`` where the schema had
    ``oneOrMore(group(oneOrMore(p), zeroOrMore(q)))``; libxml2 then finds the
    automaton ambiguous and validates without it, with vaguer messages. Two
    of the same repeat match what one does; two different ones (one of which
    may be absent, and one of which may repeat, or each may) match any number
    of ``p``, none included: ``zeroOrMore``.
    """
    for other in _REPEATS:
        if inner.startswith("<%s>" % other) and inner.endswith("</%s>" % other):
            if kind == other:
                return inner
            return "<zeroOrMore>%s</zeroOrMore>" % inner[len(other) + 2 : -len(other) - 3]
    return "<%s>%s</%s>" % (kind, inner, kind)
