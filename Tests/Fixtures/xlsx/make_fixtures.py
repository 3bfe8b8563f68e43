#!/usr/bin/env python3
"""Writes the xlsx test fixtures with openpyxl (a real spreadsheet writer, independent of ksp).

Run from anywhere: python3 Tests/Fixtures/xlsx/make_fixtures.py. It reads Tests/Fixtures/small (season.yaml,
participants.csv, inquiries.csv) and writes:
  small/     the same season as workbooks: participants.xlsx, inquiries.xlsx (sheet "Ark1"). Contact times are
             Excel date cells; answered_at are date cells on odd rows and text on even rows; numbers are number
             cells except q1's X3, a number stored as text; the sheet ends with an empty (styled) row; a second
             sheet "Notater" holds text that must be ignored.
  bad/       inquiries.xlsx with q4's channel "fax" (cell C5) and q8's K1 7 on a 1-5 scale (cell J9).
  broken/    inquiries.xlsx cut in half (a broken zip); participants.csv as usual.
Every folder gets season.yaml (and participants.csv where the workbook is not the point) copied from small.
"""
import csv
import datetime
import os
import shutil

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "small")


def rows(name):
    with open(os.path.join(SOURCE, name), encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def cell_value(header, value, row_index, inquiry):
    if value == "":
        return None
    if header == "contacted_at":
        return datetime.datetime.fromisoformat(value)
    if header == "answered_at":
        return datetime.datetime.fromisoformat(value) if row_index % 2 == 1 else value
    if inquiry == "q1" and header == "X3":
        return value  # a number stored as text
    try:
        return int(value)
    except ValueError:
        return value


def workbook(table, convert, path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ark1"
    header = table[0]
    for row_index, row in enumerate(table):
        for column, value in enumerate(row):
            written = value if row_index == 0 else convert(header[column], value, row_index, row[0])
            if written is None:
                continue
            cell = sheet.cell(row=row_index + 1, column=column + 1, value=written)
            if isinstance(written, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
    # An empty row at the end: a styled cell without a value (exports often leave one).
    sheet.cell(row=len(table) + 1, column=1).font = Font(bold=True)
    notes = book.create_sheet("Notater")
    notes["A1"] = "Denne arkfanen skal ikke leses"
    notes["B2"] = 42
    book.save(path)


def season_folder(name, with_participants_csv):
    folder = os.path.join(HERE, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    shutil.copy(os.path.join(SOURCE, "season.yaml"), folder)
    if with_participants_csv:
        shutil.copy(os.path.join(SOURCE, "participants.csv"), folder)
    return folder


def main():
    inquiries = rows("inquiries.csv")
    participants = rows("participants.csv")

    small = season_folder("small", with_participants_csv=False)
    workbook(participants, lambda header, value, index, key: value, os.path.join(small, "participants.xlsx"))
    workbook(inquiries, cell_value, os.path.join(small, "inquiries.xlsx"))

    bad = season_folder("bad", with_participants_csv=True)
    broken_rows = [list(row) for row in inquiries]
    broken_rows[4][2] = "fax"  # q4's channel: cell C5
    broken_rows[8][9] = "7"  # q8's K1: cell J9
    workbook(broken_rows, cell_value, os.path.join(bad, "inquiries.xlsx"))

    broken = season_folder("broken", with_participants_csv=True)
    whole = os.path.join(broken, "whole.xlsx")
    workbook(inquiries, cell_value, whole)
    with open(whole, "rb") as handle:
        data = handle.read()
    with open(os.path.join(broken, "inquiries.xlsx"), "wb") as handle:
        handle.write(data[: len(data) // 2])
    os.remove(whole)


if __name__ == "__main__":
    main()
