//! The words that keep a status or a recorded entry from saying more than the record shows:
//! a kommun's share of a shared löfte, and `done`'s refusals of work that would count toward
//! no window. One exhaustive match per language ([`TruthMsg::en`], [`TruthMsg::sv`]).

use chrono::NaiveDate;

use super::Words;
use super::grammar::genitive;
use crate::rules::status::NoWindow;

#[derive(Debug, Clone, PartialEq)]
pub enum TruthMsg<'a> {
    /// Beside an activity every kommun of a shared löfte owns, in one kommun's view: the
    /// status is that kommun's share; `shared` entries recorded without a kommun are not
    /// counted for it.
    ShareOf { kommun: &'a str, shared: u32 },
    /// `done` refuses work that would count toward no window of the activity.
    NoWindow {
        activity: &'a str,
        date: NaiveDate,
        why: NoWindow,
    },
    /// `done` after the end of a löfte in force until replaced: its activities have ended.
    ActivitiesEnded {
        file: &'a str,
        end: NaiveDate,
        date: NaiveDate,
    },
}

impl Words for TruthMsg<'_> {
    type Text = String;

    fn en(&self) -> String {
        use TruthMsg::*;
        match self {
            ShareOf { kommun, shared: 0 } => format!("{kommun}'s share"),
            ShareOf { kommun, shared } => {
                format!("{kommun}'s share ({shared} recorded without a kommun not counted)")
            }
            NoWindow {
                activity,
                date,
                why,
            } => {
                let why = match why {
                    self::NoWindow::BeforeFrame(from) => format!("\"{activity}\" runs from {from}"),
                    self::NoWindow::AfterFrame(until) => {
                        format!("\"{activity}\" ran until {until}")
                    }
                    self::NoWindow::NoSlotThatWeek => format!(
                        "\"{activity}\" has no slot in the week of {date}: its day is a public holiday"
                    ),
                    self::NoWindow::NoRequestWaiting => format!(
                        "\"{activity}\" is done on request, and no request was waiting on {date}"
                    ),
                    self::NoWindow::NoOccasion { fixed: true } => format!(
                        "\"{activity}\" is done for each of its dates, and {date} is on none of them or within the days after one"
                    ),
                    self::NoWindow::NoOccasion { fixed: false } => {
                        return format!(
                            "note: \"{activity}\" is done for each occasion, and no occasion recorded so far is open on {date}: \
                             this work counts toward none until the occasion it follows is recorded"
                        );
                    }
                };
                let hint = match self {
                    NoWindow {
                        why: self::NoWindow::NoRequestWaiting,
                        ..
                    } => {
                        "record the request first (done … --request --date DAY_IT_CAME), then the answer"
                    }
                    _ => "give the day the work was done with --date YYYY-MM-DD",
                };
                format!(
                    "{why}; work on {date} would count toward none of its windows, so it is not recorded\n  {hint}"
                )
            }
            ActivitiesEnded { file, end, date } => format!(
                "{file} stays in force until it is replaced, but its activities ended on {end}: \
                 work on {date} would count toward none of them, so it is not recorded\n  \
                 work done by {end}: give its date with --date YYYY-MM-DD; later work: record it \
                 in the löfte that replaces it (`pledge new` writes one)"
            ),
        }
    }

    fn sv(&self) -> String {
        use TruthMsg::*;
        match self {
            ShareOf { kommun, shared: 0 } => format!("{} del", genitive(kommun)),
            ShareOf { kommun, shared } => format!(
                "{} del ({shared} {} utan angiven kommun räknas inte)",
                genitive(kommun),
                if *shared == 1 { "insats" } else { "insatser" }
            ),
            NoWindow {
                activity,
                date,
                why,
            } => {
                let why = match why {
                    self::NoWindow::BeforeFrame(from) => {
                        format!("\"{activity}\" gäller från {from}")
                    }
                    self::NoWindow::AfterFrame(until) => {
                        format!("\"{activity}\" gällde till {until}")
                    }
                    self::NoWindow::NoSlotThatWeek => format!(
                        "\"{activity}\" har ingen ordinarie tid veckan med {date}: dagen är en helgdag"
                    ),
                    self::NoWindow::NoRequestWaiting => format!(
                        "\"{activity}\" görs på förfrågan, och ingen förfrågan väntade på svar {date}"
                    ),
                    self::NoWindow::NoOccasion { fixed: true } => format!(
                        "\"{activity}\" görs vid vart och ett av sina datum, och {date} är inte ett av dem eller dagarna efter ett"
                    ),
                    self::NoWindow::NoOccasion { fixed: false } => {
                        return format!(
                            "obs: \"{activity}\" görs vid varje tillfälle, och inget tillfälle som registrerats hittills gäller {date}: \
                             arbetet räknas inte förrän tillfället det följer är registrerat"
                        );
                    }
                };
                let hint = match self {
                    NoWindow {
                        why: self::NoWindow::NoRequestWaiting,
                        ..
                    } => {
                        "registrera förfrågan först (done … --request --date DAGEN DEN KOM), sedan svaret"
                    }
                    _ => "ange dagen arbetet gjordes med --date ÅÅÅÅ-MM-DD",
                };
                format!(
                    "{why}; arbete den {date} skulle inte räknas i något av dess tidsfönster och registreras därför inte\n  {hint}"
                )
            }
            ActivitiesEnded { file, end, date } => format!(
                "{file} gäller tills ett nytt löfte ersätter det, men dess aktiviteter slutade \
                 {end}: arbete den {date} skulle inte räknas för någon av dem och registreras \
                 därför inte\n  arbete gjort senast {end}: ange dagen med --date ÅÅÅÅ-MM-DD; senare arbete: \
                 registrera det i löftet som ersätter det (`pledge new` skriver ett)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::i18n::Lang;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_message_reads_differently_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2017, 5, 1).unwrap();
        let mut all = vec![
            TruthMsg::ShareOf {
                kommun: "Forshaga",
                shared: 0,
            },
            TruthMsg::ShareOf {
                kommun: "Forshaga",
                shared: 2,
            },
            TruthMsg::ActivitiesEnded {
                file: "kil.toml",
                end: d,
                date: d,
            },
        ];
        for why in [
            NoWindow::BeforeFrame(d),
            NoWindow::AfterFrame(d),
            NoWindow::NoSlotThatWeek,
            NoWindow::NoRequestWaiting,
            NoWindow::NoOccasion { fixed: true },
            NoWindow::NoOccasion { fixed: false },
        ] {
            all.push(TruthMsg::NoWindow {
                activity: "vandring",
                date: d,
                why,
            });
        }
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 3, |m| match m {
            TruthMsg::ShareOf { .. } => 0,
            TruthMsg::NoWindow { .. } => 1,
            TruthMsg::ActivitiesEnded { .. } => 2,
        });
        assert_eq!(
            all[1].say(Lang::Sv),
            "Forshagas del (2 insatser utan angiven kommun räknas inte)"
        );
    }
}
