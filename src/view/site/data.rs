//! The data beside the pages: `pledges.json`, `pledges.csv`, the Frictionless
//! `datapackage.json` that describes them, and `calendar.ics`.

use std::io;

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::view::Label;
use crate::view::csv::{STATUS_HEADER, WORDS_HEADER};
use crate::view::i18n::Lang;
use crate::view::messages::{DcatWords, Words};

/// What each column of the CSV holds: its type and a description.
fn field(name: &str) -> Value {
    let (kind, description) = match name {
        "file" => ("string", "The löfte's file"),
        "kommuner" => ("string", "The kommuner of the löfte, joined by \", \""),
        "kommunkod" => ("string", "Their SCB kommunkoder, joined by spaces"),
        "state" => ("string", "The löfte on the date: upcoming, active or ended"),
        "activity" => ("string", "The activity's id"),
        "owners" => ("string", "Who is responsible"),
        "target" => ("string", "The target, in words"),
        "required" => (
            "integer",
            "The count due in the current window (or over the period once it has ended)",
        ),
        "done" => ("integer", "The count done in that window"),
        "window_start" => ("date", "The first day of that window"),
        "window_end" => ("date", "The last day of that window"),
        "last_done" => ("date", "The day work was last recorded"),
        "status" => (
            "string",
            "met, partly_met, on_track, behind, missed, ongoing, no_reports, upcoming or nothing_due",
        ),
        "windows_met" => ("integer", "Windows of a recurring target met so far"),
        "windows_missed" => ("integer", "Windows missed so far"),
        "windows_open" => ("integer", "Windows current or to come"),
        "title" => (
            "string",
            "The activity's title (its own, else the start of its text)",
        ),
        "text" => ("string", "The activity's text, as the löfte states it"),
        "state_text" => ("string", "The state in words of the site's language"),
        "target_text" => ("string", "The target in words of the site's language"),
        "status_text" => ("string", "The status in words of the site's language"),
        _ => ("string", ""),
    };
    let mut f = json!({ "name": name, "type": kind, "description": description });
    if name == "status" {
        f["constraints"] = json!({ "enum": super::ORDER.map(|s| s.name()) });
    }
    if name == "state" {
        f["constraints"] = json!({ "enum": ["upcoming", "active", "ended"] });
    }
    f
}

/// The Frictionless Data Package (v1) of the site's data files.
pub fn datapackage(as_of: chrono::NaiveDate, lang: Lang) -> String {
    let title = lang.t(Label::SiteTitle);
    let doc = json!({
        "profile": "data-package",
        "name": "medborgarloften",
        "title": title,
        "description": format!("The status of every activity of every löfte on {as_of}, as computed by pledge."),
        "version": as_of.to_string(),
        "resources": [
            {
                "name": "pledges-csv",
                "path": "pledges.csv",
                "profile": "tabular-data-resource",
                "title": "One row per activity of every löfte",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": { "delimiter": ",", "header": true, "doubleQuote": true },
                "schema": {
                    "fields": STATUS_HEADER.iter().chain(&WORDS_HEADER).map(|n| field(n)).collect::<Vec<_>>(),
                    "missingValues": [""]
                }
            },
            {
                "name": "pledges-json",
                "path": "pledges.json",
                "profile": "data-resource",
                "title": "Every löfte with its activities, windows and follow-up (pledge status --format json)",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8"
            },
            {
                "name": "calendar",
                "path": "calendar.ics",
                "profile": "data-resource",
                "title": "Follow-ups, window ends and the löften's ends (iCalendar, RFC 5545)",
                "format": "ics",
                "mediatype": "text/calendar",
                "encoding": "utf-8"
            }
        ]
    });
    let mut t = serde_json::to_string_pretty(&doc).expect("JSON of values cannot fail");
    t.push('\n');
    t
}

/// What the DCAT-AP-SE description of the site's data says.
pub struct Dcat<'a> {
    pub as_of: NaiveDate,
    pub lang: Lang,
    /// The address the site is published at, ending in `/` (`site --base-url`): every IRI
    /// is then absolute, as Sveriges dataportal asks. Without it the IRIs are relative to the
    /// address the file is fetched from.
    pub base: Option<&'a str>,
    /// Who publishes the data.
    pub publisher: &'a str,
    /// The licence's address (`site --licence`); the löften's files state none, so without
    /// it the description says the licence is not stated.
    pub licence: Option<&'a str>,
    /// Whom to ask about the data (`site --contact`): an e-mail address or a web address.
    pub contact: Option<&'a str>,
    pub loften: usize,
}

