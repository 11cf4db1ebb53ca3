//! The hook for the indicators (issue 13): what a löfte's page shows of its indicators, as
//! HTML that is already escaped. Empty until the outcome views are wired here; the page
//! leaves the section out while it is empty.

use crate::i18n::Lang;
use crate::status::PledgeStatus;

/// The indicators of one löfte (their values, charts and verdicts) as an HTML fragment whose
/// every text is escaped (with [`crate::view::html::html`]); empty when it has none.
pub fn indicators_html(_s: &PledgeStatus<'_>, _lang: Lang) -> String {
    String::new()
}
