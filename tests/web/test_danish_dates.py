import datetime as dt

from kommunearkiv.dates import danish_date, danish_period, long_danish_date, parse_danish_date, weekday, year


def test_danish_dates():
    date = dt.date(2015, 5, 13)
    assert danish_date(date) == "13. maj 2015"
    assert weekday(date) == "onsdag"
    assert long_danish_date(date) == "onsdag den 13. maj 2015"
    assert year(date) == 2015


def test_danish_month_and_weekday_names_across_the_year():
    assert danish_date(dt.date(2019, 2, 28)) == "28. februar 2019"
    assert long_danish_date(dt.date(2014, 2, 18)) == "tirsdag den 18. februar 2014"
    assert danish_date(dt.date(2016, 6, 8)) == "8. juni 2016"
    assert weekday(dt.date(2023, 10, 1)) == "søndag"


def test_a_period_of_one_day_is_one_date():
    start, end = dt.date(2015, 5, 13), dt.date(2016, 6, 8)
    assert danish_period(start, start) == "13. maj 2015"
    assert danish_period(start, end) == "13. maj 2015 – 8. juni 2016"
    assert danish_period(start, None) == "fra 13. maj 2015"
    assert danish_period(None, None) == ""


def test_danish_dates_are_read_back():
    assert parse_danish_date("8. juni 2016") == dt.date(2016, 6, 8)
    assert parse_danish_date("8. smarch 2016") is None and parse_danish_date("juni") is None
