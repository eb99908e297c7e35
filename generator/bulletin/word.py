"""The bulletin as an editable Word copy (.docx, python-docx): real headings (so Word's navigation and
contents work), real tables whose header row repeats and whose rows never split, charts as pictures, a
running header and page numbers; the same bytes for the same data."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

from .document import Bulletin, Chart, FigureList, Heading, Paragraph, Table

#: Fonts an office's Word has; the East Asian font is what Chinese text is set in.
BODY_FONT, HEADING_FONT = ("宋体", "黑体")
LATIN_FONT = "Times New Roman"


def docx(bulletin: Bulletin) -> bytes:
    """The bulletin as .docx bytes."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    _fonts(doc)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.4)
    section.left_margin = section.right_margin = Cm(2.2)
    section.different_first_page_header_footer = True  # the cover carries neither
    header = section.header.paragraphs[0]
    header.text = f"{bulletin.header}\t\t{bulletin.subtitle}"
    header.style = doc.styles["Header"]
    _page_number(section.footer.paragraphs[0], bulletin.words.get("page", "{page}"))

    for text, size, bold in ((bulletin.office, 14, False), (bulletin.title, 24, True), (bulletin.subtitle, 16, False),
                             (bulletin.dated, 12, False)):
        if not text:
            continue
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(28)
        run = p.add_run(text)
        run.font.size, run.bold = Pt(size), bold
        _east_asian(run, HEADING_FONT if bold else BODY_FONT)
    doc.add_section(WD_SECTION.NEW_PAGE)

    indent = bulletin.words.get("indent", 0)
    for title, blocks in [("", bulletin.lead), *((s.title, s.blocks) for s in bulletin.sections)]:
        if title:
            doc.add_heading(title, level=1)
        for block in blocks:
            if isinstance(block, Paragraph):
                p = doc.add_paragraph(_CONTROL.sub("", block.text))
                if indent:
                    p.paragraph_format.first_line_indent = Pt(12 * indent)
            elif isinstance(block, Heading):
                doc.add_heading(block.text, level=2)
            elif isinstance(block, FigureList):
                _table(doc, Table(("", "", ""), tuple((f.label, f.value, f.note or "") for f in block.items),
                                  (2, 2, 3), (False, True, False)), header=False)
            elif isinstance(block, Table):
                if block.caption:
                    doc.add_paragraph(block.caption, style="Caption")
                _table(doc, block)
                if block.note:
                    doc.add_paragraph(block.note)
            elif isinstance(block, Chart):
                doc.add_paragraph(block.title, style="Caption")
                doc.add_picture(io.BytesIO(block.png), width=Cm(16))
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
                _alt_text(doc, block.description)

    stamp = dt.datetime.combine(bulletin.as_of or dt.date(2000, 1, 1), dt.time())
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = bulletin.title, bulletin.office, bulletin.office
    props.created = props.modified = stamp
    props.revision = 1
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue(), stamp)


def _fonts(doc) -> None:
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = LATIN_FONT, Pt(12)
    _east_asian(normal, BODY_FONT)
    for name in ("Heading 1", "Heading 2", "Title", "Caption"):
        style = doc.styles[name]
        _east_asian(style, HEADING_FONT)
        style.font.color.rgb = None


def _east_asian(element, font: str) -> None:
    """Set the font Word uses for Chinese text (python-docx sets only the Latin one)."""
    from docx.oxml.ns import qn

    element.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _table(doc, t: Table, header: bool = True) -> None:
    """A Word table in the theme's grid style, written as XML in one piece (python-docx's cell by cell calls
    take minutes for a province's thousands of rows)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    total = sum(t.widths)
    widths = [round(9412 * w / total) for w in t.widths]  # twentieths of a point: 16.6 cm in all
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    rows = ([(t.columns, True)] if header else []) + [(r, False) for r in t.rows]
    body = "".join(_row(values, widths, t.numeric, head) for values, head in rows)
    xml = (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           f'<w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="{int(header)}" w:lastRow="0" w:firstColumn="0" '
           f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')
    doc.element.body.append(parse_xml(xml))
    doc.add_paragraph()  # Word needs a paragraph between two tables, or it merges them


def _row(values, widths, numeric, head: bool) -> str:
    """One ``w:tr``: never split across pages (``cantSplit``); the header row repeats (``tblHeader``)."""
    props = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if head else "") + "</w:trPr>"
    cells = []
    for value, width, right in zip(values, widths, numeric):
        align = "center" if head else "right" if right else "left"
        run = "<w:rPr>" + ("<w:b/>" if head else "") + '<w:sz w:val="18"/></w:rPr>'
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:jc w:val="{align}"/>'
                     f'</w:pPr><w:r>{run}{_text(value)}</w:r></w:p></w:tc>')
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value: str) -> str:
    """A cell's text as runs of ``w:t``, a line break for each line the data breaks (XML forbids control
    characters, so they go)."""
    lines = _CONTROL.sub("", value).splitlines() or [""]
    return "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)


def _page_number(paragraph, pattern: str) -> None:
    """``第 {page} 页`` with Word's PAGE field where ``{page}`` is."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, after = pattern.partition("{page}")
    if before:
        paragraph.add_run(before)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    if after:
        paragraph.add_run(after)


def _alt_text(doc, description: str) -> None:
    """The chart's description as the picture's alternative text (screen readers, Word's accessibility check)."""
    docpr = doc.inline_shapes[-1]._inline.docPr
    docpr.set("descr", description)


def _fixed_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The package with every member dated ``stamp`` (python-docx dates them with the clock)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
