"""Dates the Danish way, as the pages show them (babel, locale ``da``)."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date

LOCALE = "da"


def danish_date(date: dt.date) -> str:
    """``13. maj 2015``."""
    return format_date(date, "d. MMMM y", locale=LOCALE)


def weekday(date: dt.date) -> str:
    """``onsdag``."""
    return format_date(date, "EEEE", locale=LOCALE)


def long_danish_date(date: dt.date) -> str:
    """``onsdag den 13. maj 2015``, as minutes write it."""
    return f"{weekday(date)} den {danish_date(date)}"


def iso_date(date: dt.date | None) -> str | None:
    """``2015-05-13``, or None without a date (the data files' form)."""
    return date.isoformat() if date else None


def year(date: dt.date) -> int:
    return date.year


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
          "december")


def parse_danish_date(text: str) -> dt.date | None:
    """``13. maj 2015`` → the date; None when ``text`` is not such a date."""
    try:
        day, month, year = text.replace(".", " ").split()
        return dt.date(int(year), MONTHS.index(month.casefold()) + 1, int(day))
    except ValueError:
        return None


def danish_period(start: dt.date | None, end: dt.date | None) -> str:
    """``13. maj 2015 – 8. juni 2016``; one date when both are the same day; ``fra``/``til`` when one is open."""
    if start and end:
        return danish_date(start) if start == end else f"{danish_date(start)} – {danish_date(end)}"
    if start or end:
        return f"fra {danish_date(start)}" if start else f"til {danish_date(end)}"
    return ""
