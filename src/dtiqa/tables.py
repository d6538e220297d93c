"""Tables: a table row read with its column headings, so that its numbers say what they are.

A row "Nghệ An | 30 | 0,5712 | 0,6240" under the heading row "Địa phương | Xếp hạng | DTI | Chính quyền
số" is read as "Nghệ An; Xếp hạng 30; DTI 0,5712; Chính quyền số 0,6240": each number after the name
of its column, each cell its own ';' part (where a pillar's scope ends). The reading is what number
roles, pillars and features are computed on; `back` maps its offsets to the row's, which is cited.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

_CELL = re.compile(r"[^|]+")
_NUMBER = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_RULE = re.compile(r"[:\-–—=\s]+")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class Reading:
    """A sentence as read (for a table row, with its headings) and the way back to the sentence's offsets."""

    text: str
    pieces: tuple[tuple[int, int, int], ...] = ()  # (start in text, start in the row, length) of each copied cell

    def back(self, pos: int) -> int:
        """The row offset of reading offset `pos` (a heading's words map to the start of their cell)."""
        if not self.pieces:
            return pos
        i = max(0, bisect_right([p[0] for p in self.pieces], pos) - 1)
        start, row_start, length = self.pieces[i]
        return row_start + max(0, min(pos - start, length))


def cells(line: str) -> list[tuple[int, str]]:
    """(offset, text) of each cell of a "a | b | c" line, stripped; [] when it is not a table line."""
    if line.count("|") < 2:
        return []
    out = []
    for m in _CELL.finditer(line):
        text = m.group(0)
        lead = len(text) - len(text.lstrip())
        if text.strip():
            out.append((m.start() + lead, text.strip()))
    return out


def is_heading(line: str) -> bool:
    """A table line whose cells are names, not figures: "Địa phương | Xếp hạng | DTI"."""
    row = cells(line)
    return len(row) >= 2 and not any(_NUMBER.search(t) for _, t in row)


def _names_columns(line: str) -> bool:
    """A line above a Markdown rule is its table's heading when each cell has words or is a year:
    "Chỉ tiêu | Năm 2024 | 2025"."""
    row = cells(line)
    return len(row) >= 2 and all(_LETTER.search(t) or _YEAR.fullmatch(t) for _, t in row)


def is_rule(line: str) -> bool:
    """A Markdown table's rule under its heading: "|---|:---:|"."""
    row = cells(line)
    return bool(row) and all(_RULE.fullmatch(t) for _, t in row)


def headings(lines: Sequence[str]) -> dict[int, str]:
    """For each table row of a run of lines (an article's sentences), the heading line of its table."""
    out, heading = {}, ""
    for i, line in enumerate(lines):
        row = cells(line)
        if not row:
            heading = ""
        elif is_rule(line):
            continue
        elif is_heading(line) or (i + 1 < len(lines) and is_rule(lines[i + 1]) and _names_columns(line)):
            heading = line
        elif heading and len(row) == len(cells(heading)):
            out[i] = heading
    return out


# A column of provinces or units: "Tỉnh, thành phố", "Địa phương", "Đơn vị", "Province".
_PLACE_COLUMN = re.compile(r"(?i)\s*(tỉnh|thành phố|địa phương|đơn vị|province|city|locality|unit)\b")


def _names_place(cell: str) -> bool:
    from . import provinces

    return bool(provinces.find(cell, folded=False)) or bool(re.match(r"(?i)(tỉnh|thành phố|tp\.?)\s", cell))


def _by_place(head_cells: list[tuple[int, str]]) -> bool:
    """A table whose columns are provinces ("Chỉ tiêu | Hà Giang | Cao Bằng | Tuyên Quang")."""
    from . import provinces

    return sum(bool(provinces.find(h, folded=False)) for _, h in head_cells[1:]) >= 2


def reading(row: str, heading: str = "") -> Reading:
    """A table row read with its headings; any other sentence is read as it is. In a table whose columns are
    provinces, a figure reads after its column's province and the row's label: "Hà Giang: Xã hội số 0,4905"."""
    row_cells, head_cells = cells(row), cells(heading)
    if not row_cells or len(row_cells) != len(head_cells):
        return Reading(row)
    label = row_cells[0][1] if _LETTER.search(row_cells[0][1]) and _by_place(head_cells) else ""
    # "Hạ tầng số | 0,6120 | Giỏi": the row's label (its first cell of words only) names what each figure after it
    # measures: "Điểm Hạ tầng số 0,6120".
    at_label = next((i for i, (_, cell) in enumerate(row_cells) if _LETTER.search(cell) and not _NUMBER.search(cell)), None)
    row_label = row_cells[at_label][1] if at_label is not None and not label else ""
    if row_label and (_names_place(row_label) or _PLACE_COLUMN.match(head_cells[at_label][1])):
        row_label = ""  # "17 | Hoa Mai | 0,6120": a ranking's row is its province's, which the row already names
    text, pieces = "", []
    for i, ((at, cell), (_, head)) in enumerate(zip(row_cells, head_cells)):
        if text:
            text += "; "
        if label and i:
            text += f"{head}: {label} "
        elif _NUMBER.search(cell) and not label:
            text += f"{head} {row_label} " if row_label and i > at_label else head + " "
        pieces.append((len(text), at, len(cell)))
        text += cell
    return Reading(text + ".", tuple(pieces))


__all__ = ["Reading", "cells", "headings", "is_heading", "is_rule", "reading"]
