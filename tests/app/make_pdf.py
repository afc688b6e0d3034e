#!/usr/bin/env python3
"""Writes a PDF whose pages show the lines of a text file, for the document tests (issue 13).

    make_pdf.py TEXT OUT.pdf [--password PW]

A form feed in TEXT starts a new page. The output is the same bytes on every run (reportlab's
invariant mode: no date or random document id), so tests need no committed binaries. With
--password the PDF is encrypted and opens only with it (reportlab's standard encryption).
"""
import argparse

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("out")
    ap.add_argument("--password")
    args = ap.parse_args()
    with open(args.text, encoding="utf-8") as f:
        pages = f.read().split("\f")
    c = canvas.Canvas(args.out, pagesize=A4, invariant=1, encrypt=args.password)
    _, height = A4
    for page in pages:
        y = height - 40
        for line in page.splitlines():
            if y < 40:  # a long page continues on the next sheet
                c.showPage()
                y = height - 40
            c.setFont("Helvetica", 9)
            c.drawString(30, y, line)
            y -= 12
        c.showPage()
    c.save()


if __name__ == "__main__":
    main()
