//! What a löfte's page shows of its outcome: its indicators (values, change, goal, a chart)
//! and the follow-up's verdicts, as the BRÅ report shows them, as HTML that is already
//! escaped. Empty when the löfte has neither; the page then leaves the section out.

use crate::rules::status::PledgeStatus;
use crate::view::i18n::Lang;

/// The indicators and verdicts of one löfte as an HTML fragment whose every text is escaped
/// (with [`crate::view::html::html`]); empty when it has none.
pub fn indicators_html(s: &PledgeStatus<'_>, lang: Lang) -> String {
    crate::view::outcome::site_html(s, lang, crate::view::html::html)
}
