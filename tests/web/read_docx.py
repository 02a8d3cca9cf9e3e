#!/usr/bin/python3
"""Reads a .docx with python-docx (Debian's python3-docx), independently of the C++ that wrote
it, and prints its paragraphs' text, one per line: what Word would show."""
import sys

import docx

for paragraph in docx.Document(sys.argv[1]).paragraphs:
    print(paragraph.text)
