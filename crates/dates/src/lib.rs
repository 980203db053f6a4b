//! Pactwatch dates: find date expressions and resolve them against the publication date.
//!
//! [`find_dates`] lexes the text once and runs one left-to-right matcher over the tokens
//! (no regex). Resolution is biased to the past, as news is: a bare "Monday" is the most
//! recent Monday on or before publication, "July 20" without a year the nearest July 20
//! not after it. Without a publication date nothing relative is guessed: such mentions
//! are returned with `date: None`, and a month-day without a year is a
//! [`PartialDate::MonthDay`].
//!
//! **Spans** cover the date words themselves: prepositions are left out ("in 2023" →
//! `2023`, "on Monday" → `Monday`, "over the weekend" → `weekend`, "the 1990s" → `1990s`,
//! "Tuesday night" → `Tuesday`), but the words that decide the resolution are kept
//! ("last week", "earlier this month", "next Monday", "three days ago", "past decade",
//! "Jul. 20", "July 20, 2023", "Monday, July 24, 2023", "2006-2019").
//!
//! **Spanish** is read in every text, with no language parameter: its date words
//! (`data/lexicon/es/`) do not collide with the English ones. Spanish month and weekday
//! names are lowercase; modifiers may follow their word; the day comes first. The
//! meanings mirror the English ones ("el lunes" = "Monday", "la semana pasada" = "last
//! week", "hace dos semanas" = "two weeks ago", "a fines de 2023" = "in late 2023") and
//! so do the spans: articles and prepositions are left out ("el 20 de julio de 2023" →
//! `20 de julio de 2023`, "en los años 90" → `años 90`, "a fines de 2023" → `2023`),
//! modifiers kept (`semana pasada`, `pasado lunes`, `hace tres días`, `esta mañana`).
//! Numeric dates are read day first when most date keywords of the text are Spanish
//! ("05/07/2023" is 5 July there).

mod calendar;
mod lex;
mod scan;

pub use pw_model::{PartialDate, Span};

/// What sort of date expression a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// Calendar words: "July 20, 2023", "Jul. 20", "December 2023", "in 2023", "in March",
    /// "the 1990s", "2023-07-20", "(2006-2019)".
    Absolute,
    /// Relative to publication: "yesterday", "last week", "over the weekend", "this
    /// year", "three days ago", "last Monday", "next Monday", "last March".
    Relative,
    /// A day of the week, bare or with "on"/"this": "Monday", "on Friday".
    Weekday,
    /// Not resolvable to a date: "recently", "in recent weeks", "a few days ago".
    Vague,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// Byte span of the date words in the text (see the crate docs for what is included).
    pub span: Span,
    pub kind: DateKind,
    /// Resolved date, None when it cannot be resolved without guessing (and for pure
    /// periods such as "last week" or "2006-2019", which have only a `range`).
    pub date: Option<PartialDate>,
    /// For expressions that denote a period ("last week", "over the weekend", "this
    /// week", "(2006-2019)", "since 2020", "the 1990s", "past two years", "July 20-22,
    /// 2023"), its first and last day/year when resolvable.
    pub range: Option<(PartialDate, PartialDate)>,
}

/// Every date expression in `text` (byte spans into text, in order, not overlapping),
/// resolved against the publication date when one is given as a [`PartialDate::Day`]
/// (a coarser publication date counts as none). Linear: one lexing pass and one matching
/// pass with bounded look-around.
pub fn find_dates(text: &str, published: Option<PartialDate>) -> Vec<DateMention> {
    scan::Scanner::new(text, lex::lex(text), published).run()
}

