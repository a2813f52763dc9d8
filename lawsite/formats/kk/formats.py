"""Kazakh dates and numbers, as the site's own pages write them ("2026 жылғы 18 қаңтар"; "E" is the month in
small letters, from locale_vendor/kk). The *_FORMAT strings use Django's date syntax, the *_INPUT_FORMATS
strftime's."""

DATE_FORMAT = "Y жылғы j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y жылғы j E, H:i"
YEAR_MONTH_FORMAT = "Y жылғы E"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# The first of each is what a form shows and the admin's calendar writes; ISO dates are always accepted too.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # 18.01.2026
    "%d.%m.%y",  # 18.01.26
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # 18.01.2026 14:30:59
    "%d.%m.%Y %H:%M:%S.%f",  # 18.01.2026 14:30:59.000200
    "%d.%m.%Y %H:%M",  # 18.01.2026 14:30
    "%d.%m.%y %H:%M:%S",
    "%d.%m.%y %H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # no-break space
NUMBER_GROUPING = 3
