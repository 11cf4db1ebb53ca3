//! The draft assembled from everything read: the kommun, the period (with its fallbacks
//! when the löfte states none of its own), the targets resolved, the follow-up.

use chrono::NaiveDate;

use super::super::dates::{self, PeriodFacts};
use super::super::rules::Kind;
use super::super::{Draft, FollowupDraft, Missing, Note, acts, clean, facts};
use super::Reader;
use crate::kommuner::Kommun;
use crate::model::Party;

/// On a löfte of the police alone (the text names no kommun), "vi", "tillsammans" and
/// "gemensamma" are the police, and an activity that names no owner is the police's.
fn police_alone(acts: &mut [super::super::ActivityDraft], top: &mut Vec<Note>) {
    let mut changed = 0;
    for a in acts.iter_mut() {
        let before = a.owners.len();
        a.owners.retain(|o| o.who != Party::Kommunen);
        a.partners.retain(|o| o.who != Party::Kommunen);
        let none = a.owners.is_empty();
        if none {
            a.owners.push(crate::model::Owner {
                who: Party::Polisen,
                role: None,
            });
            a.notes.retain(
                |n| !matches!(n, Note::Reading(r) if r.starts_with("the text names no owner")),
            );
        }
        if none || a.owners.len() != before {
            changed += 1;
        }
    }
    if changed > 0 {
        top.push(Note::Reading(format!(
            "the text names the police and no kommun: a löfte of the police alone, so \"vi\" \
             is the police and the police own the activities that name no owner ({changed} \
             activities)"
        )));
    }
}

/// "Under 2019", "under 2019 och 2020": words of a time during which the work is done.
fn during(words: &str) -> bool {
    words.trim_start().to_lowercase().starts_with("under ")
}

