"""The command layer: options reach the library, errors are one line."""

from __future__ import annotations

from click.testing import CliRunner

from teikit.cli import main


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["build", "--help"])
    assert result.exit_code == 0
    assert "Example: teikit build" in result.output and "--shard" in result.output
    result = CliRunner().invoke(main, ["merge", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_bad_shard_is_a_usage_error(source, tmp_path):
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "s"), "--shard", "5/4"])
    assert result.exit_code == 2
    assert "--shard" in result.output
    assert not (tmp_path / "s").exists()


def test_missing_source_folder(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "s")])
    assert result.exit_code == 2 and "source folder not found" in result.output
    assert "Traceback" not in result.output


def test_empty_source_folder(tmp_path):
    (tmp_path / "src").mkdir()
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "-o", str(tmp_path / "s")])
    assert result.exit_code == 2 and "no documents" in result.output


def test_a_text_beside_its_tei_is_no_news_unless_edited_after_it(tmp_path):
    import os
    import shutil

    from teikit.bundled import data_dir

    source = tmp_path / "src"
    source.mkdir()
    seed = data_dir("tei") / "soviet-embassy-dprk-1969-06-09"
    for suffix in (".txt", ".xml", ".meta.toml"):
        shutil.copy(str(seed) + suffix, source)
    shutil.copy(data_dir("tei") / "register.xml", source)
    text, tei = source / (seed.name + ".txt"), source / (seed.name + ".xml")
    os.utime(text, (1_000_000, 1_000_000))
    os.utime(tei, (1_000_000, 1_000_000))
    args = ["build", str(source), "-o", str(tmp_path / "site"), "--no-pdf"]
    quiet = CliRunner().invoke(main, args)
    assert quiet.exit_code == 0, quiet.output
    assert "plain-text source" not in quiet.output
    os.utime(text, (1_000_100, 1_000_100))
    told = CliRunner().invoke(main, args)
    assert told.exit_code == 0
    assert "1 plain-text source(s) changed after the TEI file of the same name" in told.output
