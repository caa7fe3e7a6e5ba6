"""Word drafts: paragraphs, headings, lists and tables linted; locations are paragraph and offset."""
from __future__ import annotations

import json

import docx
import pytest
from docx.oxml import parse_xml

from tonelint.cli import main
from tonelint.reading import InputError, read_draft

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_post(path):
    document = docx.Document()
    document.add_heading("Nous sommes fiers d'annoncer notre nouveau service", 1)  # paragraph 1
    document.add_paragraph("")  # 2: empty paragraphs count
    paragraph = document.add_paragraph("Merci 🚀 pour votre ")  # 3
    paragraph.add_run("feedback").bold = True  # a run of its own: the offset runs across runs
    paragraph.add_run(" détaillé.")
    document.add_paragraph("Abonnez-vous à notre newsletter mensuelle.", style="List Bullet")  # 4
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Une ligne de tableau"  # 5
    table.cell(0, 1).text = "Une solution clé en main"  # 6
    document.add_paragraph("Écrivez-moi si vous avez une question.")  # 7
    document.save(path)
    return path


def lint_json(capsys, *paths) -> dict:
    code = main(["check", "--format", "json", "--jobs", "1", *map(str, paths)])
    return code, json.loads(capsys.readouterr().out)


def test_findings_are_located_by_paragraph_and_offset(tmp_path, capsys):
    code, report = lint_json(capsys, write_post(tmp_path / "post.docx"))
    assert code == 1
    found = {d["match"]: (d["line"], d["column"]) for d in report["files"][0]["diagnostics"]}
    assert found["fiers d'annoncer"] == (1, 13)  # a heading
    assert found["feedback"] == (3, 20)  # after an emoji (one character) and across runs
    assert found["newsletter"] == (4, 22)  # a list item
    assert found["solution clé en main"] == (6, 5)  # the second cell of a table


def test_extracted_text_has_one_paragraph_per_line(tmp_path):
    text, notice = read_draft(str(write_post(tmp_path / "post.docx")), 1_000_000)
    lines = text.split("\n")
    assert notice is None and len(lines) == 7
    assert lines[2] == "Merci 🚀 pour votre feedback détaillé." and lines[1] == ""


def test_tracked_deletions_comments_and_field_codes_are_not_read_insertions_are(tmp_path, capsys):
    document = docx.Document()
    paragraph = document.add_paragraph("Bonjour ")
    paragraph._p.append(parse_xml(f"<w:del {W} w:id='1' w:author='a'><w:r><w:delText>leader mondial </w:delText></w:r></w:del>"))
    paragraph._p.append(parse_xml(f"<w:ins {W} w:id='2' w:author='a'><w:r><w:t>et merci pour votre feedback</w:t></w:r></w:ins>"))
    paragraph._p.append(parse_xml(f"<w:r {W}><w:fldChar w:fldCharType='begin'/></w:r>"))
    paragraph._p.append(parse_xml(f"<w:r {W}><w:instrText xml:space='preserve'> HYPERLINK \"leader-mondial\" </w:instrText></w:r>"))
    paragraph._p.append(parse_xml(f"<w:r {W}><w:fldChar w:fldCharType='end'/></w:r>"))
    note = document.add_paragraph("Votre avis compte.")
    document.add_comment(note.runs, text="Le leader mondial des solutions clé en main", author="relecteur")
    path = tmp_path / "revue.docx"
    document.save(path)
    text, _ = read_draft(str(path), 1_000_000)
    assert text == "Bonjour et merci pour votre feedback\nVotre avis compte."
    _, report = lint_json(capsys, path)
    assert {d["match"] for d in report["files"][0]["diagnostics"]} == {"feedback"}


def test_paragraphs_inside_content_controls_and_nested_tables_are_read(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    outer.cell(0, 0).text = "Cellule"
    outer.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "Cellule imbriquée"
    body = document.element.body
    control = parse_xml(f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Dans un contrôle</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    body.insert(len(body) - 1, control)  # before the section properties
    path = tmp_path / "controles.docx"
    document.save(path)
    lines = read_draft(str(path), 1_000_000)[0].split("\n")
    assert "Cellule" in lines and "Cellule imbriquée" in lines and lines[-1] == "Dans un contrôle"


@pytest.mark.parametrize("content, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
    (b"PK\x03\x04 not really a zip", "not a readable Word file"),
    (b"Just some text saved with the wrong extension.", "not a readable Word file"),
])
def test_corrupt_or_protected_files_are_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "cassé.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_draft(str(path), 1_000_000)
    assert main(["check", "--jobs", "1", str(path)]) == 2
    out, err = capsys.readouterr()
    assert message in out + err and "Traceback" not in out + err


def test_a_zip_without_a_document_part_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "vide.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match="not a readable Word file"):
        read_draft(str(path), 1_000_000)


def test_fix_leaves_word_files_untouched_and_says_so(tmp_path, capsys):
    path = write_post(tmp_path / "post.docx")
    before = path.read_bytes()
    assert main(["check", "--fix", "--jobs", "1", "--format", "concise", str(path)]) == 1
    out, err = capsys.readouterr()
    assert path.read_bytes() == before
    assert "Word files are not fixed" in err and "anglicismes" in out


def test_directories_are_walked_for_word_drafts(tmp_path, capsys):
    write_post(tmp_path / "post.docx")
    _, report = lint_json(capsys, tmp_path)
    assert [f["path"].rsplit("/", 1)[-1] for f in report["files"]] == ["post.docx"]