impl Reader<'_> {
    /// The löfte states no period of its own: the one activity that gives both its first
    /// and its last day ("Med början torsdagen den 17 november 2016 … fram till och med den
    /// 18 maj 2017"), or months without a year ("för perioden mars-maj") in the year of the
    /// page's own date line. Each a reading; otherwise nothing.
    fn unstated_period(&mut self) {
        let dated: Vec<(usize, PeriodFacts)> = self
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| (i, dates::period_facts(&a.text)))
            .filter(|(_, f)| f.start.is_some() && f.end.is_some())
            .collect();
        if let [(i, f)] = dated.as_slice() {
            self.period_notes.push(Note::Reading(format!(
                "the text states no period for the löfte; its dates are those of the activity \
                 \"{}\", the only one that gives a first and a last day",
                self.activities[*i].id
            )));
            self.facts.push(f.clone());
            return;
        }
        if self.activities_year() {
            return;
        }
        // "under hösten 2015" in the activities, and no other time: the löfte is the season's,
        // so it ends with that year; its start is not stated.
        let seasons: Vec<(i32, String)> = self
            .activities
            .iter()
            .filter_map(|a| dates::season_year(&a.text))
            .collect();
        if let Some((y, words)) = seasons.first()
            && seasons.iter().all(|(b, _)| b == y)
            && let Some(end) = NaiveDate::from_ymd_opt(*y, 12, 31)
        {
            self.period_notes.push(Note::Reading(format!(
                "the text states no period for the löfte; its activities are done \"{words}\", \
                 so it ends {end}, with that year; its start is not stated"
            )));
            self.facts.push(PeriodFacts {
                end: Some((end, words.clone())),
                ..PeriodFacts::default()
            });
            self.season_period = true;
            return;
        }
        if let Some(d) = self.dated
            && let Some(f) = dates::months_in_year(&self.body, chrono::Datelike::year(&d))
        {
            self.period_notes.push(Note::Reading(format!(
                "the months are stated without a year: the year is that of the page's date \
                 line, {d}"
            )));
            self.facts.push(f);
            return;
        }
        self.named_year_period();
    }

    /// "minst två riskkvällar 2019", "… under 2019": the period from the one year the
    /// activities name. True when read.
    fn activities_year(&mut self) -> bool {
        // "minst två riskkvällar 2019", "… under 2019": the activities' one year. Its end is
        // the löfte's last day; its start is not stated (the unstated-start form).
        let years: Vec<(i32, i32, String)> = self
            .activities
            .iter()
            .filter_map(|a| dates::period_facts(&a.text).years)
            .collect();
        if let Some((y1, y2, words)) = years.first()
            && years.iter().all(|(a, b, _)| (a, b) == (y1, y2))
            && let Some(end) = NaiveDate::from_ymd_opt(*y2, 12, 31)
        {
            // "Under 2019 kommer polisen och kommunen att …", "Polisen och kommunen ska under
            // 2019 och 2020 arbeta …": the löfte's work is done during those years, so they
            // are the löfte's, whole (as every reader of such a text took it). Not one
            // party's item that ends "… vid skolorna under 2026".
            let whole = self.activities.iter().any(|a| {
                let who: Vec<&Party> = a.owners.iter().map(|o| &o.who).collect();
                dates::period_facts(&a.text).years.is_some()
                    && (a.text.trim_start().to_lowercase().starts_with("under ")
                        || (who.contains(&&Party::Polisen)
                            && who
                                .iter()
                                .any(|p| matches!(p, Party::Kommunen | Party::Kommunerna))))
            });
            if during(words) && whole {
                self.period_notes.push(Note::Reading(format!(
                    "the text states no period for the löfte; its activities are done \
                     \"{words}\", the time of the work"
                )));
                self.facts.push(PeriodFacts {
                    years: Some((*y1, *y2, words.clone())),
                    ..PeriodFacts::default()
                });
                return true;
            }
            self.period_notes.push(Note::Reading(format!(
                "the text states no period for the löfte; its activities are done \"{words}\", \
                 so it ends {end}; its start is not stated ({})",
                if years.len() == 1 {
                    "one activity names the year".to_string()
                } else {
                    format!("{} activities name the year", years.len())
                }
            )));
            self.facts.push(PeriodFacts {
                end: Some((end, words.clone())),
                ..PeriodFacts::default()
            });
            return true;
        }
        false
    }

    /// No words of the period that a rule reads, but a year the text names: the löfte is
    /// read as ending with that year, its start not stated, and the reading says where the
    /// year came from so that a reader can check it. Without any year the import stops.
    fn named_year_period(&mut self) {
        let sentences: Vec<String> = self.body.lines().flat_map(clean::sentences).collect();
        let Some((y, sentence, from)) = dates::named_year(&sentences) else {
            return;
        };
        let Some(end) = NaiveDate::from_ymd_opt(y, 12, 31) else {
            return;
        };
        // "Det här ska vi göra under 2018": the year is the time of the work, whole.
        if let Some((y1, y2, words)) = dates::period_facts(&sentence).years
            && during(&words)
            && y2 == y
        {
            self.period_notes.push(Note::Reading(format!(
                "the text states its period in no words pledge reads; \"{words}\" in the \
                 sentence quoted below is the time of the work: check the period against the \
                 text"
            )));
            self.facts.push(PeriodFacts {
                years: Some((y1, y2, sentence)),
                ..PeriodFacts::default()
            });
            return;
        }
        let whence = match from {
            dates::YearFrom::Lofte => "the latest year a sentence about the löfte names",
            dates::YearFrom::Often => "the year the text names most often",
            dates::YearFrom::PageDate => {
                "the year of the page's own date line, the only year the text names"
            }
        };
        self.period_notes.push(Note::Reading(format!(
            "the text states its period in no words pledge reads; {y} is {whence} (the \
             sentence quoted below), so the löfte is read as ending {end}, its start not \
             stated: check the period against the text"
        )));
        self.facts.push(PeriodFacts {
            end: Some((end, sentence)),
            ..PeriodFacts::default()
        });
    }

    /// The kommun(er), and what they make of the owners read: the police alone where no
    /// kommun is named, "kommunerna" where several are.
    fn kommuner(&mut self, top: &mut Vec<Note>) -> Result<Vec<&'static Kommun>, Missing> {
        let kommuner = facts::kommuner(
            self.opts,
            &self.title,
            &self.body,
            self.source.as_deref(),
            top,
        )?;
        if self.police_only {
            police_alone(&mut self.activities, top);
        }
        if kommuner.len() > 1 {
            // On a löfte for several kommuner, "kommunen" of its text is all of them.
            for a in &mut self.activities {
                for o in a.owners.iter_mut().chain(a.partners.iter_mut()) {
                    if o.who == Party::Kommunen {
                        o.who = Party::Kommunerna;
                    }
                }
            }
        }
        Ok(kommuner)
    }

    /// Every activity's target resolved against the others and the period; the
    /// `[[event]]`s they count per occurrence of.
    fn targets(
        &mut self,
        kommuner: &[&'static Kommun],
        start: Option<NaiveDate>,
        end: NaiveDate,
    ) -> Vec<(String, String)> {
        let others: Vec<(String, String)> = self
            .activities
            .iter()
            .map(|a| (a.id.clone(), a.text.clone()))
            .collect();
        let names: Vec<String> = kommuner.iter().map(|k| k.name.to_string()).collect();
        let cx = super::super::kinds::Context {
            id: "",
            text: "",
            others: &others,
            // Without a stated start, months are placed only in the year the period ends.
            period: (
                start.unwrap_or_else(|| {
                    NaiveDate::from_ymd_opt(chrono::Datelike::year(&end), 1, 1).unwrap_or(end)
                }),
                end,
            ),
            kommuner: &names,
        };
        let mut events: Vec<(String, String)> = Vec::new();
        for a in &mut self.activities {
            // "minst två insatser under hösten 2015" where the period is that season's: the
            // season is the löfte's own time, and the count is over it.
            if self.season_period
                && let Some(f) = &a.found
                && f.kind == Kind::OwnFrame
                && dates::season_year(&a.text).is_some()
                && let Some(c) = f.with_count.clone()
            {
                a.notes.push(Note::Reading(format!(
                    "\"{}\" is the season the period is read from: the count is over the period",
                    f.words
                )));
                a.found = Some(*c);
            }
            if let Some(e) = acts::resolve(a, &cx)
                && !events.iter().any(|(id, _)| *id == e.0)
            {
                events.push(e);
            }
        }
        events
    }

    /// The follow-up read, with the sentences of its section no rule placed.
    fn followup_draft(&mut self) -> Option<FollowupDraft> {
        let mut followup = (self.followup_seen || !self.followup.is_empty())
            .then(|| facts::followup(&self.followup));
        if let Some(f) = &mut followup {
            f.notes.append(&mut self.followup_notes);
        } else if !self.followup_notes.is_empty() {
            followup = Some(FollowupDraft {
                notes: std::mem::take(&mut self.followup_notes),
                ..FollowupDraft::default()
            });
        }
        followup
    }

    /// The part of the kommun the löfte covers: from the title, the promise or its focus.
    fn area(&self, kommuner: &[&'static Kommun]) -> Option<(String, &'static str)> {
        match kommuner {
            [one] if self.opts.kommun.is_none() => facts::area_in_title(&self.title, one)
                .map(|a| (a, "the part of the title beside the kommun"))
                .or_else(|| {
                    facts::area_in_promise(&self.body, one).map(|a| {
                        (
                            a,
                            "the place the promise names (\"öka tryggheten i/vid …\")",
                        )
                    })
                })
                .or_else(|| {
                    facts::area_in_focus(&self.body, one).map(|a| {
                        (
                            a,
                            "the place the löfte's focus names (\"geografiska fokus ligger på …\")",
                        )
                    })
                }),
            _ => None,
        }
    }

    /// The draft, assembled from every part read, in the order it is written.
    pub(super) fn finish(mut self) -> Result<Draft, Missing> {
        if self.activities.is_empty() {
            self.agreed_activities();
        }
        if self.activities.is_empty() {
            self.future_activities();
        }
        self.prioritised_areas();
        if self.activities.is_empty() {
            return Err(Missing::Activities);
        }
        let mut top = std::mem::take(&mut self.top_notes);
        let kommuner = self.kommuner(&mut top)?;
        let area = self.area(&kommuner);
        if self.title.trim().is_empty() {
            let names: Vec<&str> = kommuner.iter().map(|k| k.name).collect();
            self.title = format!("Medborgarlöfte för {}", names.join(", "));
            top.push(Note::Reading(
                "the text has no heading: the title is composed".into(),
            ));
        }
        if self.facts.iter().all(PeriodFacts::is_empty) {
            self.unstated_period();
        }
        let (start, end, until_replaced) = facts::period(
            &self.facts,
            self.signed.as_ref().map(|s| s.0),
            self.opts,
            &mut self.period_notes,
        )?;
        let events = self.targets(&kommuner, start, end);
        let followup = self.followup_draft();
        let mut tail = Vec::new();
        if let Some(h) = self.stopped.take() {
            tail.push(Note::Reading(format!(
                "\"{h}\" begins another löfte on the same page (other years): it and what follows \
                 are not read into this draft"
            )));
            tail.append(&mut self.rest);
        }
        Ok(Draft {
            head: self.head,
            title: self.title,
            kommuner,
            area,
            lokalpolisomrade: self.lpo,
            source: self.source,
            signed: self.signed,
            signatories: self.signatories,
            top_notes: top,
            promise: self.promise,
            intro: self.intro,
            start,
            end,
            until_replaced,
            period_notes: self.period_notes,
            problem: self.problem,
            activities: self.activities,
            events,
            after_activities: self.pending,
            followup,
            tail,
        })
    }
}
