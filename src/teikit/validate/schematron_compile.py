"""Compile ISO Schematron into an XSLT 3.0 stylesheet.

Each pattern becomes a mode of its own whose templates are the pattern's
rules, with decreasing priorities in document order: in a pattern the first
rule whose context matches a node wins, as ISO Schematron says. A pattern's
rule contexts are turned into one XPath expression (``//context``) so that
only candidate nodes are visited; a pattern whose contexts cannot be turned
into an expression is applied in a walk over every node instead.

Each failed ``assert`` and each successful ``report`` becomes one ``<f>``
element carrying the rule id, the role, the kind and the node's ``path()``;
:mod:`teikit.validate.schematron` maps that path back to the line of the
element in the parsed document. Nothing is added to the user's tree, so rules
that count attributes (``@*``) see the document as it is.

Supported: ``ns``, ``let`` (schema, pattern, rule; schema-level ones become
stylesheet parameters so a caller can set them), ``value-of``, ``name``,
``role``, ``diagnostics``, abstract rules with ``extends``, abstract patterns
with ``is-a`` and ``param``, ``include`` of local files (resolved while
compiling, never at run time), and ``xsl:function`` / ``xsl:key`` declared at
the top of the schema, and phases: the phase asked for, else the schema's
``defaultPhase``, else ``#ALL`` (every pattern); a phase runs the patterns
its ``active`` elements name, and its ``let`` variables are visible to them.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError
from ..xmlparse import parse_file

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
#: Namespace of the findings the compiled stylesheet writes.
OUT_NS = "urn:teikit:schematron-findings"

_SCH = f"{{{SCH_NS}}}"
_XSL = f"{{{XSL_NS}}}"
_BINDINGS = {None, "", "xslt", "xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}
_TOP_LEVEL_XSL = {"function", "key"}


def _sch(element: etree._Element, name: str) -> list[etree._Element]:
    return element.findall(f"{_SCH}{name}")


def _resolve_includes(element: etree._Element, base: Path, depth: int = 0) -> None:
    """Replace each ``sch:include`` by the root of the file it names (compile time only)."""
    if depth > 10:
        raise UsageError("Schematron includes nested more than 10 levels", str(base))
    for include in list(element.iter(f"{_SCH}include")):
        href = include.get("href") or ""
        if re.match(r"[a-zA-Z][\w+.-]*:", href) and not href.startswith("file:"):
            raise UsageError(f"Schematron include of {href!r} refused: only local files are read", str(base))
        target = (base.parent / href.removeprefix("file://")).resolve()
        try:
            included = parse_file(target).getroot()
        except TeikitError as err:
            raise UsageError(f"cannot include {href!r}: {err.message}", str(base), include.sourceline) from None
        _resolve_includes(included, target, depth + 1)
        include.getparent().replace(include, included)


def _instantiate_abstract_patterns(schema: etree._Element) -> None:
    """Expand ``<pattern is-a="…">`` with its ``param`` values substituted textually."""
    abstract = {p.get("id"): p for p in _sch(schema, "pattern") if p.get("abstract") == "true"}
    for pattern in _sch(schema, "pattern"):
        base_id = pattern.get("is-a")
        if not base_id:
            continue
        if base_id not in abstract:
            raise UsageError(f"pattern is-a={base_id!r}: no abstract pattern with that id")
        params = {p.get("name"): p.get("value", "") for p in _sch(pattern, "param")}
        # Longest names first so that $ab is not replaced inside $abc.
        names = sorted(params, key=len, reverse=True)
        copy = etree.fromstring(etree.tostring(abstract[base_id]))
        for node in copy.iter():
            for attr in ("context", "test", "select", "value", "path"):
                value = node.get(attr)
                if value is None:
                    continue
                for name in names:
                    value = re.sub(rf"\${re.escape(name)}(?![\w.-])", lambda _m, n=name: params[n], value)
                node.set(attr, value)
        for attr in ("abstract",):
            copy.attrib.pop(attr, None)
        if pattern.get("id"):
            copy.set("id", pattern.get("id"))
        else:
            copy.attrib.pop("id", None)
        schema.replace(pattern, copy)
    for pattern in abstract.values():
        if pattern.getparent() is not None:
            schema.remove(pattern)


def _select_phase(schema: etree._Element, phase: str | None, name: str) -> None:
    """Keep only the patterns of ``phase`` (or of the default phase); add the phase's lets to the schema's."""
    chosen = phase if phase not in (None, "#DEFAULT") else schema.get("defaultPhase")
    if chosen in (None, "", "#ALL"):
        return
    phases = {p.get("id"): p for p in _sch(schema, "phase")}
    if chosen not in phases:
        known = ", ".join(sorted(p for p in phases if p)) or "none"
        raise UsageError(f"no phase {chosen!r} in this Schematron schema (its phases: {known}; or #ALL)", name)
    selected = phases[chosen]
    active = {a.get("pattern") for a in _sch(selected, "active")}
    missing = active - {p.get("id") for p in _sch(schema, "pattern")}
    if missing:
        raise UsageError(f"phase {chosen!r} names patterns that do not exist: {', '.join(sorted(missing))}", name,
                         selected.sourceline)
    for pattern in _sch(schema, "pattern"):
        if pattern.get("abstract") != "true" and pattern.get("id") not in active:
            schema.remove(pattern)
    # A phase's variables: evaluated like the schema's own (they come after them).
    for let in _sch(selected, "let"):
        schema.append(let)


def _may_match_attributes(context: str) -> bool:
    """Whether an XSLT match pattern can select attribute nodes (its last step is on the attribute axis)."""
    depth = 0
    flat = []
    for char in context:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0:
            flat.append(char)
    for branch in "".join(flat).split("|"):
        last = branch.strip().rsplit("/", 1)[-1].strip()
        if last.startswith("@") or last.startswith("attribute::") or last.startswith("attribute("):
            return True
    return False


def _top_level_branches(context: str) -> list[str] | None:
    """Split a pattern on the ``|`` outside brackets and quotes; None if it has other top-level operators."""
    branches, current, depth, quote = [], [], 0, ""
    for char in context:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    branches.append("".join(current).strip())
    if any(not b or re.search(r"\s(union|intersect|except)\s", b) for b in branches):
        return None
    return branches


def candidates(context: str) -> str | None:
    """An XPath expression selecting every node the match pattern ``context`` can match.

    A relative pattern ``p`` matches exactly the nodes of ``//p``; an absolute one
    is its own expression. Patterns that use ``current()`` (whose meaning differs
    between a pattern and an expression) get None, and are matched node by node.
    """
    if "current()" in context:
        return None
    branches = _top_level_branches(context)
    if branches is None:
        return None
    parts = []
    for branch in branches:
        if branch.startswith("/") or re.match(r"(id|key|doc|root)\s*\(", branch):
            parts.append(f"({branch})")
        else:
            parts.append(f"//({branch})" if branch.startswith("(") else f"//{branch}")
    return " | ".join(parts)


def _may_match_other_nodes(context: str) -> bool:
    return bool(re.search(r"\b(text|comment|processing-instruction|node)\s*\(", context))


class _Writer:
    """Builds the XSLT tree for one Schematron schema."""

    def __init__(self, schema: etree._Element, name: str):
        self.schema = schema
        self.name = name
        self.namespaces = {"xsl": XSL_NS, "xs": "http://www.w3.org/2001/XMLSchema", "f": OUT_NS}
        for ns in _sch(schema, "ns"):
            prefix, uri = ns.get("prefix"), ns.get("uri")
            if prefix and uri is not None and prefix not in ("xsl", "f"):
                self.namespaces[prefix] = uri
        self.abstract_rules = {}
        for pattern in _sch(schema, "pattern"):
            for rule in _sch(pattern, "rule"):
                if rule.get("abstract") == "true":
                    self.abstract_rules[rule.get("id")] = rule
        for rules in _sch(schema, "rules"):  # ISO 2016 allows a library of abstract rules here
            for rule in _sch(rules, "rule"):
                self.abstract_rules[rule.get("id")] = rule
        self.diagnostics = {}
        for holder in _sch(schema, "diagnostics"):
            for diagnostic in _sch(holder, "diagnostic"):
                self.diagnostics[diagnostic.get("id")] = diagnostic
        self.root = etree.Element(f"{_XSL}stylesheet", nsmap=self.namespaces)
        self.root.set("version", "3.0")
        self.root.set("exclude-result-prefixes", "#all")
        self.needs_attributes = False
        self.needs_other_nodes = False

    def el(self, parent: etree._Element, xsl_name: str, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, f"{_XSL}{xsl_name}")
        for key, value in attrs.items():
            element.set(key.rstrip("_").replace("__", "-"), value)
        return element

    def build(self) -> etree._Element:
        output = self.el(self.root, "output", method="xml", indent="no")
        output.set("encoding", "UTF-8")
        for child in self.schema:
            if isinstance(child.tag, str) and child.tag.startswith(_XSL) and etree.QName(child).localname in _TOP_LEVEL_XSL:
                self.root.append(etree.fromstring(etree.tostring(child)))
        for let in _sch(self.schema, "let"):
            # Schema-level variables are parameters: callers pass cross-document data this way.
            self._let(self.root, let, "param")
        patterns = [p for p in _sch(self.schema, "pattern") if p.get("abstract") != "true"]
        for pattern in patterns:
            for let in _sch(pattern, "let"):
                self._let(self.root, let, "variable")
        modes = []
        for index, pattern in enumerate(patterns, 1):
            mode = f"f:p{index}"
            contexts = self._pattern(pattern, mode, index)
            if contexts:
                selects = [candidates(c) for c in contexts]
                modes.append((mode, None if None in selects else " | ".join(selects)))
        main = self.el(self.root, "template", match="/")
        findings = etree.SubElement(main, f"{{{OUT_NS}}}findings")
        self.el(findings, "apply-templates", select=".", mode="f:run")
        wrapper = self.el(self.root, "template", match="document-node()", mode="f:run")
        if self.needs_other_nodes:
            walk = "/ | //node() | //@*"
        elif self.needs_attributes:
            walk = "/ | //* | //@*"
        else:
            walk = "/ | //*"
        # A pattern whose rule contexts can be turned into one expression visits
        # only its candidate nodes; the others share one walk over every node.
        walked = [mode for mode, select in modes if select is None]
        for mode, select in modes:
            if select is not None:
                self.el(wrapper, "apply-templates", select=select, mode=mode)
        if walked:
            loop = self.el(wrapper, "for-each", select=walk)
            for mode in walked:
                self.el(loop, "apply-templates", select=".", mode=mode)
        return self.root

    def _let(self, parent: etree._Element, let: etree._Element, kind: str) -> None:
        variable = self.el(parent, kind, name=let.get("name"))
        if let.get("value") is not None:
            variable.set("select", let.get("value"))
        elif len(let) or (let.text or "").strip():
            for child in let:
                variable.append(etree.fromstring(etree.tostring(child)))
        else:
            variable.set("select", "()")

    def _rule_body(self, rule: etree._Element, seen: tuple[str, ...] = ()) -> list[etree._Element]:
        """The lets, asserts and reports of a rule, with ``extends`` inlined."""
        body = []
        for child in rule:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname if child.tag.startswith(_SCH) else None
            if local == "extends":
                target = child.get("rule")
                if target in seen or target not in self.abstract_rules:
                    raise UsageError(f"rule extends {target!r}: no such abstract rule (or a cycle)", self.name)
                body.extend(self._rule_body(self.abstract_rules[target], seen + (target,)))
            elif local in ("let", "assert", "report"):
                body.append(child)
        return body

    def _pattern(self, pattern: etree._Element, mode: str, index: int) -> list[str]:
        """Write the pattern's mode and templates; return its rule contexts."""
        rules = [r for r in _sch(pattern, "rule") if r.get("abstract") != "true"]
        if not rules:
            return []
        self.el(self.root, "mode", name=mode, on__no__match="deep-skip")
        # deep-skip still descends from a document node; the driver loop visits
        # every node itself, so the document node must do nothing unless a rule matches it.
        self.el(self.root, "template", match="document-node()", mode=mode, priority="-1000")
        for position, rule in enumerate(rules):
            context = rule.get("context")
            if not context:
                raise UsageError(f"a rule in pattern {pattern.get('id') or index} has no context", self.name)
            self.needs_attributes |= _may_match_attributes(context)
            self.needs_other_nodes |= _may_match_other_nodes(context)
            template = self.el(self.root, "template", match=context, mode=mode, priority=str(len(rules) - position))
            for item in self._rule_body(rule):
                local = etree.QName(item).localname
                if local == "let":
                    self._let(template, item, "variable")
                    continue
                rule_id = item.get("id") or pattern.get("id") or rule.get("id") or f"pattern-{index}"
                if local == "assert":
                    test = f"not({item.get('test')})"
                else:
                    test = item.get("test")
                condition = self.el(template, "if", test=test)
                finding = etree.SubElement(condition, f"{{{OUT_NS}}}f")
                finding.set("rule", rule_id)
                finding.set("role", item.get("role") or rule.get("role") or "")
                finding.set("kind", local)
                location = self.el(finding, "attribute", name="path")
                self.el(location, "value-of", select="path(.)")
                message = etree.SubElement(finding, f"{{{OUT_NS}}}m")
                self._message(message, item)
                for ref in (item.get("diagnostics") or "").split():
                    if ref not in self.diagnostics:
                        raise UsageError(f"assertion refers to unknown diagnostic {ref!r}", self.name)
                    extra = etree.SubElement(finding, f"{{{OUT_NS}}}d")
                    self._message(extra, self.diagnostics[ref])
        return [rule.get("context") for rule in rules]

    def _message(self, target: etree._Element, source: etree._Element) -> None:
        """Copy the text of an assertion, turning ``value-of`` and ``name`` into XSLT."""
        self._text(target, source.text)
        for child in source:
            if isinstance(child.tag, str) and child.tag == f"{_SCH}value-of":
                self.el(target, "value-of", select=child.get("select"), separator=" ")
            elif isinstance(child.tag, str) and child.tag == f"{_SCH}name":
                self.el(target, "value-of", select=f"name({child.get('path') or '.'})")
            elif isinstance(child.tag, str):
                # emph, dir, span and foreign markup: keep their text and inner value-ofs.
                self._message(target, child)
            self._text(target, child.tail)

    def _text(self, target: etree._Element, text: str | None) -> None:
        if text:
            self.el(target, "text").text = text


def compile_schematron(path: str | Path, phase: str | None = None) -> str:
    """Return the XSLT 3.0 source that evaluates the Schematron schema at ``path``
    (the patterns of ``phase``, or of the default phase)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"Schematron schema not found: {path}")
    schema = parse_file(path).getroot()
    if schema.tag != f"{_SCH}schema":
        raise UsageError("not an ISO Schematron schema (root must be sch:schema)", str(path), schema.sourceline)
    binding = (schema.get("queryBinding") or "").lower()
    if binding not in _BINDINGS:
        raise UsageError(f"unsupported queryBinding {binding!r} (use xslt, xslt2 or xslt3)", str(path), schema.sourceline)
    _resolve_includes(schema, path)
    _instantiate_abstract_patterns(schema)
    _select_phase(schema, phase, str(path))
    stylesheet = _Writer(schema, str(path)).build()
    return etree.tostring(stylesheet, encoding="unicode")
