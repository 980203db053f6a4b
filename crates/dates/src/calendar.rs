//! Proleptic Gregorian day arithmetic on day numbers (days since 1970-01-01).

use pw_model::PartialDate;
pub use pw_model::days_in_month;

pub fn is_valid(year: i32, month: u8, day: u8) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

/// Day number of a civil date (H. Hinnant's `days_from_civil`).
pub fn to_days(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date of a day number (H. Hinnant's `civil_from_days`).
pub fn from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Weekday of a day number, Monday = 0 ... Sunday = 6.
pub fn weekday(z: i64) -> u8 {
    (z + 3).rem_euclid(7) as u8
}

/// The day number as a [`PartialDate::Day`].
pub fn day_date(z: i64) -> PartialDate {
    let (year, month, day) = from_days(z);
    PartialDate::Day { year, month, day }
}

/// `(year, month)` moved by `delta` months.
pub fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 + delta;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// Day number `delta` months from `z`, clamping the day to the target month's length.
pub fn add_months_days(z: i64, delta: i32) -> i64 {
    let (y, m, d) = from_days(z);
    let (y2, m2) = add_months(y, m, delta);
    to_days(y2, m2, d.min(days_in_month(y2, m2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        assert_eq!(to_days(1970, 1, 1), 0);
        assert_eq!(weekday(0), 3); // Thursday
        let z = to_days(2023, 7, 30);
        assert_eq!(weekday(z), 6); // Sunday
        assert_eq!(from_days(z), (2023, 7, 30));
        assert_eq!(weekday(to_days(2025, 11, 11)), 1); // Tuesday
        for z in -800_000..800_000 {
            let (y, m, d) = from_days(z);
            assert!(is_valid(y, m, d));
            assert_eq!(to_days(y, m, d), z);
        }
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(add_months(2023, 12, 1), (2024, 1));
        assert_eq!(
            from_days(add_months_days(to_days(2024, 3, 31), -1)),
            (2024, 2, 29)
        );
    }
}
