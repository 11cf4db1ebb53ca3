//! Arbitrary bytes as a pledge file: loading and validating never panics, and a file that
//! loads is rendered in every format on dates around its period without panicking.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pledge::view::i18n::Lang;
use pledge::view::{self, meeting::Meeting};

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let Ok(text) = pledge::store::decode(data.to_vec()) else {
        return;
    };
    let loaded = pledge::load::load("f.toml", &text, today);
    for d in &loaded.diags {
        let _ = pledge::view::diag_words::render("f.toml", &text, d, pledge::view::i18n::Lang::Sv);
    }
    let Some(p) = loaded.pledge else {
        return;
    };
    for on in [
        p.period.start.pred_opt(),
        Some(p.period.start),
        p.period.end.pred_opt(),
        p.period.end.succ_opt(),
    ]
    .into_iter()
    .flatten()
    {
        let s = pledge::rules::status::pledge_status(&p, on);
        for lang in [Lang::Sv, Lang::En] {
            let _ = view::table::status_table(&s, lang, true, Some(60));
            let _ = view::markdown::status_markdown(&s, lang);
            let _ = view::markdown::report_markdown(&Meeting::new(&s, None, lang));
            let _ = view::html::report_html(&Meeting::new(&s, Some(on), lang));
        }
        let _ = view::csv::status_csv(std::slice::from_ref(&s));
        // all windows, and the per-activity limit the commands use by default
        let _ = view::json::write_status(std::io::sink(), &[&p], &[], on, None);
        let _ = view::json::write_status(std::io::sink(), &[&p], &[], on, Some(600));
        let findings = pledge::rules::findings::findings(&s, 30, "f.toml");
        let _ = view::json::check(on, 30, &findings, &[]);
    }
});