/// The site's data described in DCAT-AP-SE (the profile Sveriges dataportal harvests), as
/// RDF/XML: a catalog with one dataset (the löften's status on the date) and its
/// distributions `pledges.csv`, `pledges.json` and `calendar.ics`, published by one agent,
/// with the dataset's contact point and the distributions' licence when they are given.
pub fn dcat(d: &Dcat<'_>) -> String {
    let iri = |path: &str| html(&format!("{}{path}", d.base.unwrap_or("")));
    let mut o = String::from(DCAT_HEAD);
    o.push_str(&format!(
        "<dcat:Catalog rdf:about=\"{}\">\n",
        iri("dcat.rdf#catalog")
    ));
    let (catalog_title, title, description) = dcat_words(d);
    o.push_str(&described(d.lang, &catalog_title, &description));
    o.push_str(&resource("dcterms:publisher", &iri("dcat.rdf#publisher")));
    o.push_str(&resource("dcat:dataset", &iri("dcat.rdf#dataset")));
    o.push_str(&resource("foaf:homepage", &iri("index.html")));
    o.push_str(&dated(d.as_of));
    o.push_str("</dcat:Catalog>\n");
    o.push_str(&format!(
        "<foaf:Agent rdf:about=\"{}\">\n",
        iri("dcat.rdf#publisher")
    ));
    o.push_str(&format!(
        "  <foaf:name>{}</foaf:name>\n</foaf:Agent>\n",
        html(d.publisher)
    ));
    o.push_str(&format!(
        "<dcat:Dataset rdf:about=\"{}\">\n",
        iri("dcat.rdf#dataset")
    ));
    o.push_str(&described(d.lang, &title, &description));
    o.push_str(&resource("dcterms:publisher", &iri("dcat.rdf#publisher")));
    o.push_str(&resource("dcat:landingPage", &iri("index.html")));
    o.push_str(&contact_point(d));
    for k in KEYWORDS {
        o.push_str(&format!(
            "  <dcat:keyword xml:lang=\"sv\">{k}</dcat:keyword>\n"
        ));
    }
    // Justice, legal system and public safety.
    o.push_str(&resource("dcat:theme", &format!("{EU}/data-theme/JUST")));
    o.push_str(&dated(d.as_of));
    for (file, _, _) in DISTRIBUTIONS {
        o.push_str(&resource(
            "dcat:distribution",
            &iri(&format!("dcat.rdf#{file}")),
        ));
    }
    o.push_str("</dcat:Dataset>\n");
    for dist in DISTRIBUTIONS {
        o.push_str(&distribution(d, dist, &iri));
    }
    o.push_str("</rdf:RDF>\n");
    o
}

const DCAT_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF\n  \
    xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n  \
    xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\"\n  \
    xmlns:dcterms=\"http://purl.org/dc/terms/\"\n  \
    xmlns:dcat=\"http://www.w3.org/ns/dcat#\"\n  \
    xmlns:foaf=\"http://xmlns.com/foaf/0.1/\"\n  \
    xmlns:vcard=\"http://www.w3.org/2006/vcard/ns#\">\n";

/// The EU's authority tables (languages, data themes).
const EU: &str = "http://publications.europa.eu/resource/authority";

const KEYWORDS: [&str; 5] = [
    "medborgarlöften",
    "polisen",
    "kommun",
    "trygghet",
    "brottsförebyggande",
];

fn html(s: &str) -> String {
    crate::view::html::html(s)
}

/// `  <TAG rdf:resource="IRI"/>`.
fn resource(tag: &str, iri: &str) -> String {
    format!("  <{tag} rdf:resource=\"{iri}\"/>\n")
}

/// A title and description in `lang`.
fn described(lang: Lang, title: &str, description: &str) -> String {
    let lang = lang.code();
    format!(
        "  <dcterms:title xml:lang=\"{lang}\">{}</dcterms:title>\n  \
         <dcterms:description xml:lang=\"{lang}\">{}</dcterms:description>\n",
        html(title),
        html(description)
    )
}

/// The language (Swedish) and the day it was modified.
fn dated(as_of: NaiveDate) -> String {
    format!(
        "{}  <dcterms:modified rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">{as_of}</dcterms:modified>\n",
        resource("dcterms:language", &format!("{EU}/language/SWE"))
    )
}

/// The catalog's title, the dataset's title and their description.
fn dcat_words(d: &Dcat<'_>) -> (String, String, String) {
    let catalog = match d.publisher {
        p if p.starts_with("Medborgarlöften") => p.to_string(),
        p => format!("Medborgarlöften – {p}"),
    };
    let description = DcatWords::Description {
        loften: d.loften,
        as_of: d.as_of,
    };
    (
        catalog,
        DcatWords::DatasetTitle.say(d.lang),
        description.say(d.lang),
    )
}

/// The dataset's contact point (`site --contact`): the publisher with an e-mail address
/// or a web address; without one, a comment that none is stated.
fn contact_point(d: &Dcat<'_>) -> String {
    let Some(c) = d.contact else {
        return "  <!-- no contact point stated: pledge site --contact EMAIL -->\n".to_string();
    };
    let how = if c.starts_with("https://") || c.starts_with("http://") {
        resource("vcard:hasURL", &html(c))
    } else {
        resource("vcard:hasEmail", &html(&format!("mailto:{c}")))
    };
    format!(
        "  <dcat:contactPoint>\n    <vcard:Organization>\n      <vcard:fn>{}</vcard:fn>\n    \
         {how}    </vcard:Organization>\n  </dcat:contactPoint>\n",
        html(d.publisher)
    )
}

