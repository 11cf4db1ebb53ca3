//! The words of `site`'s refusals: an option it cannot publish, and an output folder it will
//! not write into. One exhaustive match per language ([`SiteRefusal::en`],
//! [`SiteRefusal::sv`]).

use super::Words;

#[derive(Debug)]
pub enum SiteRefusal<'a> {
    Licence(&'a str),
    Contact(&'a str),
    BaseUrl(&'a str),
    /// The output is a symbolic link (to where, when it can be read).
    Symlink {
        out: &'a str,
        to: Option<&'a str>,
    },
    NotAFolder(&'a str),
    /// The folder holds files and no marker of an earlier build.
    Foreign {
        out: &'a str,
        marker: &'a str,
    },
    /// Files pledge did not write, which the build would replace.
    WouldReplace {
        out: &'a str,
        files: &'a [&'a str],
    },
}

impl Words for SiteRefusal<'_> {
    type Text = String;

    fn en(&self) -> String {
        use SiteRefusal::*;
        match self {
            Licence(l) => format!(
                "--licence {l}: give the licence's address, as \
                 https://creativecommons.org/publicdomain/zero/1.0/"
            ),
            Contact(c) => format!(
                "--contact {c}: give an e-mail address (brottsforebyggande@kommun.se) or a web \
                 address (https://…)"
            ),
            BaseUrl(u) => format!(
                "--base-url {u}: give the address the site is published at, as https://www.example.se/medborgarloften/"
            ),
            Symlink { out, to } => format!(
                "{out} is a symbolic link (to {}); the site is not written. Give the folder it \
                 points to, or add --force to write through the link",
                to.unwrap_or("somewhere unreadable")
            ),
            NotAFolder(out) => format!("{out} is not a folder; the site is not written"),
            Foreign { out, marker } => format!(
                "{out} holds files that pledge did not write (it has no {marker}); the site is \
                 not written. Choose an empty or new folder, or add --force to write into it"
            ),
            WouldReplace { out, files } => {
                let one = files.len() == 1;
                format!(
                    "{out} holds {} that pledge did not write and would replace: {}; the site \
                     is not written and {} left alone. Move {} away, or choose another folder",
                    if one { "a file" } else { "files" },
                    files.join(", "),
                    if one { "it is" } else { "they are" },
                    if one { "it" } else { "them" }
                )
            }
        }
    }

    fn sv(&self) -> String {
        use SiteRefusal::*;
        match self {
            Licence(l) => format!(
                "--licence {l}: ange licensens adress, till exempel \
                 https://creativecommons.org/publicdomain/zero/1.0/"
            ),
            Contact(c) => format!(
                "--contact {c}: ange en e-postadress (brottsforebyggande@kommun.se) eller en \
                 webbadress (https://…)"
            ),
            BaseUrl(u) => format!(
                "--base-url {u}: ange adressen där webbplatsen publiceras, till exempel \
                 https://www.example.se/medborgarloften/"
            ),
            Symlink { out, to } => format!(
                "{out} är en symbolisk länk (till {}); webbplatsen skrevs inte. Ange mappen den \
                 pekar på, eller lägg till --force för att skriva genom länken",
                to.unwrap_or("en plats som inte går att läsa")
            ),
            NotAFolder(out) => format!("{out} är ingen mapp; webbplatsen skrevs inte"),
            Foreign { out, marker } => format!(
                "{out} innehåller filer som pledge inte skrev (den har ingen {marker}); \
                 webbplatsen skrevs inte. Välj en tom eller ny mapp, eller lägg till --force \
                 för att skriva i den"
            ),
            WouldReplace { out, files } => {
                let one = files.len() == 1;
                format!(
                    "{out} innehåller {} som pledge inte skrev och som skulle ersättas: {}; \
                     webbplatsen skrevs inte och {} lämnas orörd{}. Flytta {} eller välj en \
                     annan mapp",
                    if one { "en fil" } else { "filer" },
                    files.join(", "),
                    if one { "den" } else { "de" },
                    if one { "" } else { "a" },
                    if one { "den" } else { "dem" }
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_refusal_reads_differently_in_each_language() {
        let files = ["index.html", "data.json"];
        let all = [
            SiteRefusal::Licence("cc0"),
            SiteRefusal::Contact("bra"),
            SiteRefusal::BaseUrl("x"),
            SiteRefusal::Symlink {
                out: "ut",
                to: Some("/srv"),
            },
            SiteRefusal::Symlink {
                out: "ut",
                to: None,
            },
            SiteRefusal::NotAFolder("ut"),
            SiteRefusal::Foreign {
                out: "ut",
                marker: ".pledge-site",
            },
            SiteRefusal::WouldReplace {
                out: "ut",
                files: &files[..1],
            },
            SiteRefusal::WouldReplace {
                out: "ut",
                files: &files,
            },
        ];
        // Exhaustive: a new refusal fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 7, |m| match m {
            SiteRefusal::Licence(_) => 0,
            SiteRefusal::Contact(_) => 1,
            SiteRefusal::BaseUrl(_) => 2,
            SiteRefusal::Symlink { .. } => 3,
            SiteRefusal::NotAFolder(_) => 4,
            SiteRefusal::Foreign { .. } => 5,
            SiteRefusal::WouldReplace { .. } => 6,
        });
    }
}
