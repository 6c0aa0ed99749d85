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


def short_danish_date(date: dt.date) -> str:
    """``13.05.2015``, for tables and lists."""
    return format_date(date, "dd.MM.y", locale=LOCALE)


def iso_date(date: dt.date | None) -> str | None:
    """``2015-05-13``, or None without a date (the data files' form)."""
    return date.isoformat() if date else None


def year(date: dt.date) -> int:
    return date.year
