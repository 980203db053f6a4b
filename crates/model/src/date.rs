//! Dates of uneven precision, as news gives them: a day, a month, a year, a decade,
//! or a day whose year is unknown.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar date known to some precision.
///
/// Written as ISO 8601 where it can be (`2023-07-20`, `2023-07`, `2023`), as `--07-20`
/// for a day without a known year, and as `199X` for a decade (EDTF's unspecified digit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    Day {
        year: i32,
        month: u8,
        day: u8,
    },
    Month {
        year: i32,
        month: u8,
    },
    Year {
        year: i32,
    },
    /// The decade starting at `start` (a multiple of ten).
    Decade {
        start: i32,
    },
    /// A month and day whose year the text does not give and nothing resolves.
    MonthDay {
        month: u8,
        day: u8,
    },
}

impl PartialDate {
    /// The year, when known.
    pub fn year(&self) -> Option<i32> {
        match *self {
            PartialDate::Day { year, .. }
            | PartialDate::Month { year, .. }
            | PartialDate::Year { year } => Some(year),
            PartialDate::Decade { .. } | PartialDate::MonthDay { .. } => None,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Day { year, month, day } => write!(f, "{year:04}-{month:02}-{day:02}"),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year { year } => write!(f, "{year:04}"),
            PartialDate::Decade { start } => write!(f, "{:03}X", start / 10),
            PartialDate::MonthDay { month, day } => write!(f, "--{month:02}-{day:02}"),
        }
    }
}

/// Why a string is not a [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError(String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date: {:?}", self.0)
    }
}

impl std::error::Error for ParseDateError {}

/// Days in `month` of `year` in the Gregorian calendar (0 for a month outside 1..=12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for PartialDate {
    type Err = ParseDateError;

    fn from_str(raw: &str) -> Result<PartialDate, ParseDateError> {
        let error = || ParseDateError(raw.to_string());
        let number = |part: &str| -> Result<i64, ParseDateError> {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error());
            }
            part.parse().map_err(|_| error())
        };
        let valid_month = |month: i64| (1..=12).contains(&month);
        if let Some(rest) = raw.strip_prefix("--") {
            let (month, day) = rest.split_once('-').ok_or_else(error)?;
            let (month, day) = (number(month)?, number(day)?);
            // A leap year, so that --02-29 is accepted.
            if !valid_month(month) || day < 1 || day > i64::from(days_in_month(2000, month as u8)) {
                return Err(error());
            }
            return Ok(PartialDate::MonthDay {
                month: month as u8,
                day: day as u8,
            });
        }
        if raw.len() == 4 && raw.ends_with('X') {
            let start = number(&raw[..3])? * 10;
            return Ok(PartialDate::Decade {
                start: start as i32,
            });
        }
        let parts: Vec<&str> = raw.split('-').collect();
        if parts[0].len() != 4 {
            return Err(error());
        }
        let year = number(parts[0])? as i32;
        match parts.as_slice() {
            [_] => Ok(PartialDate::Year { year }),
            [_, month] => {
                let month = number(month)?;
                if !valid_month(month) {
                    return Err(error());
                }
                Ok(PartialDate::Month {
                    year,
                    month: month as u8,
                })
            }
            [_, month, day] => {
                let (month, day) = (number(month)?, number(day)?);
                if !valid_month(month)
                    || day < 1
                    || day > i64::from(days_in_month(year, month as u8))
                {
                    return Err(error());
                }
                Ok(PartialDate::Day {
                    year,
                    month: month as u8,
                    day: day as u8,
                })
            }
            _ => Err(error()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_precision() {
        for text in [
            "2023-07-20",
            "2023-07",
            "2023",
            "199X",
            "--06-24",
            "2024-02-29",
            "--02-29",
        ] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "2023-02-29",
            "2023-13",
            "2023-00-10",
            "--04-31",
            "23-07-20",
            "abcd",
            "",
            "2023-7-2x",
        ] {
            assert!(
                text.parse::<PartialDate>().is_err(),
                "{text} should not parse"
            );
        }
    }

    #[test]
    fn year_only_when_known() {
        assert_eq!("2023-07".parse::<PartialDate>().unwrap().year(), Some(2023));
        assert_eq!("--07-20".parse::<PartialDate>().unwrap().year(), None);
    }
}