/// One distribution: the file, its media type and its licence, or a rights statement that
/// the licence is not stated (never a licence the löften do not give).
fn distribution(
    d: &Dcat<'_>,
    (file, mediatype, what): (&str, &str, &str),
    iri: &dyn Fn(&str) -> String,
) -> String {
    let mut o = format!(
        "<dcat:Distribution rdf:about=\"{}\">\n  <dcterms:title xml:lang=\"en\">{}</dcterms:title>\n",
        iri(&format!("dcat.rdf#{file}")),
        html(what)
    );
    o.push_str(&resource("dcat:accessURL", &iri(file)));
    o.push_str(&resource("dcat:downloadURL", &iri(file)));
    o.push_str(&format!("  <dcterms:format>{mediatype}</dcterms:format>\n"));
    let iana = format!("https://www.iana.org/assignments/media-types/{mediatype}");
    o.push_str(&resource("dcat:mediaType", &iana));
    match d.licence {
        Some(l) => o.push_str(&resource("dcterms:license", &html(l))),
        None => o.push_str(&format!(
            "  <dcterms:rights>\n    <dcterms:RightsStatement>\n      <rdfs:label \
             xml:lang=\"{}\">{}</rdfs:label>\n    </dcterms:RightsStatement>\n  </dcterms:rights>\n",
            d.lang.code(),
            html(&crate::view::Msg::LicenceNotStated.say(d.lang))
        )),
    }
    o.push_str("</dcat:Distribution>\n");
    o
}

/// The data files a DCAT-AP-SE distribution describes: file, media type, title.
const DISTRIBUTIONS: [(&str, &str, &str); 3] = [
    (
        "pledges.csv",
        "text/csv",
        "One row per activity of every löfte (CSV)",
    ),
    (
        "pledges.json",
        "application/json",
        "Every löfte with its activities, windows and follow-up (JSON)",
    ),
    (
        "calendar.ics",
        "text/calendar",
        "Follow-ups, window ends and the löften's ends (iCalendar)",
    ),
];

/// The `status --format json` document from each löfte's [`crate::view::json::status_part`]: the same bytes as
/// [`crate::view::json::write_status`] of those löften.
pub fn write_status_parts<'a>(
    mut w: impl io::Write,
    as_of: NaiveDate,
    parts: impl IntoIterator<Item = &'a [u8]>,
) -> io::Result<()> {
    write!(
        w,
        "{{\n  \"schema_version\": {},\n  \"as_of\": \"{as_of}\",\n  \"pledges\": [",
        crate::view::json::SCHEMA_VERSION
    )?;
    let mut any = false;
    for p in parts {
        w.write_all(if any { b",\n" } else { b"\n" })?;
        w.write_all(&reindent(p, 2))?;
        any = true;
    }
    w.write_all(if any { b"\n  ]\n}" } else { b"]\n}" })
}

/// Compact JSON (serde_json's: no white space outside strings) as serde_json's pretty printer
/// writes it `depth` levels deep: two spaces a level, `": "` after a key, a line for each
/// member, `[]` and `{}` when empty.
fn reindent(json: &[u8], depth: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() * 2);
    let line = |out: &mut Vec<u8>, level: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * level, b' ');
    };
    out.resize(2 * depth, b' ');
    let (mut level, mut in_str, mut escaped) = (depth, false, false);
    let mut i = 0;
    while i < json.len() {
        let c = json[i];
        i += 1;
        if in_str {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_str = false;
            }
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                out.push(c);
            }
            b'{' | b'[' if matches!(json.get(i), Some(b'}' | b']')) => {
                out.extend([c, json[i]]);
                i += 1;
            }
            b'{' | b'[' => {
                out.push(c);
                level += 1;
                line(&mut out, level);
            }
            b'}' | b']' => {
                level -= 1;
                line(&mut out, level);
                out.push(c);
            }
            b',' => {
                out.push(c);
                line(&mut out, level);
            }
            b':' => out.extend(b": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn compact_json_reindented_is_serde_jsons_pretty_form() {
        let v = json!({
            "a": [], "b": {}, "c": [1, [2, {}], {"d": null}],
            "e": "q\"uo{te}[d], \\ \"x\": y\\",
            "f": { "g": [true, false, 1.5e-7, -3], "h": "ä\u{7}\u{202e}\n" }
        });
        let compact = serde_json::to_vec(&v).unwrap();
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        assert_eq!(
            String::from_utf8(super::reindent(&compact, 0)).unwrap(),
            pretty
        );
        let nested = serde_json::to_string_pretty(&json!({ "x": [v.clone()] })).unwrap();
        let inner = String::from_utf8(super::reindent(&compact, 2)).unwrap();
        assert!(
            nested.contains(&format!("[\n{inner}\n  ]")),
            "{nested}\n{inner}"
        );
    }
}