/// The same day one week later. A bare weekday resolves to the most recent one on or
/// before publication; for a planned act ("will sign the pact on Friday") the weekday is
/// the next one, which the caller asks for with this. Coarser dates do not move.
pub fn one_week_later(date: PartialDate) -> PartialDate {
    match date {
        PartialDate::Day { year, month, day } => {
            let (year, month, day) = calendar::from_days(calendar::to_days(year, month, day) + 7);
            PartialDate::Day { year, month, day }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: Option<&str> = Some("2023-07-30"); // Sunday
    const P2: Option<&str> = Some("2025-11-11"); // Tuesday
    const P3: Option<&str> = Some("2024-01-03"); // Wednesday

    /// `span=date`, `span=first..last` for a range only, `span=date[first..last]` for
    /// both, `span=-` for neither; mentions joined with "; ".
    fn render(text: &str, published: Option<&str>) -> String {
        let published = published.map(|p| p.parse::<PartialDate>().expect("valid test date"));
        find_dates(text, published)
            .iter()
            .map(|m| {
                let range = m.range.map(|(a, b)| format!("{a}..{b}"));
                let value = match (m.date, range) {
                    (Some(d), None) => d.to_string(),
                    (Some(d), Some(r)) => format!("{d}[{r}]"),
                    (None, Some(r)) => r,
                    (None, None) => "-".to_string(),
                };
                format!("{}={value}", m.span.slice(text))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    #[rustfmt::skip]
    const TABLE: &[(&str, Option<&str>, &str)] = &[
        // Absolute days.
        ("The deal was signed on July 20, 2023.", None, "July 20, 2023=2023-07-20"),
        ("It happened July 20 2023 in Tehran", None, "July 20 2023=2023-07-20"),
        ("It happened July 20,2023 in Tehran", None, "July 20,2023=2023-07-20"),
        ("signed on 20 July 2023 by", None, "20 July 2023=2023-07-20"),
        ("signed on Jul. 20 by the minister", P1, "Jul. 20=2023-07-20"),
        ("signed on July 20 by", None, "July 20=--07-20"),
        ("signed on 20 July by", P1, "20 July=2023-07-20"),
        ("signed Dec. 28 in Tehran", P3, "Dec. 28=2023-12-28"),
        ("signed Dec 28 in Tehran", P3, "Dec 28=2023-12-28"),
        ("signed Jan. 2 in Tehran", P3, "Jan. 2=2024-01-02"),
        ("on Feb. 29 last", Some("2023-03-01"), "Feb. 29=2020-02-29"),
        // A year-less date shortly after publication is an announcement, not last year's.
        ("a meeting on December 12", Some("2023-12-10"), "December 12=2023-12-12"),
        ("a meeting on December 12", Some("2024-03-10"), "December 12=2023-12-12"),
        ("talks on March 30", Some("2024-02-10"), "March 30=2024-03-30"),
        ("talks on June 30", Some("2024-02-10"), "June 30=2023-06-30"),
        // The weekday picks the year.
        ("on Tuesday, December 12 to", Some("2023-12-25"), "Tuesday, December 12=2023-12-12"),
        ("on Thursday, January 2 in", Some("2024-12-20"), "Thursday, January 2=2025-01-02"),
        ("on Monday, January 2 in", Some("2024-01-01"), "Monday, January 2=2023-01-02"),
        ("on Feb. 30 nothing", None, ""),
        ("at 9 a.m. on Jan. 5", None, "Jan. 5=--01-05"),
        ("at 20:30 on July 5", None, "July 5=--07-05"),
        ("the 20th of July", P1, "20th of July=2023-07-20"),
        ("on September 3rd, 2021", None, "September 3rd, 2021=2021-09-03"),
        ("July 20-22, 2023", None, "July 20-22, 2023=2023-07-20[2023-07-20..2023-07-22]"),
        ("Monday, July 24, 2023 — The", None, "Monday, July 24, 2023=2023-07-24"),
        ("Friday, 21 July, officials", P1, "Friday, 21 July=2023-07-21"),
        ("date 2025-11-11 U.S. Deputy", None, "2025-11-11=2025-11-11"),
        ("on 07/20/2023 at", None, "07/20/2023=2023-07-20"),
        ("on 20/07/2023 at", None, "20/07/2023=2023-07-20"),
        ("in 2023-13-45 nothing", None, ""),
        // Months and years.
        ("in December 2023 the", None, "December 2023=2023-12"),
        ("In March 2023, the", None, "March 2023=2023-03"),
        ("in March the army", P1, "March=2023-03"),
        ("in March the army", None, "March=-"),
        ("in August the army", P1, "August=2022-08"),
        ("ahead of August’s general elections", P1, "August=2022-08"),
        ("by the end of March", P1, "March=2023-03"),
        ("in mid-July officials", P2, "July=2025-07"),
        ("last March the", P1, "last March=2023-03"),
        ("in December of last year", P1, "December of last year=2022-12"),
        ("in July this year", None, "July this year=-"),
        ("down 94% from last February", Some("2025-03-04"), "last February=2024-02"),
        ("last December", P3, "last December=2022-12"),
        ("next March the", P1, "next March=2024-03"),
        ("in May it rained", P1, "May=2023-05"),
        ("on May 5 it rained", None, "May 5=--05-05"),
        ("In 2022, Maduro visited Tehran", None, "2022=2022"),
        ("during a broader tour in 2023.", None, "2023=2023"),
        ("Chávez in 1999, who easily bonded", None, "1999=1999"),
        ("since 2020 the", P1, "2020=2020[2020..2023]"),
        ("since 2020 the", None, "2020=2020"),
        ("until 2008 the", None, "2008=2008"),
        ("by 2030 the", None, "2030=2030"),
        ("in mid-2023 the", None, "2023=2023"),
        ("in late 2019 and early 2020", None, "2019=2019; 2020=2020"),
        ("the 2019 report (2019) said", None, "2019=2019; 2019=2019"),
        ("behind the 1994 bombing of the AMIA", None, "1994=1994"),
        ("signed a 2019 agreement", None, "2019=2019"),
        ("during the 1990s", None, "1990s=199X[1990..1999]"),
        ("the early 2010s", None, "2010s=201X[2010..2019]"),
        ("The 1990's were", None, "1990's=199X[1990..1999]"),
        ("the war (2006-2019) ended", None, "2006-2019=2006..2019"),
        ("the war (2006–2019) ended", None, "2006–2019=2006..2019"),
        ("from 2006 to 2019 the", None, "2006 to 2019=2006..2019"),
        ("between 2006 and 2019 the", None, "2006 and 2019=2006..2019"),
        // Not dates.
        ("a $350 million deal", None, ""),
        ("1,725 soldiers and 85 people", None, ""),
        ("in 2,023 cases", None, ""),
        ("bought a 2022 Toyota", None, ""),
        ("the 2000 troops left", None, ""),
        ("of 1900 people", None, ""),
        ("around 2000 people", None, ""),
        ("Resolution No. 2023 was", None, ""),
        ("ending 17 years of a strained relationship", P2, ""),
        ("a 20-year cooperation agreement", None, ""),
        ("You may go. May we continue?", None, ""),
        ("May God help us", P1, ""),
        ("a march on the capital", None, ""),
        ("March organizers said", None, ""),
        ("an August body", None, ""),
        ("Theresa May said", None, ""),
        ("one of May's aides", P1, ""),
        ("on Mondays and Fridays", P1, ""),
        ("the month and the week", P1, ""),
        ("a two week visit", P1, ""),
        ("Bessent on Sunday Morning Futures and Fox News Sunday", P1, ""),
        ("on ABC This Week with", P1, ""),
        ("Last Week in Review", P1, "Last Week=2023-07-17..2023-07-23"),
        ("In today’s USA TODAY column", P1, "today=2023-07-30"),
        ("after Black Friday sales", P1, ""),
        // Relative.
        ("yesterday", P1, "yesterday=2023-07-29"),
        ("Today the", P2, "Today=2025-11-11"),
        ("tomorrow", P1, "tomorrow=2023-07-31"),
        ("yesterday", None, "yesterday=-"),
        ("last night", P1, "last night=2023-07-29"),
        ("this morning", P1, "this morning=2023-07-30"),
        ("the deal signed last week", P1, "last week=2023-07-17..2023-07-23"),
        ("this week", P1, "this week=2023-07-24..2023-07-30"),
        ("next week", P2, "next week=2025-11-17..2025-11-23"),
        ("over the past week", P2, "past week=2025-11-04..2025-11-11"),
        ("last week", None, "last week=-"),
        ("travelled to La Paz over the weekend to", P2, "weekend=2025-11-08..2025-11-09"),
        ("last weekend", P2, "last weekend=2025-11-08..2025-11-09"),
        ("over the weekend", P1, "weekend=2023-07-29..2023-07-30"),
        ("last weekend", P1, "last weekend=2023-07-22..2023-07-23"),
        ("next weekend", P2, "next weekend=2025-11-15..2025-11-16"),
        ("last month", P3, "last month=2023-12"),
        ("next month", P3, "next month=2024-02"),
        ("earlier this month", P2, "earlier this month=2025-11"),
        ("last year", P1, "last year=2022"),
        ("earlier this year", P1, "earlier this year=2023"),
        ("three days ago", P1, "three days ago=2023-07-27"),
        ("2 weeks ago", P1, "2 weeks ago=2023-07-16"),
        ("a week ago", P2, "a week ago=2025-11-04"),
        ("two months ago", P3, "two months ago=2023-11"),
        ("five years ago", P3, "five years ago=2019"),
        ("three days ago", None, "three days ago=-"),
        ("over the past decade", P1, "past decade=2013..2023"),
        ("the past two years", P1, "past two years=2021-07-30..2023-07-30"),
        ("in the last 10 days", P1, "last 10 days=2023-07-20..2023-07-30"),
        // Weekdays.
        ("last Monday", P1, "last Monday=2023-07-24"),
        ("last Monday", P2, "last Monday=2025-11-10"),
        ("last Tuesday", P2, "last Tuesday=2025-11-04"),
        ("demanded answers Monday following", P1, "Monday=2023-07-24"),
        ("Landau on Monday said", P2, "Monday=2025-11-10"),
        ("Tuesday night", P2, "Tuesday=2025-11-11"),
        ("on Saturday", P1, "Saturday=2023-07-29"),
        ("On Tuesday, Argentina signed an agreement.", P2, "Tuesday=2025-11-11"),
        ("on Sunday", P1, "Sunday=2023-07-30"),
        ("next Monday", P2, "next Monday=2025-11-17"),
        ("next Tuesday", P2, "next Tuesday=2025-11-18"),
        ("reported on Friday", None, "Friday=-"),
        ("demanded answers Monday following", None, "Monday=-"),
        // Vague.
        ("in recent weeks", P1, "recent weeks=-"),
        ("recently, officials", P1, "recently=-"),
        ("a few days ago", P1, "a few days ago=-"),
        ("in the coming months", P1, "coming months=-"),
        // Several in one text.
        (
            "Argentina sent a note on Monday, after the deal reached last week; in 2022 Maduro visited.",
            P1,
            "Monday=2023-07-24; last week=2023-07-17..2023-07-23; 2022=2022",
        ),
        // A coarse publication date is no publication date.
        ("on Monday and July 20", Some("2023-07"), "Monday=-; July 20=--07-20"),
    ];

    /// Renders every row of a table and fails with all the rows that differ.
    fn check_table(table: &[(&str, Option<&str>, &str)]) {
        let mut failures = Vec::new();
        for (text, published, expected) in table {
            let got = render(text, *published);
            if got != *expected {
                failures.push(format!(
                    "{text:?} (pub {published:?})\n   expected {expected:?}\n   got      {got:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} rows failed:\n{}",
            failures.len(),
            table.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn one_week_later_moves_only_days() {
        let day = |text: &str| text.parse::<PartialDate>().expect("valid test date");
        assert_eq!(one_week_later(day("2024-12-27")), day("2025-01-03"));
        assert_eq!(one_week_later(day("2024-02-26")), day("2024-03-04"));
        assert_eq!(one_week_later(day("2024-03")), day("2024-03"));
        assert_eq!(one_week_later(day("2024")), day("2024"));
    }

    #[test]
    fn table() {
        check_table(TABLE);
    }

    /// Spanish: one plain sentence per form, against the publication dates above.
    #[rustfmt::skip]
    const SPANISH: &[(&str, Option<&str>, &str)] = &[
        // Days.
        ("El acuerdo se firmó el 20 de julio de 2023 en Quito.", None, "20 de julio de 2023=2023-07-20"),
        ("El acuerdo se firmó el 20 de julio del 2023.", None, "20 de julio del 2023=2023-07-20"),
        ("La reunión fue el 20 de julio en Quito.", P1, "20 de julio=2023-07-20"),
        ("La reunión fue el 20 de julio en Quito.", None, "20 de julio=--07-20"),
        ("El desfile se celebró el 1.º de mayo en La Paz.", P1, "1.º de mayo=2023-05-01"),
        ("El desfile se celebró el 1º de mayo en La Paz.", P1, "1º de mayo=2023-05-01"),
        ("El desfile se celebró el 1 de mayo en La Paz.", P1, "1 de mayo=2023-05-01"),
        ("Lasso visitó Washington el 20 de julio pasado.", P1, "20 de julio pasado=2023-07-20"),
        ("Se reunieron el pasado 31 de julio.", Some("2023-07-20"), "pasado 31 de julio=2022-07-31"),
        ("La reunión será el 31 de julio.", Some("2023-07-20"), "31 de julio=2023-07-31"),
        ("Será el próximo 20 de julio.", P1, "próximo 20 de julio=2024-07-20"),
        ("Será el 20 de julio próximo.", P1, "20 de julio próximo=2024-07-20"),
        ("Lunes 24 de julio de 2023. El ministro habló.", None, "Lunes 24 de julio de 2023=2023-07-24"),
        ("Julio de 2023 fue un mes difícil.", None, "Julio de 2023=2023-07"),
        ("La reunión fue el 5 de Mayo en Puebla.", P1, "5 de Mayo=2023-05-05"),
        ("Ocurrió el 18 de mayo de este año.", P1, "18 de mayo de este año=2023-05-18"),
        ("Ocurrió el 18 de mayo del año pasado.", P1, "18 de mayo del año pasado=2022-05-18"),
        ("Sancionó a seis personas este martes, 25 de septiembre.", Some("2018-09-26"), "martes, 25 de septiembre=2018-09-25"),
        ("El domingo 23 de julio de 2023 hubo elecciones.", None, "domingo 23 de julio de 2023=2023-07-23"),
        ("Tegucigalpa, 27 abr (EFE).- Las Fuerzas Armadas", Some("2011-04-27"), "27 abr=2011-04-27"),
        ("MOSCÚ, 2 Abr. (Reuters/EP) - Rusia ha abierto", Some("2019-04-02"), "2 Abr.=2019-04-02"),
        ("El acuerdo se firmó el 20/07/2023 en Quito.", None, "20/07/2023=2023-07-20"),
        ("El acuerdo se firmó el 05/07/2023 en la sede de la cancillería.", None, "05/07/2023=2023-07-05"),
        // Months and years.
        ("Las maniobras empezaron en julio de 2023.", None, "julio de 2023=2023-07"),
        ("Las maniobras empezaron en setiembre de 2022.", None, "setiembre de 2022=2022-09"),
        ("El ministro viajó a Caracas en julio.", P1, "julio=2023-07"),
        ("El ministro viajó a Caracas en agosto.", P1, "agosto=2022-08"),
        ("El ministro viajó a Caracas en julio.", None, "julio=-"),
        ("Las obras durarán hasta diciembre.", P3, "diciembre=2023-12"),
        ("El ministro viajó a Caracas a fines de junio.", P1, "junio=2023-06"),
        ("Lo anunció el pasado marzo.", P1, "pasado marzo=2023-03"),
        ("Lo anunció en marzo pasado.", P1, "marzo pasado=2023-03"),
        ("Volverá el próximo marzo.", P1, "próximo marzo=2024-03"),
        ("Ocurrió en julio del año pasado.", P1, "julio del año pasado=2022-07"),
        ("Ocurrió durante el mes de julio.", P1, "julio=2023-07"),
        ("Maduro visitó Teherán en 2023.", None, "2023=2023"),
        ("Maduro visitó Teherán en el 2023.", None, "2023=2023"),
        ("Maduro visitó Teherán en el año 2019.", None, "2019=2019"),
        ("La crisis estalló a fines de 2023.", None, "2023=2023"),
        ("La crisis estalló a finales de 2023.", None, "2023=2023"),
        ("Las entregas empiezan a principios de 2024.", None, "2024=2024"),
        ("El contrato se firmó a mediados de 2022.", None, "2022=2022"),
        ("Las sanciones rigen desde 2020.", P1, "2020=2020[2020..2023]"),
        ("La guerra duró entre 2006 y 2019.", None, "2006 y 2019=2006..2019"),
        ("Fue un aliado en los años 90.", None, "años 90=199X[1990..1999]"),
        ("Fue un aliado en los años 2000.", None, "años 2000=200X[2000..2009]"),
        ("Fue un aliado en la década de 1990.", None, "década de 1990=199X[1990..1999]"),
        ("Fue un aliado en la década de los 90.", None, "década de los 90=199X[1990..1999]"),
        // Relative days and periods.
        ("El ministro lo dijo ayer en Quito.", P1, "ayer=2023-07-29"),
        ("El ministro lo dijo anteayer en Quito.", P1, "anteayer=2023-07-28"),
        ("El ministro lo dijo hoy en Quito.", P1, "hoy=2023-07-30"),
        ("El ministro hablará mañana en Quito.", P1, "mañana=2023-07-31"),
        ("El ministro habló esta mañana en Quito.", P1, "esta mañana=2023-07-30"),
        ("El ministro habló por la mañana.", P1, ""),
        ("El ministro hablará pasado mañana.", P1, "pasado mañana=2023-08-01"),
        ("Los misiles cayeron anoche.", P1, "anoche=2023-07-29"),
        ("El ministro hablará esta noche.", P1, "esta noche=2023-07-30"),
        ("Se reunieron esta semana en Lima.", P1, "esta semana=2023-07-24..2023-07-30"),
        ("Se reunieron la semana pasada en Lima.", P1, "semana pasada=2023-07-17..2023-07-23"),
        ("Se reunirán la próxima semana en Lima.", P2, "próxima semana=2025-11-17..2025-11-23"),
        ("Se reunirán la semana próxima en Lima.", P2, "semana próxima=2025-11-17..2025-11-23"),
        ("Las ventas cayeron el mes pasado.", P3, "mes pasado=2023-12"),
        ("Las ventas cayeron este mes.", P3, "este mes=2024-01"),
        ("Las ventas cayeron el año pasado.", P1, "año pasado=2022"),
        ("Las ventas subirán el próximo año.", P1, "próximo año=2024"),
        ("Las ventas cayeron este año.", P1, "este año=2023"),
        ("El acuerdo se firmó hace dos semanas.", P1, "hace dos semanas=2023-07-16"),
        ("El acuerdo se firmó hace tres días.", P1, "hace tres días=2023-07-27"),
        ("El acuerdo se firmó hace 10 días.", P1, "hace 10 días=2023-07-20"),
        ("El acuerdo se firmó hace un año.", P1, "hace un año=2022"),
        ("El acuerdo se firmó hace dos meses.", P3, "hace dos meses=2023-11"),
        ("El acuerdo se firmó hace tres días.", None, "hace tres días=-"),
        ("El acuerdo se firmó dos semanas atrás.", P1, "dos semanas atrás=2023-07-16"),
        ("El acuerdo se firmó hace unos días.", P1, "hace unos días=-"),
        ("Las ventas crecieron en los últimos diez años.", P1, "últimos diez años=2013-07-30..2023-07-30"),
        ("Viajó a La Paz el fin de semana.", P2, "fin de semana=2025-11-08..2025-11-09"),
        ("Viajó a La Paz el fin de semana pasado.", P1, "fin de semana pasado=2023-07-22..2023-07-23"),
        ("Viajará a La Paz el próximo fin de semana.", P2, "próximo fin de semana=2025-11-15..2025-11-16"),
        ("Las protestas crecieron recientemente.", P1, "recientemente=-"),
        // Weekdays.
        ("El ministro habló el lunes en Quito.", P1, "lunes=2023-07-24"),
        ("El ministro habló el lunes en Quito.", None, "lunes=-"),
        ("El ministro habló el miércoles.", P1, "miércoles=2023-07-26"),
        ("El ministro habló el sabado.", P1, "sabado=2023-07-29"),
        ("El ministro habló el domingo.", P1, "domingo=2023-07-30"),
        ("Se concentraron este sábado frente a la embajada.", P1, "este sábado=2023-07-29"),
        ("El centro fue inaugurado el pasado lunes.", P2, "pasado lunes=2025-11-10"),
        ("El centro fue inaugurado el lunes pasado.", P2, "lunes pasado=2025-11-10"),
        ("El centro fue inaugurado el martes pasado.", P2, "martes pasado=2025-11-04"),
        ("El centro será inaugurado el próximo lunes.", P2, "próximo lunes=2025-11-17"),
        ("El centro será inaugurado el lunes próximo.", P2, "lunes próximo=2025-11-17"),
        ("Dispararon en la mañana del lunes.", P1, "lunes=2023-07-24"),
        // Not dates.
        ("La marcha llegó a la Plaza de Mayo.", P1, ""),
        ("Celebraron el Cinco de Mayo en Texas.", P1, ""),
        ("Julio César Arce habló con la prensa.", P1, ""),
        ("Lo dijo Domingo Cavallo en Buenos Aires.", P1, ""),
        ("Viajó a Santo Domingo con su familia.", P1, ""),
        ("The tenor Domingo said on Monday", P1, "Monday=2023-07-24"),
        ("Doctors at the Mayo Clinic in Mayo said", P1, ""),
        ("Dijo que hace calor en Caracas.", P1, ""),
        ("Llegaron los 2000 soldados a la frontera.", None, ""),
        ("Se fueron más de 1900 personas.", None, ""),
        ("Pidió mayo con las papas en Texas.", P1, ""),
        ("in mayo the army", P1, ""),
        ("a UN 2019 report", None, ""),
        // Spanish and English in one text.
        ("Ayer, the minister said in 2022 that el lunes pasado fue", P2, "Ayer=2025-11-10; 2022=2022; lunes pasado=2025-11-10"),
    ];

    #[test]
    fn spanish() {
        check_table(SPANISH);
    }

    #[test]
    fn spanish_odd_input() {
        let published = Some("2023-07-30".parse().expect("valid"));
        for text in [
            "hace",
            "hace dos",
            "de",
            "el 1.",
            "1.º",
            "1.º de",
            "años",
            "los años",
            "década de",
            "la década de los",
            "fin de",
            "fin de semana",
            "mañana",
            "pasado mañana",
            "la",
            "julio de",
            "20 de julio de",
            "el pasado",
            "lunes pasado",
            "Domingo",
        ] {
            let _ = find_dates(text, published);
            let _ = find_dates(text, None);
        }
        assert_eq!(find_dates("mañana", published).len(), 1);
    }

    #[test]
    fn spanish_kinds() {
        let kinds = |text: &str| -> Vec<DateKind> {
            find_dates(text, Some("2023-07-30".parse().expect("valid")))
                .iter()
                .map(|m| m.kind)
                .collect()
        };
        use DateKind::*;
        assert_eq!(
            kinds("el 20 de julio de 2023, en julio, en 2023 y en los años 90"),
            [Absolute, Absolute, Absolute, Absolute]
        );
        assert_eq!(
            kinds("ayer, la semana pasada, el lunes pasado, el pasado lunes, hace dos días"),
            [Relative, Relative, Relative, Relative, Relative]
        );
        assert_eq!(kinds("el lunes y este viernes"), [Weekday, Weekday]);
        assert_eq!(kinds("recientemente, hace unos días"), [Vague, Vague]);
    }

    #[test]
    fn kinds() {
        let kinds = |text: &str| -> Vec<DateKind> {
            find_dates(text, Some("2023-07-30".parse().expect("valid")))
                .iter()
                .map(|m| m.kind)
                .collect()
        };
        use DateKind::*;
        assert_eq!(kinds("July 20, 2023 and in March"), [Absolute, Absolute]);
        assert_eq!(
            kinds("yesterday, last week, last Monday"),
            [Relative, Relative, Relative]
        );
        assert_eq!(kinds("on Monday and this Friday"), [Weekday, Weekday]);
        assert_eq!(kinds("recently"), [Vague]);
    }

    #[test]
    fn spans_are_absolute_and_ordered() {
        let text = "Héctor said “on Monday” that in 2023 and July 20 …";
        let found = find_dates(text, None);
        assert_eq!(found.len(), 3);
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        assert_eq!(found[2].span.slice(text), "July 20");
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(find_dates("", None).is_empty());
        assert!(find_dates("2023", None).is_empty());
        assert!(find_dates("99999999999999999999 July 4444444444", None).is_empty());
        let _ = find_dates("in 2023-", None);
        let _ = find_dates("July", Some("2023-07-30".parse().expect("valid")));
        let _ = find_dates("last", None);
    }
}
