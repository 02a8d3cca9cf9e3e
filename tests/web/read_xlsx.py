#!/usr/bin/python3
"""Reads an .xlsx with openpyxl (Debian's python3-openpyxl), independently of the C++ that wrote
it, and prints each row of its first sheet as tab-separated values; a filled cell's value is
followed by [RRGGBB], its colour, and a bold one by [b]."""
import sys

import openpyxl

sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(sheet.title)
for row in sheet.iter_rows():
    cells = []
    for cell in row:
        text = cell.value or ""
        if cell.fill.fill_type == "solid":
            text += "[" + cell.fill.fgColor.rgb[2:] + "]"
        if cell.font.b:
            text += "[b]"
        cells.append(text)
    print("\t".join(cells))
