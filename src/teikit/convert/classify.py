"""Classification: every bracket found by the lexer goes through the rules table.

The first row whose recognizer accepts the bracket builds its TEI; each
decision is recorded in the report (line, column, rule, element).
"""

from __future__ import annotations

from .model import Bracket, Node, merge, text_of
from .report import Entry, Report
from .rules import RULES, Context


class Classifier:
    """Applies the rules table to every bracket, recording what it did."""

    def __init__(self, report: Report):
        self.report = report

    def classify(self, items: list, depth: int = 0) -> list:
        """``items`` with every :class:`Bracket` (nested ones too) replaced by its TEI nodes."""
        out: list = []
        for index, item in enumerate(items):
            if isinstance(item, Bracket):
                before = out[-1] if out and isinstance(out[-1], str) else ""
                following = items[index + 1] if index + 1 < len(items) else ""
                ctx = Context(item, text_of(item.children, lb="\n").strip(" "), before,
                              following if isinstance(following, str) else "", depth,
                              lambda children, d=depth: self.classify(children, d + 1))
                rule = next(r for r in RULES if r.recognize(ctx))
                built = rule.build(ctx)
                if built.take_before:
                    out[-1] = out[-1][:-built.take_before]
                for node in built.items:
                    if isinstance(node, Node):
                        node.line = item.line
                out.extend(built.items)
                element = next((n for n in built.items if isinstance(n, Node) and n.tag != "pb"), built.items[0])
                self.report.entries.append(Entry(item.line, item.column, rule.name, _describe(element),
                                                 "[" + text_of(item.children) + "]", rule.unsure))
            elif isinstance(item, Node):
                item.children = self.classify(item.children, depth)
                out.append(item)
            else:
                out.append(item)
        return merge(out)


def _describe(node: Node) -> str:
    attrs = "".join(f' {k}="{v}"' for k, v in node.attrib.items() if k in ("type", "reason"))
    return f"<{node.tag}{attrs}>"
