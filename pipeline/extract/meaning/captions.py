"""A table's caption and notes among the lines printed around it: where its caption starts (its 'Table N' line,
or after the last paragraph), a caption wrapped over lines read whole, and where its notes end."""

from __future__ import annotations

import re

RUNS_ON = re.compile(r"(?:[-–—,/&(]|\b(?:and|or|of|in|the|for|to|by|on|at|with|from|through|thru))$",
                     re.IGNORECASE)
# a part going on from the page before, in every way it is printed: 'Table 2 (continued)', '(cont.)', 'Table 2
# cont.', 'cont'd', 'contd', 'Table 2, continued', a caption ending in a bare 'cont'
CONTINUED = re.compile(r"\((?:continued|cont\.?|cont['’]?d)\)|\bcontinue[sd]\b|\bcont['’]?d\b|\bcont(?:\.|\s*$)",
                       re.IGNORECASE)

TITLE = re.compile(r"^\s*(?:table|exhibit|figure|chart|schedule)\s+(?:[A-Z]{0,2}-?\d+[a-z]?|(?-i:[IVXLC]+))\b",
                   re.IGNORECASE)  # 'Table 3a', 'Table A-2', 'Table IV'; not 'Table is'
NOTE = re.compile(r"^\s*(?:[–—‒−*†‡¹²³⁴⁵⁶⁷⁸⁹-]+\s*\S|§(?!\s*\d+[a-z]?-\d)\s*\S|\(?[a-z0-9]\)\s|"
                  r"(?:notes?|sources?|footnotes?)\b)", re.IGNORECASE)  # '§ 53a-87' names a statute: no note


_SECTION = re.compile(r"\b\d+[a-z]?-\d+[a-z]?\b", re.IGNORECASE)  # a statute's section number, '53a-87'


def prose(text: str) -> bool:
    """A line of running text: many words, or a sentence's end after several (not a statute's heading that ends
    in an abbreviation: 'Conn. Gen. Stat. § 53a-87 Promoting prostitution 2nd deg.')."""
    words = text.split()
    return len(words) >= 12 or len(words) >= 7 and text.rstrip().endswith((".", ";", ":")) and \
        not _SECTION.search(text)


def caption(lines: list[str]) -> list[str]:
    """The lines over a table that are its caption: from its 'Table N' line on, or else the lines after the
    last paragraph or note (prose and the notes of the table above say nothing about this one)."""
    titled = [index for index, text in enumerate(lines) if TITLE.match(text)]
    if titled:
        return _unwrapped(lines[titled[-1]:])
    start = 0
    for index, text in enumerate(lines):
        if prose(text) or NOTE.match(text):
            start = index + 1
    return _unwrapped(lines[start:])


def _unwrapped(lines: list[str]) -> list[str]:
    """A caption's lines with a line that runs on ('..., 2015 through' / '2018') joined to the next."""
    joined: list[str] = []
    for text in lines:
        if joined and RUNS_ON.search(joined[-1].rstrip()):
            joined[-1] = f"{joined[-1].rstrip()} {text.strip()}"
        else:
            joined.append(text)
    return joined


def notes_under(lines: list[str]) -> list[str]:
    """The lines under a table that are its notes: up to the next table's title."""
    for index, text in enumerate(lines):
        if TITLE.match(text):
            return lines[:index]
    return lines
