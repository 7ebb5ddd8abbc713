"""The sidecar's [facsimile] table: what it accepts, what it refuses (file:line), and the TEI it becomes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from facsimile_support import TEI_ALL_RNG, memo_text, tiny_png, write_edition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit import TEI_NS, XML_NS
from teikit.cli import main
from teikit.convert import convert_file, convert_text
from teikit.errors import TeikitError
from teikit.export import export_text
from teikit.validate import Validator

T = {"t": TEI_NS}


def _convert(source: Path):
    return convert_file(source).tree


def _surfaces(tree):
    return tree.getroot().xpath("t:facsimile/t:surface", namespaces=T)


def _links(tree):
    """(pb/@n or None, resp, the surface's n) of every linked page break, in order."""
    root = tree.getroot()
    out = []
    for pb in root.xpath("//t:pb[@facs]", namespaces=T):
        surface = root.xpath(f"//t:surface[@xml:id='{pb.get('facs')[1:]}']", namespaces=T)[0]
        out.append((pb.get("n"), pb.get("resp"), surface.get("n")))
    return out


@pytest.fixture(scope="module")
def validator():
    return Validator()


def test_a_folder_of_images_becomes_a_surface_per_page_linked_to_the_page_breaks(tmp_path, validator):
    source = write_edition(tmp_path, 'images = "scans/"\n')
    tree = _convert(source)
    surfaces = _surfaces(tree)
    assert [s.get("n") for s in surfaces] == ["1", "2", "3"]
    graphic = surfaces[0].find(f"{{{TEI_NS}}}graphic")
    assert graphic.get("url") == "scans/page1.png" and graphic.get("mimeType") == "image/png"
    assert graphic.get("width") == "220px" and graphic.get("height") == "315px"
    # The text does not begin with a page break: one is added for the first image, with no text.
    assert _links(tree) == [(None, "#encoder", "1"), ("2", None, "2"), ("3", None, "3")]
    first = tree.getroot().xpath("//t:body/*[1]", namespaces=T)[0]
    assert etree.QName(first).localname == "pb" and not (first.text or "").strip()
    # The facsimile follows the header.
    assert etree.QName(tree.getroot()[1]).localname == "facsimile"
    assert not [f for f in validator.check_tree(tree, "memo.xml") if f.severity == "error"]


def test_the_text_is_still_the_source(tmp_path):
    source = write_edition(tmp_path, 'images = "scans/"\n')
    with_facsimile = export_text(_convert(source))
    without = export_text(convert_text(memo_text(), "memo.txt").tree)
    assert with_facsimile == without
    assert "[Page 2]" in with_facsimile


@pytest.mark.skipif(not TEI_ALL_RNG.is_file(), reason="../shared/tei/tei_all.rng is not present")
def test_the_tei_is_valid_tei_all(tmp_path, assert_tei_all):
    source = write_edition(tmp_path, 'images = "scans/"\npages = ["1", "2", "3"]\n')
    assert_tei_all(_convert(source))


def test_natural_order_of_a_folder(tmp_path):
    for n in (10, 2, 1):
        tiny_png(tmp_path / "scans" / f"p{n}.png")
    write_edition(tmp_path, 'images = "scans"\n', pages=0)
    urls = [g.get("url") for g in _convert(tmp_path / "memo.txt").getroot().iter(f"{{{TEI_NS}}}graphic")]
    assert urls == ["scans/p1.png", "scans/p2.png", "scans/p10.png"]


def test_pages_name_the_page_break_each_image_begins(tmp_path):
    source = write_edition(tmp_path, 'images = ["scans/page1.png", "scans/page2.png"]\npages = ["2", "3"]\n')
    tree = _convert(source)
    assert _links(tree) == [("2", None, "2"), ("3", None, "3")]
    assert not tree.getroot().xpath("//t:pb[@resp]", namespaces=T)


def test_a_first_page_named_but_not_marked_is_added_at_the_start(tmp_path):
    source = write_edition(tmp_path, 'images = "scans/"\npages = ["1", "2", "3"]\n')
    assert _links(_convert(source))[0] == ("1", "#encoder", "1")


def test_a_text_without_page_breaks_has_its_first_image_at_the_start(tmp_path):
    text = memo_text().replace("[Page 2]\n", "").replace("[Page 3]\n", "")
    source = write_edition(tmp_path, 'images = "scans/"\n', text=text)
    tree = _convert(source)
    assert len(_surfaces(tree)) == 3
    assert _links(tree) == [(None, "#encoder", "1")]


def test_more_page_breaks_than_images_is_a_warning(tmp_path):
    source = write_edition(tmp_path, 'images = ["scans/page1.png"]\n', pages=2)
    conversion = convert_file(source)
    assert any("1 page image and the text has 2 page breaks" in w.message for w in conversion.warnings)


def test_a_iiif_service_is_named_not_fetched(tmp_path):
    source = write_edition(tmp_path, 'iiif_service = ["https://iiif.example.org/iiif/3/p1/", '
                                     '"https://iiif.example.org/iiif/3/p2/info.json"]\nsize = [2000, 3000]\n', pages=0)
    graphics = list(_convert(source).getroot().iter(f"{{{TEI_NS}}}graphic"))
    assert [g.get("url") for g in graphics] == ["https://iiif.example.org/iiif/3/p1/full/max/0/default.jpg",
                                                "https://iiif.example.org/iiif/3/p2/full/max/0/default.jpg"]
    assert graphics[0].get("width") == "2000px"


def test_convert_to_another_folder_names_the_images_from_there(tmp_path):
    write_edition(tmp_path, 'images = "scans/"\n')
    out = tmp_path / "out" / "memo.xml"
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "memo.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    url = etree.parse(str(out)).getroot().find(f".//{{{TEI_NS}}}graphic").get("url")
    assert url == "../scans/page1.png" and (out.parent / url).is_file()


BAD = {
    "unknown key": ('images = "scans/"\nimgs = "x"\n', 7, "[facsimile] unknown key 'imgs'"),
    "no source": ('pages = ["1"]\n', 5, "needs exactly one of 'images'"),
    "two sources": ('images = "scans/"\niiif_service = "https://x.example/iiif/p1"\n', 7, "needs exactly one"),
    "absolute": ('images = ["/etc/passwd"]\n', 6, "is an absolute path"),
    "escapes": ('images = ["../outside.png"]\n', 6, "leads outside the sidecar's folder"),
    "missing": ('images = ["scans/none.png"]\n', 6, "is not a file or folder"),
    "not an image": ('images = ["memo.txt"]\n', 6, "is not a PNG, JPEG, GIF or WebP image"),
    "file scheme": ('images = ["file:///etc/passwd"]\n', 6, "only files beside the sidecar and http(s)"),
    "pages count": ('images = "scans/"\npages = ["1"]\n', 7, "'pages' names 1 page for 3 images"),
    "unknown page": ('images = "scans/"\npages = ["1", "2", "9"]\n', 7, "page '9' is not a page break"),
    "size": ('iiif_service = "https://x.example/iiif/p1"\nsize = [0, "x"]\n', 7, "'size' must be [width, height]"),
    "service": ('iiif_service = ["scans/p1"]\n', 6, "is not an http(s) address"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_table_is_refused_with_its_line(tmp_path, case):
    table, line, message = BAD[case]
    (tmp_path / "outside.png").parent.mkdir(parents=True, exist_ok=True)
    folder = tmp_path / "edition"
    write_edition(folder, table)
    tiny_png(tmp_path / "outside.png")
    result = CliRunner().invoke(main, ["convert", str(folder / "memo.txt")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    sidecar = folder / "memo.meta.toml"
    assert result.output.strip().splitlines()[-1].startswith(f"teikit: {sidecar}:{line}: ") or \
        f"{sidecar}:{line}: " in result.output, result.output
    assert message in result.output


def test_a_link_that_leads_out_of_the_folder_is_refused(tmp_path):
    secret = tiny_png(tmp_path / "private" / "secret.png")
    folder = tmp_path / "edition"
    write_edition(folder, 'images = ["scans/link.png"]\n')
    os.symlink(secret, folder / "scans" / "link.png")
    with pytest.raises(TeikitError, match="leads outside the sidecar's folder"):
        convert_file(folder / "memo.txt")


# A text of paragraphs with page markers anywhere between them, against any number of images:
# the text is still the source, the TEI valid, every page break's @facs resolves, the first image linked.
_paragraph = st.sampled_from(["The talks went on.", "Kim said nothing.", "The delegation left on 12 June 1969."])
_part = st.one_of(_paragraph, st.integers(2, 40).map(lambda n: f"[Page {n}]"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(_part, min_size=1, max_size=8), images=st.integers(1, 5))
def test_any_text_against_any_number_of_images(tmp_path_factory, validator, parts, images):
    folder = tmp_path_factory.mktemp("prop")
    for n in range(1, images + 1):
        tiny_png(folder / "scans" / f"p{n}.png")
    text = "MEMORANDUM\n\n" + "\n\n".join(parts) + "\n"
    (folder / "memo.txt").write_text(text, encoding="utf-8")
    (folder / "memo.meta.toml").write_text('title = "x"\n[facsimile]\nimages = "scans/"\n', encoding="utf-8")
    tree = convert_file(folder / "memo.txt").tree
    assert export_text(tree) == export_text(convert_text(text, "memo.txt").tree)
    assert not [f for f in validator.check_tree(tree, str(folder / "memo.xml")) if f.severity == "error"]
    root = tree.getroot()
    ids = {s.get(f"{{{XML_NS}}}id") for s in _surfaces(tree)}
    assert len(ids) == images
    facs = [pb.get("facs")[1:] for pb in root.iter(f"{{{TEI_NS}}}pb") if pb.get("facs")]
    assert set(facs) <= ids and len(facs) == len(set(facs))
    assert _surfaces(tree)[0].get(f"{{{XML_NS}}}id") in facs
