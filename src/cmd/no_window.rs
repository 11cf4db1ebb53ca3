//! `done`'s refusal of work that would count toward no window of its activity (F27), and the
//! note for work per occasion when no occasion is recorded yet.

use anyhow::Result;

use super::Refused;
use crate::edit::record::NewEntry;
use crate::model::Pledge;
use crate::rules::resolve::ActivityOrFollowup;
use crate::rules::status::NoWindow;
use crate::view::i18n::Lang;
use crate::view::messages::{TruthMsg, Words};

/// Refuses work that would count toward no window of its activity (F27): before the
/// activity's own `from`, after its `until`, in a week without a slot, an answer with no
/// request waiting, off every listed date ([`crate::rules::status::no_window`]). Work per
/// occurrence of something recorded, with no occasion open yet, is not refused: the note
/// returned says so (the occasion may be recorded after the work).
pub(super) fn refuse_no_window(
    p: &Pledge,
    target: &ActivityOrFollowup<'_>,
    entry: &NewEntry,
    lang: Lang,
) -> Result<Option<String>> {
    let ActivityOrFollowup::Activity(act) = target else {
        return Ok(None);
    };
    let part = entry
        .part
        .as_deref()
        .and_then(|id| act.parts.iter().find(|x| x.id == id));
    let (unit, date) = (entry.unit.as_deref(), entry.date);
    match crate::rules::status::no_window(p, act, part, unit, date, entry.request) {
        Some(why) => {
            let activity = part.map_or(act.id.as_str(), |x| x.id.as_str());
            let msg = TruthMsg::NoWindow {
                activity,
                date,
                why,
            };
            match why {
                NoWindow::NoOccasion { fixed: false } => Ok(Some(msg.say(lang))),
                _ => Err(Refused(msg.say(lang)).into()),
            }
        }
        None => Ok(None),
    }
}
